"""Step 1b of screening: analyse a name into typed tokens (names, legal forms, industry words,
regions, particles, titles, numbers, initials), in every script.

Legal source: Provisions on the Administration of Enterprise Names (State Council Decree No. 734,
2020) Art. 6 for the four parts of a Chinese enterprise name; ISO 20275 for legal forms; ICAO
Doc 9303 Part 3 for personal-name particles and transliteration.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from exportctl.core.screening import japanese
from exportctl.core.screening.analyse_cjk import (
    ORGANISATION_SCHEMAS,
    chinese_person,
    han_entry_token,
    han_tokens,
    join_hyphenated_syllables,
    korean_person_tokens,
    make_token,
    person_kind,
)
from exportctl.core.screening.normalise import (
    ARABIC,
    HAN,
    HANGUL,
    KANA,
    LATIN,
    NAME_DOTS,
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
    JAPANESE,
    NAME,
    NUMBER,
    REGION,
    STOP,
    TRANSLITERATION,
    Token,
)
from exportctl.core.screening.transliterate import (
    arabic_words,
    hangul_syllables,
    is_korean_person_word,
    join_arabic_compounds,
    latin_words,
)
from exportctl.core.screening.vocabulary import LexEntry, lexicon

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
    # the middle dot (间隔号) separates the parts of foreign and minority names written in Han
    # characters (GB/T 15834-2011 Art. 4.15): such a name is compared by sound, not as Chinese
    foreign = any(dot in name for dot in NAME_DOTS)

    def flush() -> None:
        nonlocal person
        if words:
            tokens.extend(_latin_tokens(words, org_schema))
            words.clear()
        if han_chunks:
            han_parts, han_person = han_tokens(han_chunks, schema, foreign)
            tokens.extend(han_parts)
            person = person or han_person
            han_chunks.clear()

    runs = join_arabic_compounds(join_hyphenated_syllables(name, runs))
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
                tokens.extend(korean_person_tokens(text))
                person = True
            elif text in lexicon().han:
                flush()
                tokens.append(han_entry_token(text, lexicon().han[text]))
            else:
                words.append(_Word("".join(hangul_syllables(text)), text, HANGUL, TRANSLITERATION))
        elif script == KANA and japanese.romaji(text):
            # katakana/hiragana in Hepburn, long vowels unwritten as in English names (トーキョー),
            # one word per Japanese word (ソニー|グループ)
            words.extend(_Word(r, w, KANA, JAPANESE) for w, r in japanese.kana_words(text))
        else:
            words.extend(_Word(w, text, script, TRANSLITERATION) for w in latin_words(text))
    flush()
    org = any(t.kind == FORM for t in tokens) or any(_is_org_word(t) for t in tokens)
    if person_schema:
        org = False
    if (not org and len(tokens) > 1 and tokens[0].kind == STOP and tokens[0].script == LATIN
            and "," not in name):  # fmt: skip
        # (with a comma, the family name comes first: BEN MOHAMED KAMMOUN, MEHDI)
        tokens[0] = _opening_word(tokens[0])
    names = [t for t in tokens if t.kind == NAME]
    # the region part is optional (Decree No. 734 Art. 6: enterprises under the State Council and
    # some others may omit it), so a Han enterprise name has the frame with or without one
    frame = (
        (
            org
            and bool(names)
            and (
                (tokens[0].kind == REGION and _chinese_region(tokens[0]))
                or (tokens[0].script == HAN and tokens[0].kind in (REGION, NAME))
                # or a Chinese region after the trade name, usually in brackets (Decree No. 734
                # Art. 6 frame): NEWAY CNC EQUIPMENT (SUZHOU) CO LTD
                or any(t.kind == REGION and _chinese_region(t) for t in tokens[2:])
            )
        )
        or (not org and chinese_person(tokens))
    )
    return NameForm(
        name, normalised, dominant_script(normalised), tuple(tokens), org, person, frame
    )


def _opening_word(token: Token) -> Token:
    """A particle cannot open a personal name (ICAO Doc 9303 Part 3: bin, de, al join a name to
    the name before it), so a name's first word is read as a name: a letter is an initial
    (A. Khamenei), a word a given name, with its variants where it is one (Ben = Benjamin)."""
    if len(token.text) == 1:
        return token._replace(kind=INITIAL, pkind=INITIAL, concepts=())
    variants = [e for _phrase, e in lexicon().latin.get(token.text, ())
                if len(_phrase) == 1 and e.kind == NAME]  # fmt: skip
    concepts = tuple(c for e in variants for c in e.concepts)
    return token._replace(kind=NAME, pkind=NAME, concepts=concepts)


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


def _chinese_region(token: Token) -> bool:
    return any(c.startswith("CN") or c in ("HK", "MO", "TW") for c in token.concepts)


def _latin_tokens(words: list[_Word], org_schema: bool) -> list[Token]:
    """Recognise vocabulary phrases (longest first) in a run of Latin(-ised) words."""
    lex = lexicon()
    out: list[Token] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        match: tuple[tuple[str, ...], LexEntry] | None = None
        for phrase, entry in lex.latin.get(word.text) or _phrases_misspelt(word.text):
            if entry.kind == FORM and word.script == ARABIC:
                continue  # legal forms are Latin abbreviations: داد (dd) is not d.d., اصل not S.L.
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
            out.append(make_token(text, entry.kind, person_kind(entry), entry.concepts, surface,
                              how, span[0].script))  # fmt: skip
            i += len(phrase)
            continue
        number, used = _number(words, i, org_schema)
        if number is not None:
            surface = " ".join(w.surface for w in words[i : i + used])
            out.append(make_token(str(number), NUMBER, NUMBER, (f"N:{number}",), surface, word.how,
                              word.script))  # fmt: skip
            i += used
            continue
        kind = INITIAL if len(word.text) == 1 and word.text.isalpha() else NAME
        out.append(make_token(word.text, kind, kind, (), word.surface, word.how, word.script,
                              _digits_for_letters(word.text)))  # fmt: skip
        i += 1
    return out


# Digits written for the letters they look like (leetspeak: Ig0r Sech1n = Igor Sechin), a way to
# slip a name past a screening tool that compares spellings; 1 stands for i or l.
_DIGIT_LETTERS = (str.maketrans("0134579", "oieastg"), str.maketrans("0134579", "oleastg"))
_DIGIT_IN_WORD = re.compile(r"[a-z][0134579]+[a-z]")


def _digits_for_letters(word: str) -> tuple[str, ...]:
    """The word with look-alike digits read as letters, when digits sit between letters."""
    if not _DIGIT_IN_WORD.search(word) or sum(c.isalpha() for c in word) < 3:
        return ()
    readings = (word.translate(table) for table in _DIGIT_LETTERS)
    return tuple(dict.fromkeys(r for r in readings if r != word))


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


@lru_cache(maxsize=65536)
def _phrases_misspelt(word: str) -> tuple[tuple[tuple[str, ...], LexEntry], ...]:
    """Phrases of two or more words whose first word the word misspells (JOYNT STOCK COMPANY):
    the words after it must then match too, so one typo does not break a legal form apart."""
    if len(word) < 5:
        return ()
    latin = lexicon().latin
    return tuple((phrase, entry) for first in _phrase_starts().get(word[0], ())
                 if first != word and _same_word(word, first)
                 for phrase, entry in latin[first] if len(phrase) > 1)  # fmt: skip


@cache
def _phrase_starts() -> dict[str, tuple[str, ...]]:
    """First words (five letters or more) of the vocabulary's phrases, by initial letter."""
    starts: dict[str, list[str]] = {}
    for first, entries in lexicon().latin.items():
        if len(first) >= 5 and any(len(phrase) > 1 for phrase, _entry in entries):
            starts.setdefault(first[0], []).append(first)
    return {letter: tuple(words) for letter, words in starts.items()}


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
