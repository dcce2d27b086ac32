"""Step 1b of screening: analyse a name into typed tokens (names, legal forms, industry words,
regions, particles, titles, numbers, initials), in every script.

Legal source: Provisions on the Administration of Enterprise Names (State Council Decree No. 734,
2020) Art. 6 for the four parts of a Chinese enterprise name; ISO 20275 for legal forms; ICAO
Doc 9303 Part 3 for personal-name particles and transliteration.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from exportctl.core.screening import chinese
from exportctl.core.screening.normalise import (
    ARABIC,
    HAN,
    HANGUL,
    LATIN,
    dominant_script,
    fold_latin,
    normalise_name,
    split_runs,
)
from exportctl.core.screening.phonetic import phonetic_key
from exportctl.core.screening.tokens import (
    FORM,
    GENERIC,
    INITIAL,
    NAME,
    NUMBER,
    PINYIN,
    REGION,
    STOP,
    TITLE,
    TRANSLATION,
    TRANSLITERATION,
    Token,
)
from exportctl.core.screening.transliterate import (
    arabic_words,
    hangul_syllables,
    is_korean_person_word,
    korean_name_parts,
    latin_words,
)
from exportctl.core.screening.vocabulary import LexEntry, chinese_surnames, lexicon

ORGANISATION_SCHEMAS = frozenset({"Organization", "Company", "Vessel", "Aircraft"})
_KIND_PRIORITY = {FORM: 0, REGION: 1, GENERIC: 2, NAME: 3, STOP: 4, TITLE: 5}
_ROMAN = {
    "ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "xii": 12, "xiii": 13,
    "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20,
}  # fmt: skip
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


class NameForm(NamedTuple):
    """A name analysed for matching."""

    original: str
    normalised: str
    script: str  # dominant script of the name as written
    tokens: tuple[Token, ...]
    org: bool  # carries organisation markers (legal form, organisation word)
    person: bool  # read as a personal name (schema Person, or a Chinese/Korean personal name)
    chinese_frame: bool  # region/industry/form frame around a trade name (Chinese enterprise)


class _Word(NamedTuple):
    text: str
    surface: str
    script: str
    how: str


def analyse_name(name: str, schema: str | None = None) -> NameForm:
    """Analyse one name; `schema` (FollowTheMoney schema name) helps read Han and Hangul names."""
    normalised = normalise_name(name)
    person_schema = schema == "Person"
    org_schema = schema in ORGANISATION_SCHEMAS
    tokens: list[Token] = []
    words: list[_Word] = []
    han_chunks: list[str] = []
    person = person_schema
    runs = split_runs(normalised)
    hangul_text = "".join(t for s, t in runs if s == HANGUL)
    korean_person = not org_schema and is_korean_person_word(hangul_text, HANGUL)

    def flush() -> None:
        nonlocal person
        if words:
            tokens.extend(_latin_tokens(words, org_schema))
            words.clear()
        if han_chunks:
            han_tokens, han_person = _han_tokens(han_chunks, schema)
            tokens.extend(han_tokens)
            person = person or han_person
            han_chunks.clear()

    runs = _join_hyphenated_syllables(name, runs)
    for script, text in runs:
        if script == HAN:
            if words:
                flush()
            han_chunks.append(text)
            continue
        if han_chunks:
            flush()
        if script == LATIN:
            words.append(_Word(fold_latin(text), text, LATIN, ""))
        elif script == ARABIC:
            words.extend(
                _Word(lat, sur, ARABIC, TRANSLITERATION) for sur, lat in arabic_words(text)
            )
        elif script == HANGUL:
            if korean_person and text == hangul_text:
                flush()
                tokens.extend(_korean_person_tokens(text))
                person = True
            elif text in lexicon().han:
                flush()
                tokens.append(_han_entry_token(text, lexicon().han[text]))
            else:
                words.append(_Word("".join(hangul_syllables(text)), text, HANGUL, TRANSLITERATION))
        else:
            words.extend(_Word(w, text, script, TRANSLITERATION) for w in latin_words(text))
    flush()
    org = any(t.kind == FORM for t in tokens) or any(_is_org_word(t) for t in tokens)
    if person_schema:
        org = False
    names = [t for t in tokens if t.kind == NAME]
    frame = (
        org
        and bool(names)
        and any(t.kind == REGION for t in tokens[:1])
        and (any(t.script == HAN for t in tokens) or _starts_with_chinese_region(tokens))
    ) or (not org and _chinese_person(tokens))
    return NameForm(
        name, normalised, dominant_script(normalised), tuple(tokens), org, person, frame
    )


_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def _join_hyphenated_syllables(name: str, runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A hyphenated pair of Chinese syllables is one given name (Li Yun-chiang = Yunchiang);
    other hyphens separate words (Jean-Marie, al-Assad)."""
    if "-" not in name:
        return runs
    joined: set[tuple[str, str]] = set()
    for first, second in _HYPHENATED.findall(name):
        a, b = first.lower(), second.lower()
        if _syllable(a) and _syllable(b):
            joined.add((a, b))
    if not joined:
        return runs
    out: list[tuple[str, str]] = []
    for script, text in runs:
        if out and (out[-1][1], text) in joined:
            out[-1] = (script, out[-1][1] + text)
        else:
            out.append((script, text))
    return out


def _syllable(word: str) -> bool:
    return chinese.is_syllable(word)


def _chinese_person(tokens: list[Token]) -> bool:
    """A personal name in the Chinese pattern: surname plus a one-word given name, in Han
    characters or romanised (no middle names: an extra part is another person)."""
    names = [t for t in tokens if t.pkind == NAME]
    if not 2 <= len(names) <= 3 or len(names) != len([t for t in tokens if t.pkind != STOP]):
        return False
    if all(t.script == HAN and t.how == PINYIN for t in names):
        return True
    return all(t.script == LATIN and (chinese.is_syllable(t.text) or
                                      chinese.romanisation_readings(t.text)) for t in names)  # fmt: skip


def _is_org_word(token: Token) -> bool:
    return token.kind == GENERIC and any(c in _org_concepts() for c in token.concepts)


_ORG_CONCEPTS: set[str] = set()


def _org_concepts() -> set[str]:
    if not _ORG_CONCEPTS:
        for entries in lexicon().latin.values():
            for _phrase, entry in entries:
                if entry.org and entry.kind == GENERIC:
                    _ORG_CONCEPTS.update(entry.concepts)
    return _ORG_CONCEPTS


def _starts_with_chinese_region(tokens: list[Token]) -> bool:
    first = tokens[0]
    return any(c.startswith("CN") or c in ("HK", "MO", "TW") for c in first.concepts)


def _person_kind(entry: LexEntry) -> int:
    if "TITLE" in entry.concepts or entry.kind == TITLE:
        return TITLE
    if entry.kind in (GENERIC, REGION):
        return NAME
    return entry.kind


def _latin_tokens(words: list[_Word], org_schema: bool) -> list[Token]:
    """Recognise vocabulary phrases (longest first) in a run of Latin(-ised) words."""
    lex = lexicon()
    out: list[Token] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        match: tuple[tuple[str, ...], LexEntry] | None = None
        for phrase, entry in lex.latin.get(word.text, ()):
            size = len(phrase)
            if i + size <= n and all(_same_word(words[i + k].text, phrase[k]) for k in range(size)):
                match = (phrase, entry)
                break
        if match is None and len(word.text) >= 9:
            match = _fuzzy_form(word.text)
        if match is not None:
            phrase, entry = match
            span = words[i : i + len(phrase)]
            surface = " ".join(w.surface for w in span)
            # one word keeps its spelling (the concept carries the equivalence); a phrase becomes
            # its canonical form ("limited liability company" -> "llc")
            text = word.text if len(phrase) == 1 else entry.canonical
            how = entry.how or span[0].how
            out.append(_token(text, entry.kind, _person_kind(entry), entry.concepts, surface,
                              how, span[0].script))  # fmt: skip
            i += len(phrase)
            continue
        number, used = _number(words, i, org_schema)
        if number is not None:
            surface = " ".join(w.surface for w in words[i : i + used])
            out.append(_token(str(number), NUMBER, NUMBER, (f"N:{number}",), surface, word.how,
                              word.script))  # fmt: skip
            i += used
            continue
        kind = INITIAL if len(word.text) == 1 and word.text.isalpha() else NAME
        out.append(_token(word.text, kind, kind, (), word.surface, word.how, word.script))
        i += 1
    return out


def _same_word(word: str, vocabulary_word: str) -> bool:
    """Exact, or the same phonetic key for long words (ogranichennoi = ogranichennoy)."""
    if word == vocabulary_word:
        return True
    if len(word) < 5 or word[0] != vocabulary_word[0]:
        return False
    if len(word) >= 6 and phonetic_key(word) == phonetic_key(vocabulary_word):
        return True
    return OSA.distance(word, vocabulary_word, score_cutoff=1) <= 1


def _number(words: list[_Word], i: int, org_schema: bool) -> tuple[int | None, int]:
    text = words[i].text
    if text.isdigit():
        return int(text), 1
    ordinal = _ORDINAL.match(text)
    if ordinal:
        return int(ordinal.group(1)), 1
    if text in _TENS:
        value = _TENS[text]
        if i + 1 < len(words) and words[i + 1].text in _UNITS and _UNITS[words[i + 1].text] < 10:
            return value + _UNITS[words[i + 1].text], 2
        if i + 1 < len(words) and words[i + 1].text.isdigit() and len(words[i + 1].text) == 1:
            return value + int(words[i + 1].text), 2
        return value, 1
    if text in _UNITS:
        return _UNITS[text], 1
    if text in _ROMAN and (org_schema or i > 0):
        return _ROMAN[text], 1
    return None, 0


_FUZZY_FORMS: dict[str, tuple[tuple[str, ...], LexEntry]] = {}
_FUZZY_PREFIXES: set[str] = set()


def _fuzzy_form(word: str) -> tuple[tuple[str, ...], LexEntry] | None:
    """A long legal-form word with a typo (Aktiengeselschaft) is still a legal form."""
    if word[:3] not in _FUZZY_PREFIXES and _FUZZY_FORMS:
        return None
    if not _FUZZY_FORMS:
        for entries in lexicon().latin.values():
            for phrase, entry in entries:
                if entry.kind == FORM and len(phrase) == 1 and len(phrase[0]) >= 9:
                    _FUZZY_FORMS[phrase[0]] = (phrase, entry)
                    _FUZZY_PREFIXES.add(phrase[0][:3])
    best = process.extractOne(word, list(_FUZZY_FORMS), scorer=Levenshtein.distance,
                              score_cutoff=2)  # fmt: skip
    if best is None:
        return None
    return ((word,), _FUZZY_FORMS[best[0]][1])


def _token(
    text: str,
    kind: int,
    pkind: int,
    concepts: tuple[str, ...],
    surface: str,
    how: str,
    script: str,
    alts: tuple[str, ...] = (),
    syllables: tuple[str, ...] = (),
) -> Token:
    return Token(text, kind, pkind, concepts, phonetic_key(text), surface, how, script, alts,
                 syllables)  # fmt: skip


def _han_entry_token(surface: str, entries: list[LexEntry]) -> Token:
    entry = min(entries, key=lambda e: _KIND_PRIORITY.get(e.kind, 9))
    concepts = tuple(dict.fromkeys(c for e in entries for c in e.concepts))
    english = tuple(dict.fromkeys(a for e in entries for a in (e.canonical, *e.english)))
    syllables = chinese.han_syllables(surface)
    alts = tuple(a for a in (*english, "".join(syllables)) if a != entry.canonical)
    how = entry.how or TRANSLATION
    return _token(entry.canonical, entry.kind, _person_kind(entry), concepts, surface, how, HAN,
                  alts, syllables)  # fmt: skip


def _han_tokens(chunks: list[str], schema: str | None) -> tuple[list[Token], bool]:
    """Tokens of a Han name: personal name (Chinese or transliterated) or enterprise name."""
    text = "".join(chunks)
    segments = chinese.segment_organisation(chunks)
    has_org_words = any(e.org or e.kind in (FORM, GENERIC) for s in segments for e in s.entries)
    if schema == "Person" or (schema not in ORGANISATION_SCHEMAS and not has_org_words):
        if chinese.is_transliteration(text):
            # 托德·斯坦恩: a foreign name written in Chinese, compared by sound
            return [_pinyin_token(chunk, TRANSLITERATION) for chunk in chunks], True
        if len(chunks) > 1:
            # 玉 张 / 秀英 陳: a Chinese name written given name first, parts separated
            surnames = [c for c in chunks if c in chinese_surnames()]
            if surnames:
                surname = surnames[-1]
                given_names = [c for c in chunks if c is not surname]
                tokens = [_surname_token(surname)]
                if all(len(c) == 1 for c in given_names):
                    given_names = ["".join(given_names)]  # 斌 莉 = one given name 斌莉
                tokens += [_pinyin_token(c) for c in given_names]
                return tokens, True
            return [_pinyin_token(chunk) for chunk in chunks], True
        split = chinese.split_person(text)
        if split is not None or schema == "Person":
            surname, given = split or (text[:1], text[1:])
            tokens = [_surname_token(surname)]
            if given:
                tokens.append(_pinyin_token(given))
            return tokens, True
    tokens = []
    for segment in segments:
        if segment.entries:
            tokens.append(_han_entry_token(segment.surface, list(segment.entries)))
        else:
            # a trade name in pinyin (华为 = Huawei) or a foreign name transliterated (拉法特)
            how = TRANSLITERATION if chinese.is_transliteration(segment.surface) else PINYIN
            tokens.append(_pinyin_token(segment.surface, how))
    return tokens, False


def _surname_token(surname: str) -> Token:
    pinyin = chinese.surname_pinyin(surname)
    return _token(pinyin, NAME, NAME, (), surname, PINYIN, HAN, chinese.surname_variants(surname),
                  (pinyin,))  # fmt: skip


def _pinyin_token(surface: str, how: str = PINYIN) -> Token:
    syllables = chinese.han_syllables(surface)
    return _token("".join(syllables), NAME, NAME, (), surface, how, HAN, (), syllables)


def _korean_person_tokens(word: str) -> list[Token]:
    tokens = []
    for surface, roman, spellings in korean_name_parts(word):
        tokens.append(_token(roman, NAME, NAME, (), surface, TRANSLITERATION, HANGUL, spellings))
    return tokens
