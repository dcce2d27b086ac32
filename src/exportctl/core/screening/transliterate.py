"""Transliteration of non-Latin, non-Han scripts into comparable Latin words.

Legal source: ICAO Doc 9303 Part 3 (transliteration of names in travel documents) is the
reference the lists themselves follow for Cyrillic and Arabic; Korean uses the Revised
Romanization (2000) read together with McCune-Reischauer (phonetic.korean_key folds the two).
anyascii does the character mapping (ICU is not available); this module adds what a character
table cannot know: the Arabic article, Korean surname/given-name structure and common Korean
surname spellings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from exportctl.core.screening.normalise import ARABIC, HANGUL

# Korean surnames (Statistics Korea 2015 census, the 60 most frequent) with their usual spellings
# in passports and sanctions lists (RR 2000, McCune-Reischauer, and common irregular forms).
KOREAN_SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"),
    "이": ("lee", "yi", "ri", "rhee", "li", "i"),
    "리": ("ri", "lee", "li", "yi"),
    "박": ("park", "pak", "bak"),
    "최": ("choi", "choe", "chwe"),
    "정": ("jung", "jeong", "chung", "jong", "chong"),
    "강": ("kang", "gang"),
    "조": ("cho", "jo", "joe"),
    "윤": ("yoon", "yun"),
    "장": ("jang", "chang"),
    "임": ("lim", "im", "rim"),
    "림": ("rim", "lim"),
    "한": ("han",),
    "오": ("oh", "o"),
    "서": ("seo", "suh", "so"),
    "신": ("shin", "sin"),
    "권": ("kwon", "gwon"),
    "황": ("hwang",),
    "안": ("ahn", "an"),
    "송": ("song",),
    "류": ("ryu", "yoo", "ryoo", "yu"),
    "유": ("yoo", "yu"),
    "홍": ("hong",),
    "전": ("jeon", "chon", "jun", "chun"),
    "고": ("ko", "go"),
    "문": ("moon", "mun"),
    "양": ("yang", "ryang"),
    "량": ("ryang", "yang"),
    "손": ("son", "sohn"),
    "배": ("bae", "pae"),
    "백": ("baek", "paek", "paik"),
    "허": ("heo", "hur", "ho"),
    "노": ("noh", "no", "ro"),
    "로": ("ro", "noh"),
    "남": ("nam",),
    "심": ("shim", "sim"),
    "하": ("ha",),
    "곽": ("kwak", "gwak"),
    "성": ("sung", "seong", "song"),
    "차": ("cha",),
    "주": ("joo", "ju", "chu"),
    "우": ("woo", "u"),
    "구": ("koo", "ku", "gu"),
    "민": ("min",),
    "진": ("jin", "chin"),
    "지": ("ji", "chi"),
    "엄": ("eom", "um", "om"),
    "채": ("chae",),
    "원": ("won",),
    "천": ("cheon", "chun", "chon"),
    "방": ("bang", "pang"),
    "공": ("kong", "gong"),
    "현": ("hyun", "hyon"),
    "함": ("ham",),
    "변": ("byun", "pyon"),
    "염": ("yeom", "yom"),
    "여": ("yeo", "yo"),
    "추": ("choo", "chu"),
    "도": ("do", "to"),
    "석": ("seok", "sok"),
    "선": ("sun", "son"),
    "설": ("seol", "sol"),
    "마": ("ma",),
    "길": ("gil", "kil"),
    "연": ("yeon", "yon"),
    "표": ("pyo",),
    "명": ("myung", "myong"),
    "기": ("ki", "gi"),
    "반": ("ban", "pan"),
    "왕": ("wang",),
    "금": ("keum", "kum"),
    "탁": ("tak",),
    "국": ("kook", "kuk"),
    "봉": ("bong", "pong"),
    "경": ("kyung", "kyong"),
    "황보": ("hwangbo",),
    "남궁": ("namgung",),
    "제갈": ("jegal",),
    "선우": ("sunwoo", "sonu"),
}

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def latin_words(word: str) -> tuple[str, ...]:
    """Latin words for one word of Cyrillic, Greek, Hebrew, Kana, Devanagari, Thai, ... script."""
    latin = anyascii(word).lower().replace("'", "").replace("`", "")
    return tuple(w for w in _NON_ALNUM.split(latin) if w)


# Arabic compound names are one name in Latin spellings too (Abdullah, Shamsuddin, Nasrallah,
# Abd al-Rahman): "عبد" (servant of) joins the next word, "الله" (God) and "الدين" (of the
# faith) the word before; الله is a word of its own, not an article and "lh".
_COMPOUND_HEADS = frozenset({"عبد"})
_COMPOUND_TAILS = frozenset({"الله", "الدين", "الدین"})


def join_arabic_compounds(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(script, text) runs with the words of Arabic compound names joined by a space."""
    out: list[tuple[str, str]] = []
    for script, text in runs:
        if out and script == ARABIC and out[-1][0] == ARABIC:
            before = out[-1][1]
            if before in _COMPOUND_HEADS or (text in _COMPOUND_TAILS and " " not in before):
                out[-1] = (ARABIC, before + " " + text)
                continue
        out.append((script, text))
    return out


def arabic_words(word: str) -> list[tuple[str, str]]:
    """(surface, latin) parts of an Arabic-script word; the article ال is split off as "al"."""
    out: list[tuple[str, str]] = []
    if len(word) > 3 and word.startswith("ال") and " " not in word and word != "الله":
        out.append(("ال", "al"))
        word = word[2:]
    latin = "".join(latin_words(word))
    if latin:
        out.append((word, latin))
    return out


def hangul_syllables(word: str) -> list[str]:
    """Revised-Romanisation spelling of each syllable of a Hangul word (lower case)."""
    out: list[str] = []
    for char in word:
        roman = "".join(latin_words(char))
        if roman:
            out.append(roman)
    return out


def korean_name_parts(word: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(surface, romanisation, spellings) for a Korean personal name written as one word.

    The surname (one syllable, or two for 황보/남궁/제갈/선우) comes first; every given-name
    syllable is its own part, as Korean names are printed "Kim Jong Un" or "Kim Jong-un".
    """
    if not word:
        return []
    surname = word[:2] if word[:2] in KOREAN_SURNAMES and len(word) > 2 else word[:1]
    parts: list[tuple[str, str, tuple[str, ...]]] = []
    spellings = KOREAN_SURNAMES.get(surname, ())
    roman = "".join(hangul_syllables(surname))
    parts.append((surname, spellings[0] if spellings else roman, (roman, *spellings)))
    for char in word[len(surname) :]:
        syllable = "".join(hangul_syllables(char))
        if syllable:
            parts.append((char, syllable, ()))
    return parts


def is_korean_person_word(word: str, script: str) -> bool:
    """A Hangul word of 2-4 syllables starting with a known surname reads as a personal name."""
    return script == HANGUL and 2 <= len(word) <= 4 and (word[:1] in KOREAN_SURNAMES)


# Russian, Ukrainian and Belarusian names as other European languages spell them (the EU
# sanctions list prints each name in every official language: Swedish Zjuravljov, Isjtjenko;
# German Schtschukin; Polish Szczukin; French Tchaplin), read back into the spelling anyascii
# gives the Cyrillic (BGN/PCGN style: Zhuravlev, Ishchenko, Shchukin, Chaplin). Each system's
# rules apply in order, the longest letter groups first (Swedish sjtj before tj and sj).
_EUROPEAN_SYSTEMS = (
    (("sjtj", "shch"), ("tj", "ch"), ("sj", "sh"), ("zj", "zh"), ("j", "y")),  # Swedish
    (("schtsch", "shch"), ("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("j", "y")),  # German
    (("szcz", "shch"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), ("w", "v"), ("j", "y")),  # Polish
    (("chtch", "shch"), ("tch", "ch"), ("ch", "sh"), ("ou", "u"), ("j", "zh")),  # French
    (("x", "ks"),),  # English and most others write кс as x (Max = Макс)
)
_EUROPEAN_MARKS = ("j", "w", "sch", "cz", "sz", "tch", "ou", "x")


# Czech, Slovak, Croatian and Slovene write ч ш ж as č š ž (Bubenčyk, Černov); Czech writes х as
# ch and adds -ová to a woman's surname (Obuchovová = Обухова). Folding the marks away (anyascii)
# would lose the sound.
_HACEK = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "ć": "ch", "đ": "dj", "ř": "r"})


@lru_cache(maxsize=65536)
def european_readings(word: str, surface: str = "") -> tuple[str, ...]:
    """The Latin word read back from the European romanisations of Cyrillic (see above), for
    comparison with a Cyrillic name transliterated; () when no system's letters are in it.
    `surface`: the word as written, with its diacritics."""
    out: list[str] = []
    if surface and not surface.isascii():
        # Czech ch is х (Obuchov); its č is ч
        reading = anyascii(surface.replace("ch", "kh").translate(_HACEK)).lower()
        if surface.endswith("ová") and reading[:-3].endswith(("ov", "ev", "in")):
            reading = reading[:-3] + "a"
        if reading != word:
            out.append(reading)
    if not any(mark in word for mark in _EUROPEAN_MARKS):
        return tuple(out)
    for rules in _EUROPEAN_SYSTEMS:
        reading = word
        for written, read in rules:
            reading = reading.replace(written, read)
        if reading != word and reading not in out:
            out.append(reading)
    return tuple(out)


def is_arabic(script: str) -> bool:
    return script == ARABIC
