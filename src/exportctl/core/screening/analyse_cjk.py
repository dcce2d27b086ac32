"""Step 1c of screening: analysis of names written in Han characters, Hangul, and romanised
Chinese names (the Chinese person pattern, hyphenated Wade-Giles given names).

Legal source: enterprise names are region + trade name + industry + form (Provisions on the
Administration of Enterprise Names, State Council Decree No. 734 (2020), Arts. 6 and 8); Chinese
personal names are a surname plus one given name (no middle names).
"""

from __future__ import annotations

import re

from exportctl.core.screening import chinese
from exportctl.core.screening.normalise import HAN, HANGUL, LATIN
from exportctl.core.screening.phonetic import phonetic_key
from exportctl.core.screening.tokens import (
    FORM,
    GENERIC,
    NAME,
    PINYIN,
    PINYIN_TRADE,
    REGION,
    STOP,
    TITLE,
    TRANSLATION,
    TRANSLITERATION,
    Token,
)
from exportctl.core.screening.translate import renderings
from exportctl.core.screening.transliterate import korean_name_parts
from exportctl.core.screening.vocabulary import LexEntry, chinese_surnames, foreign_given_names

ORGANISATION_SCHEMAS = frozenset({"Organization", "Company", "Vessel", "Aircraft"})
_KIND_PRIORITY = {FORM: 0, REGION: 1, GENERIC: 2, NAME: 3, STOP: 4, TITLE: 5}


def person_kind(entry: LexEntry) -> int:
    if "TITLE" in entry.concepts or entry.kind == TITLE:
        return TITLE
    if entry.kind in (GENERIC, REGION):
        return NAME
    return entry.kind


def make_token(
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


def han_entry_token(surface: str, entries: list[LexEntry]) -> Token:
    entry = min(entries, key=lambda e: _KIND_PRIORITY.get(e.kind, 9))
    concepts = tuple(dict.fromkeys(c for e in entries for c in e.concepts))
    english = tuple(dict.fromkeys(a for e in entries for a in (e.canonical, *e.english)))
    syllables = chinese.han_syllables(surface)
    alts = tuple(a for a in (*english, "".join(syllables)) if a != entry.canonical)
    how = entry.how or TRANSLATION
    return make_token(entry.canonical, entry.kind, person_kind(entry), concepts, surface, how, HAN,
                  alts, syllables)  # fmt: skip


def han_tokens(chunks: list[str], schema: str | None, foreign: bool = False
               ) -> tuple[list[Token], bool]:  # fmt: skip
    """Tokens of a Han name: personal name (Chinese or transliterated) or enterprise name;
    `foreign`: the name was written with a middle dot, so it is a transliterated foreign name."""
    text = "".join(chunks)
    segments = chinese.segment_organisation(chunks)
    has_org_words = any(e.org or e.kind in (FORM, GENERIC) for s in segments for e in s.entries)
    if schema == "Person" or (schema not in ORGANISATION_SCHEMAS and not has_org_words):
        if foreign or chinese.is_transliteration(text):
            # 托德·斯坦恩: a foreign name written in Chinese, compared by sound
            return [_foreign_token(chunk) for chunk in chunks], True
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
            tokens.append(han_entry_token(segment.surface, list(segment.entries)))
        else:
            # a trade name in pinyin (华为 = Huawei) or a foreign name transliterated (拉法特)
            sound = foreign or chinese.is_transliteration(segment.surface)
            how = TRANSLITERATION if sound else PINYIN_TRADE
            token = _pinyin_token(segment.surface, how)
            if not sound:  # a trade name may translate an English name by meaning (红猫 Red Cat)
                token = token._replace(alts=renderings(segment.surface))
            tokens.append(token)
    return tokens, False


def _surname_token(surname: str) -> Token:
    pinyin = chinese.surname_pinyin(surname)
    return make_token(pinyin, NAME, NAME, (), surname, PINYIN, HAN, chinese.surname_variants(surname),
                  (pinyin,))  # fmt: skip


def _pinyin_token(surface: str, how: str = PINYIN) -> Token:
    syllables = chinese.han_syllables(surface)
    alts = chinese.other_readings(surface) if how == PINYIN else ()
    return make_token("".join(syllables), NAME, NAME, (), surface, how, HAN, alts, syllables)


def _foreign_token(surface: str) -> Token:
    """A part of a foreign name written in Chinese; a conventional rendering of a given name
    (约翰 = John) carries its Latin forms."""
    token = _pinyin_token(surface, TRANSLITERATION)
    return token._replace(alts=foreign_given_names().get(surface, ()))


def korean_person_tokens(word: str) -> list[Token]:
    tokens = []
    for surface, roman, spellings in korean_name_parts(word):
        tokens.append(
            make_token(roman, NAME, NAME, (), surface, TRANSLITERATION, HANGUL, spellings)
        )
    return tokens


_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def join_hyphenated_syllables(name: str, runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
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


def chinese_person(tokens: list[Token]) -> bool:
    """A personal name in the Chinese pattern: surname plus a one-word given name, in Han
    characters or romanised (no middle names: an extra part is another person)."""
    names = [t for t in tokens if t.pkind == NAME]
    if not 2 <= len(names) <= 3 or len(names) != len([t for t in tokens if t.pkind != STOP]):
        return False
    if all(t.script == HAN and t.how == PINYIN for t in names):
        return True
    return all(t.script == LATIN and (chinese.is_syllable(t.text) or
                                      chinese.romanisation_readings(t.text)) for t in names)  # fmt: skip
