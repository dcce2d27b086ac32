"""Step 1c of screening: analysis of names written in Han characters, Hangul, and romanised
Chinese names (the Chinese person pattern, hyphenated Wade-Giles given names).

Legal source: enterprise names are region + trade name + industry + form (Provisions on the
Administration of Enterprise Names, State Council Decree No. 734 (2020), Arts. 6 and 8); Chinese
personal names are a surname plus one given name (no middle names).
"""

from __future__ import annotations

import re

from exportctl.core.screening import chinese, japanese
from exportctl.core.screening.normalise import HAN, HANGUL, LATIN
from exportctl.core.screening.phonetic import phonetic_key
from exportctl.core.screening.tokens import (
    FORM,
    GENERIC,
    JAPANESE,
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
from exportctl.core.screening.translate import is_japanese_surname, is_surname, renderings
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
        japanese_person = _japanese_person(text, chunks)
        if japanese_person:
            return japanese_person, True
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
    if _japanese_organisation(text, segments):
        tokens = _japanese_readings(text, segments, tokens)
    return tokens, False


# Legal forms of the Companies Act of Japan (会社法 Art. 2(1)) and the former Yugen Kaisha Act:
# a Chinese list writes a Japanese company with them (八洲电机株式会社)
_JAPANESE_FORMS = frozenset({"KK", "YK", "GK"})


def _japanese_organisation(text: str, segments: list[chinese.Segment]) -> bool:
    """A Japanese organisation written in Han characters: kana, a Japanese legal form, or a
    Japanese place first (东京科学大学). Cheap: the Japanese dictionary is not needed."""
    if japanese.has_kana(text):
        return True
    concepts = [c for s in segments for e in s.entries for c in e.concepts]
    first = segments[0].entries if segments else ()
    return not _JAPANESE_FORMS.isdisjoint(concepts) or any(
        c == "JP" or c.startswith("JP-") for e in first for c in e.concepts
    )


def _japanese_readings(text: str, segments: list[chinese.Segment], tokens: list[Token]
                       ) -> list[Token]:  # fmt: skip
    """Tokens of a Japanese organisation name with their Japanese readings: a trade name is
    read in Japanese (八洲 = Yashima) and split where Japanese words end (藤仓|航装); a dictionary
    word keeps its translation and adds its reading (电机 = electric, denki)."""
    found = japanese.readings(text)
    out: list[Token] = []
    begin = 0
    for segment, token in zip(segments, tokens, strict=True):
        end = begin + len(segment.surface)
        if token.kind == FORM:
            out.append(token)
        elif segment.entries:
            out.append(_with_alts(token, japanese.span_romaji(found, begin, end)))
        elif token.how == TRANSLITERATION:
            out.append(token)  # a foreign name written in Chinese (福图尼奥 = Fortunio)
        else:
            out.extend(_japanese_words(text, found, begin, end, token))
        begin = end
    return out


def _japanese_words(text: str, found: tuple[japanese.Reading, ...], begin: int, end: int,
                    token: Token) -> list[Token]:  # fmt: skip
    """A trade name of a Japanese organisation, one token per Japanese word with a reading."""
    words = japanese.tile(found, begin, end)
    if not words or any(w.end - w.begin < 2 for w in words):
        # a word of one character, or none: a Chinese word Japanese reads character by
        # character (传感器), so the Mandarin reading leads and the Japanese one is an alternative
        return [_with_alts(token, japanese.span_romaji(found, begin, end))]
    return [_japanese_token(text[w.begin : w.end], japanese.span_romaji(found, w.begin, w.end),
                            token) for w in words]  # fmt: skip


def _with_alts(token: Token, more: tuple[str, ...]) -> Token:
    """The token with the alternatives it does not have yet added after its own."""
    extra = tuple(a for a in more if a != token.text and a not in token.alts)
    return token._replace(alts=(*token.alts, *extra)) if extra else token


def _japanese_token(surface: str, romaji: tuple[str, ...], token: Token) -> Token:
    """A name part read in Japanese; the Mandarin reading stays among its alternatives."""
    if not romaji:
        return token
    pinyin = _pinyin_token(surface)
    alts = (*romaji[1:], pinyin.text, *pinyin.alts)
    if surface == token.surface:
        alts += tuple(a for a in token.alts if a not in alts)
    return make_token(romaji[0], NAME, NAME, (), surface, JAPANESE, HAN, alts, pinyin.syllables)


def _japanese_person(text: str, chunks: list[str]) -> list[Token] | None:
    """Tokens of a Japanese personal name written in Han characters (岩崎茂 = Iwasaki Shigeru):
    three to five characters that Japanese reads as a surname of two or more characters and a
    given name, where Chinese reads no surname first (岩, 鸠), or a rare one but CC-CEDICT knows
    the Japanese surname (吉田), or the name has four characters (Chinese personal names have
    two or three: 田中华 stays Tian Zhonghua, 牛建华 Niu Jianhua). Written with a space (岩崎 茂),
    the space must fall between the surname and the given name Japanese reads."""
    if len(chunks) > 2 or not 3 <= len(text) <= 5:
        return None
    if len(chunks) == 2 and (len(chunks[0]) < 2 or chunks[0] in chinese_surnames()):
        return None  # 玉 张, 欧阳 修: a Chinese name with its parts apart
    if not japanese.has_kana(text):
        split = chinese.split_person(text)
        if split is not None and (len(split[0]) > 1 or len(text) != 4):
            return None
        rare_surname = split is None and len(text) == 3 and is_surname(text[0])
        if rare_surname and not is_japanese_surname(text[:2]):
            return None  # checked before the Japanese dictionary is loaded
    parts = japanese.person_parts(text)
    if parts is None or (len(chunks) == 2 and parts[0][1] != len(chunks[0])):
        return None
    found = japanese.readings(text)
    tokens = []
    for begin, end in parts:
        surface = text[begin:end]
        romaji = tuple(dict.fromkeys((*japanese.span_romaji(found, begin, end),
                                      *japanese.name_romaji(surface))))  # fmt: skip
        tokens.append(_japanese_token(surface, romaji, _pinyin_token(surface)))
    return tokens


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
