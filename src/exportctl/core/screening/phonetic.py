"""Phonetic keys for Latin-script name parts, tuned to transliteration variance.

Legal source: none directly. Names on the UN, OFAC, UK and EU lists are romanised from Arabic,
Cyrillic, Persian, Korean and Chinese by different systems (BGN/PCGN, ICAO Doc 9303 Part 3,
French and German conventions, Wade-Giles); these keys make the spellings of one name agree:

- `phonetic_key`: consonant classes (k/q/c/g, t/d/th, f/v/w/ph, s/z/ts, ...) and two vowel
  classes (front e/i/y, back a/o/u), doubles collapsed: Zelenskyy = Selenskyj, Hussein = Husayn,
  Osama = Usama, but Hussein != Hassan.
- `consonant_key`: consonants only, for comparing with Arabic script (which writes no short
  vowels): صدام حسين (sdm hsyn) = Saddam Hussein.
- `korean_key`: McCune-Reischauer and Revised Romanisation folded together (Jong = Jeong).
- `chinese_sound_key`: the consonant skeleton Chinese transliteration keeps of a foreign name
  (托德·斯坦恩 tuo-de si-tan-en = Todd Stein).
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = frozenset("aeiouy")
_FRONT = frozenset("eiy")

# Each grapheme maps to a consonant class letter (upper case); vowel runs become "a" (back vowels
# only) or "i" (run contains e, i or y). The regex tries longer graphemes first.
_GRAPHEMES: dict[str, str] = {
    "shch": "S", "tsch": "C", "dzh": "J", "sch": "S", "tch": "C", "ph": "F", "gh": "K",
    "kh": "H", "dh": "T", "th": "T", "zh": "J", "dj": "J", "sh": "S", "ch": "C", "cz": "C",
    "ck": "K", "ts": "S", "tz": "S", "b": "P", "p": "P", "d": "T", "t": "T", "f": "F", "v": "F",
    "w": "F", "g": "K", "k": "K", "q": "K", "c": "K", "s": "S", "z": "S", "j": "J", "h": "H",
    "l": "L", "r": "R", "m": "M", "n": "N", "x": "KS",
}  # fmt: skip
# A c before a front vowel (first group) reads as s; otherwise a chunk's class depends on the
# chunk alone (second group).
_GRAPHEME_RE = re.compile(
    r"(c(?=[eiy]))|(shch|tsch|dzh|sch|tch|ph|gh|kh|dh|th|zh|dj|sh|ch|cz|ck|ts|tz|[aeiouy]+|[a-z0-9])"
)
_CHUNK_CLASS: dict[str, str] = {}  # chunk -> its class (filled on first use)


def _consonant_runs(word: str) -> list[str]:
    """Split a lower-case ASCII word into vowel runs ("a"/"i") and consonant classes."""
    out: list[str] = []
    for front_c, chunk in _GRAPHEME_RE.findall(word):
        if front_c:
            out.append("S")
            continue
        found = _CHUNK_CLASS.get(chunk)
        if found is None:
            found = _CHUNK_CLASS[chunk] = _chunk_class(chunk)
        out.append(found)
    return out


def _chunk_class(chunk: str) -> str:
    first = chunk[0]
    if first in _VOWELS:
        return "i" if ("e" in chunk or "i" in chunk or "y" in chunk) else "a"
    if first.isdigit():
        return first
    return _GRAPHEMES.get(chunk, "")


@lru_cache(maxsize=131072)
def phonetic_key(word: str) -> str:
    """Consonant classes plus front/back vowel classes; digits kept; doubles collapsed."""
    if not word:
        return ""
    if word.isdigit():
        return word
    if len(word) > 2 and word.endswith("h") and word[-2] in _VOWELS:
        word = word[:-1]  # Fatimah = Fatima, Abdullah = Abdulla
    if len(word) > 2 and word.endswith("j") and word[-2] in _VOWELS:
        word = word[:-1] + "i"  # Selenskyj = Zelenskyy, Sergej = Sergey
    parts = _consonant_runs(word)
    out: list[str] = []
    for part in parts:
        if not out or out[-1] != part:
            out.append(part)
    return "".join(out)


@lru_cache(maxsize=131072)
def consonant_key(word: str) -> str:
    """Consonant skeleton (vowels, y and w dropped) for comparison with Arabic/Hebrew script."""
    if not word:
        return ""
    word = re.sub(r"[aeiouyw]", "", word) or word[:1]
    parts = _consonant_runs(word)
    out: list[str] = []
    for part in parts:
        if not out or out[-1] != part:
            out.append(part)
    key = "".join(out)
    if len(key) > 2 and key.endswith("H"):
        key = key[:-1]  # ta marbuta: أسامة ('smh) = Usama
    return key


_KOREAN_RULES: tuple[tuple[str, str], ...] = (
    ("eo", "o"),
    ("eu", "u"),
    ("ae", "e"),
    ("oe", "e"),
    ("wo", "o"),
    ("ui", "i"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("ch", "j"),
    ("sh", "s"),
    ("k", "g"),
    ("t", "d"),
    ("p", "b"),
    ("l", "r"),
)


@lru_cache(maxsize=65536)
def korean_key(word: str) -> str:
    """Fold McCune-Reischauer, Revised Romanisation and common spellings of Korean syllables."""
    out = word
    for src, dst in _KOREAN_RULES:
        out = out.replace(src, dst)
    out = re.sub(r"r(?=[bdgjmns]|$)", "", out)  # Park = Pak
    return re.sub(r"(.)\1+", r"\1", out)


# Chinese transliteration of foreign names: consonant classes that Chinese syllables can render.
_ZH_INITIALS: tuple[tuple[str, str], ...] = (
    ("zh", "C"),
    ("ch", "C"),
    ("sh", "S"),
    ("b", "P"),
    ("p", "P"),
    ("d", "T"),
    ("t", "T"),
    ("g", "K"),
    ("k", "K"),
    ("j", "K"),
    ("q", "K"),
    ("x", "S"),
    ("z", "S"),
    ("c", "S"),
    ("s", "S"),
    ("f", "F"),
    ("h", "H"),
    ("l", "L"),
    ("r", "L"),
    ("m", "M"),
    ("n", "N"),
    ("w", "F"),
    ("y", ""),
)


def chinese_sound_key(syllables: tuple[str, ...]) -> str:
    """Consonant skeleton of pinyin syllables used to transliterate a foreign name."""
    out: list[str] = []
    for syllable in syllables:
        if syllable == "er":
            out.append("L")
            continue
        for src, dst in _ZH_INITIALS:
            if syllable.startswith(src):
                if dst:
                    out.append(dst)
                break
        if syllable.endswith("n") or syllable.endswith("ng"):
            out.append("N")
        elif syllable.endswith("m"):
            out.append("M")
    return _dedupe(out)


@lru_cache(maxsize=65536)
def latin_sound_key(word: str) -> str:
    """The consonant skeleton a Chinese transliteration would keep of a Latin word."""
    word = re.sub(r"r(?=[^aeiouy])", "", word)  # coda r is dropped: Herstal = he-si-ta-er
    out = [_LATIN_TO_ZH.get(part, part) for part in _consonant_runs(word) if part not in "ai"]
    return _dedupe(out)


_LATIN_TO_ZH = {"J": "K", "R": "L"}  # Chinese renders j/g alike and r as l


def _dedupe(parts: list[str]) -> str:
    out: list[str] = []
    for part in "".join(parts):
        if not out or out[-1] != part:
            out.append(part)
    return "".join(out)
