"""Loads the screening vocabularies shipped in screening/data/ (legal forms, bilingual org terms,
regions, name parts, Chinese surnames) into look-up tables.

Legal source: each data file cites its own sources per entry or section (ISO 20275 ELF list, PRC
Company Law Art. 2, Provisions on the Administration of Enterprise Names Art. 6, GB/T 2260, ICAO
Doc 9303, ...). Files are read once per process from the installed package (no network).
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry

from exportctl.core.errors import MalformedFile
from exportctl.core.screening.normalise import fold_latin, normalise_name
from exportctl.core.screening.tokens import FORM, GENERIC, NAME, REGION, STOP, TITLE


@dataclass(frozen=True)
class LexEntry:
    """What a word or phrase is: its kind, concepts and canonical comparable text."""

    kind: int
    concepts: tuple[str, ...]
    canonical: str
    how: str  # "legal_form", "abbreviation", "translation", "" ...
    org: bool = False  # marks the name as an organisation's (legal form or organisation word)
    english: tuple[str, ...] = ()  # English forms (for Han entries: the translations)


def _rows(filename: str, columns: int) -> list[list[str]]:
    text = (
        resources.files("exportctl.core.screening")
        .joinpath("data")
        .joinpath(filename)
        .read_text("utf-8")
    )
    rows: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise MalformedFile(
                f"expected {columns} tab-separated columns", location=f"{filename}:{number}"
            )
        rows.append(cells)
    return rows


def latin_phrase(text: str) -> tuple[str, ...]:
    """Tokens of a Latin vocabulary phrase, normalised like names are."""
    return tuple(fold_latin(w) for w in normalise_name(text).split(" ") if w)


@dataclass
class Lexicon:
    """Phrase look-up: Latin phrases by first token (longest first) and Han strings."""

    latin: dict[str, list[tuple[tuple[str, ...], LexEntry]]]
    han: dict[str, list[LexEntry]]
    han_max: int
    concept_english: dict[str, tuple[str, ...]]
    form_family: dict[str, str]

    def add_latin(self, phrase: tuple[str, ...], entry: LexEntry) -> None:
        if not phrase:
            return
        bucket = self.latin.setdefault(phrase[0], [])
        for i, (existing, old) in enumerate(bucket):
            if existing == phrase:
                # an organisation word that is also a given name (petro = Petroleum, and the
                # Ukrainian Petro = Pyotr) carries both concepts
                if (old.kind == entry.kind or entry.kind in (TITLE, STOP)
                        or (entry.kind == NAME and old.kind in (GENERIC, REGION))):  # fmt: skip
                    merged = tuple(dict.fromkeys(old.concepts + entry.concepts))
                    bucket[i] = (existing, _with_concepts(old, merged))
                    return
                if not (old.kind == STOP and entry.kind == NAME):
                    return
                # a particle that is also a given name (ben = Benjamin): the name reading is
                # kept after it, for a name's first word (analyse._opening_word)
        bucket.append((phrase, entry))
        bucket.sort(key=lambda pe: -len(pe[0]))

    def add_han(self, text: str, entry: LexEntry) -> None:
        self.han.setdefault(text, []).append(entry)
        self.han_max = max(self.han_max, len(text))


def _with_concepts(entry: LexEntry, concepts: tuple[str, ...]) -> LexEntry:
    return LexEntry(entry.kind, concepts, entry.canonical, entry.how, entry.org, entry.english)


@cache
def lexicon() -> Lexicon:
    """All vocabularies merged; built once per process (about 50 ms)."""
    lex = Lexicon({}, {}, 1, {}, {})
    for phrase, code, family, _src in _rows("legal_forms.tsv", 4):
        lex.form_family[code] = family
        entry = LexEntry(FORM, (code,), code.lower(), "legal_form", org=True)
        if phrase.isascii():
            lex.add_latin(tuple(phrase.split(" ")), entry)
        else:
            lex.add_han(phrase, entry)
    for concept, kind, en, abbr, zh, _src in _rows("org_terms.tsv", 6):
        forms = tuple(f for f in en.split("|") if f)
        canonical = " ".join(latin_phrase(forms[0]))
        token_kind = NAME if kind == "jpname" else GENERIC
        org = kind == "org"
        english = tuple(" ".join(latin_phrase(f)) for f in forms)
        lex.concept_english[concept] = english
        for form in forms:
            lex.add_latin(latin_phrase(form), LexEntry(token_kind, (concept,), canonical, "", org))
        for form in abbr.split("|"):
            if form:
                entry = LexEntry(token_kind, (concept,), canonical, "abbreviation", org)
                lex.add_latin(latin_phrase(form), entry)
        for form in zh.split("|"):
            if form:
                how = "transliteration" if kind == "jpname" else "translation"
                lex.add_han(form, LexEntry(token_kind, (concept,), canonical, how, org, english))
    for code, _kind, en, zh, _src in _rows("regions.tsv", 5):
        _add_region(lex, code, en.split("|"), zh.split("|"))
    _add_countries(lex)
    for part, concept, part_forms, _src in _rows("name_parts.tsv", 4):
        part_kind = {"particle": STOP, "title": TITLE, "variant": NAME}[part]
        for form in part_forms.split("|"):
            if not form.isascii():
                lex.add_han(form, LexEntry(part_kind, (concept,), "and", "translation"))
                continue
            words = latin_phrase(form)
            canonical = words[0] if part != "variant" else concept.lower()
            lex.add_latin(words, LexEntry(part_kind, (concept,), canonical, ""))
    return lex


def _add_region(lex: Lexicon, code: str, english: list[str], chinese: list[str]) -> None:
    names = [e for e in english if e]
    if not names:
        return
    canonical = " ".join(latin_phrase(names[0]))
    alts = tuple(" ".join(latin_phrase(e)) for e in names)
    lex.concept_english.setdefault(code, alts)
    for name in names:
        lex.add_latin(latin_phrase(name), LexEntry(REGION, (code,), canonical, ""))
    for name in chinese:
        if name:
            lex.add_han(name, LexEntry(REGION, (code,), canonical, "translation", False, alts))


def _add_countries(lex: Lexicon) -> None:
    """Every ISO 3166-1 country in English (pycountry) and simplified Chinese (its zh_CN catalog)."""
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    for country in pycountry.countries:
        code = country.alpha_2
        english = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                english.append(value)
        english = [e for e in english if "," not in e]  # "Korea, Republic of" is not a name form
        if not english:
            continue
        chinese = [zh.gettext(country.name)]
        if code not in lex.concept_english:
            _add_region(lex, code, english, [c for c in chinese if c != country.name])
        else:
            for name in english:
                entry = LexEntry(REGION, (code,), lex.concept_english[code][0], "")
                lex.add_latin(latin_phrase(name), entry)


@dataclass(frozen=True)
class Surname:
    zh: str
    pinyin: str
    variants: tuple[str, ...]


@cache
def chinese_surnames() -> dict[str, Surname]:
    """Chinese surnames (one or two characters) with their non-pinyin romanisations."""
    out: dict[str, Surname] = {}
    for zh, pinyin, variants, *_ in _rows("zh_surnames.tsv", 3):
        forms = tuple(dict.fromkeys(v.replace(" ", "") for v in variants.split("|") if v))
        out[zh] = Surname(zh, pinyin, forms)
    return out


@cache
def surname_readings() -> dict[str, frozenset[str]]:
    """Latin spelling of a Chinese surname -> the pinyin surnames it can stand for."""
    out: dict[str, set[str]] = {}
    for surname in chinese_surnames().values():
        for variant in (surname.pinyin, *surname.variants):
            out.setdefault(variant, set()).add(surname.pinyin)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def foreign_given_names() -> dict[str, tuple[str, ...]]:
    """Standard Chinese rendering of a foreign given name -> its Latin forms (约翰 = John)."""
    return {zh: tuple(f for f in forms.split("|") if f)
            for zh, forms, _src in _rows("foreign_given_names.tsv", 3)}  # fmt: skip
