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
    key = _skeleton(latin_shape(word)) or word[:1]
    if len(key) > 2 and key.endswith("H"):
        key = key[:-1]  # ta marbuta: أسامة ('smh) = Usama
    return key


# Against Arabic script z is not s (ز/س), and q, k, g, gh are four letters (ق, ك, گ/ج, غ).
_SHAPE_CLASS = {"z": "Z", "q": "Q", "g": "G", "gh": "X"}


@lru_cache(maxsize=131072)
def latin_shape(word: str) -> str:
    """A Latin word as consonant classes (upper case) and its vowel letters (a e i o u y w):
    what arabic.pattern_fits matches. A double consonant is one (Hassan = حسن); two with a
    vowel between are two, as Arabic writes them (Aziz = عزيز, Mamlouk = مملوك)."""
    out: list[str] = []
    for front_c, chunk in _GRAPHEME_RE.findall(word):
        if not front_c and (chunk[0] in _VOWELS or chunk == "w"):
            out.append(chunk)
            continue
        part = "S" if front_c else _SHAPE_CLASS.get(chunk) or _chunk_class(chunk)
        if not out or out[-1] != part:
            out.append(part)
    return "".join(out)


@lru_cache(maxsize=131072)
def latin_shapes(word: str) -> frozenset[tuple[str, bool]]:
    """The shapes a Latin word may have against Arabic script, each with whether a final h was
    left out: a final -ah/-eh writes the ta marbuta or heh (Fatimah = فاطمة) or a consonant h
    (Saleh = صالح); th, kh, sh, dh, gh, zh are one letter or two (Fathi = فتحی t-h, Azhar =
    اظهر z-h)."""
    spellings = {word, re.sub(r"([tdkgsz])h", r"\1'h", word)}
    out = {(latin_shape(w), False) for w in spellings}
    if len(word) > 3 and word[-1] == "h" and word[-2] in "aeiou":
        out |= {(latin_shape(w[:-1]), True) for w in spellings}
    return frozenset(out)


@lru_cache(maxsize=131072)
def consonant_keys(word: str) -> frozenset[str]:
    """The consonant skeletons of latin_shapes(word) (index keys against Arabic script)."""
    return frozenset(_skeleton(shape) or word[:1] for shape, _ in latin_shapes(word))


def _skeleton(shape: str) -> str:
    return "".join(c for c in shape if c.isupper())


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
    ("x", "X"),  # s, but also the h of hi/hu (希 = Hee, 许 = Hue): zh_plain reads it S
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


@lru_cache(maxsize=65536)
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
def latin_sound_key(word: str, coda_r: bool = False) -> str:
    """The consonant skeleton a Chinese transliteration would keep of a Latin word; a coda r is
    dropped (Herstal = he-si-ta-er) unless `coda_r` (Aerkomm = ai-er-kang)."""
    word = re.sub(r"([a-z])\1", r"\1", word)  # Synexxus = Synexus
    if not coda_r:
        word = re.sub(r"r(?=[^aeiouy])", "", word)
    out = [_LATIN_TO_ZH.get(part, part) for part in _consonant_runs(word) if part not in "ai"]
    return _dedupe(out)


@lru_cache(maxsize=65536)
def latin_sound_keys(word: str) -> frozenset[str]:
    """The skeletons a Chinese transcription of a Latin word may keep: coda r dropped or kept,
    th as t or as s (Northrop = 诺斯罗普 nuo-si-luo-pu, Thomas = 托马斯 tuo-ma-si)."""
    spellings = (word, word.replace("th", "s")) if "th" in word else (word,)
    return frozenset(latin_sound_key(w, coda_r) for w in spellings for coda_r in (False, True))


# Weighted edit distance between the skeleton of a Chinese transliteration and a Latin word's:
# what Chinese renders differently costs less than another consonant (Xinhua 译音表 usage:
# x for h- 许贝尔 = Hueber (only x: 土赫提 is not Dost), n/m codas 爱尔康 = Aerkomm, h for German
# ch 林巴贺 = Limbach; a coda l/r or a final k/ch left out 埃比特 = Elbit, 诺沃特 = Novotech).
_CLOSE = frozenset(frozenset(p) for p in ("XH", "NM", "HK", "HC", "CS", "CK"))
_CLOSE_COST = 0.4
_SOFT_COST = 0.5  # a liquid or nasal one side has and the other not; a dropped final k/ch


def skeleton_distance(zh: str, latin: str) -> float:
    """Cost of turning the Chinese skeleton into the Latin one (0 when equal)."""
    previous = [0.0]
    for j, b in enumerate(latin):
        previous.append(previous[-1] + _latin_only(b, j == len(latin) - 1))
    for a in zh:
        inserted = _SOFT_COST if a in "LNM" else 1.0
        current = [previous[0] + inserted]
        for j, b in enumerate(latin):
            swap = 0.0 if a == b or a + b == "XS" else _CLOSE_COST if {a, b} in _CLOSE else 1.0
            current.append(min(previous[j] + swap, previous[j + 1] + inserted,
                               current[j] + _latin_only(b, j == len(latin) - 1)))  # fmt: skip
        previous = current
    return previous[-1]


_ALTERNATIVES = {"X": "H", "H": "S", "N": "M", "M": "N"}


def zh_plain(skeleton: str) -> str:
    """A Chinese skeleton with x read as s (its usual value) for exact comparison and keys."""
    return skeleton.replace("X", "S")


def skeleton_variants(skeleton: str, han: bool) -> frozenset[str]:
    """A query skeleton and its variants one close difference away (`skeleton_distance`), to
    look up the other script's skeletons in the index: x/h or n/m swapped (洛克希德 LKXT finds
    Lockheed LKHT), and the final k/ch a Chinese rendering leaves out (诺沃特 NFT finds
    Novotech NFTC; Novotech finds 诺沃特). Swaps among k/h/ch are left to the other parts of
    the name: as keys they would bring a fifth more candidates to every Latin query."""
    out = {skeleton}
    for i, letter in enumerate(skeleton):
        for other in _ALTERNATIVES.get(letter, ""):
            out.add(_dedupe([skeleton[:i], other, skeleton[i + 1 :]]))
    if han:
        plain = zh_plain(skeleton)
        out = {zh_plain(v) for v in out} | {plain + "K", plain + "C"}
    elif len(skeleton) > 2 and skeleton[-1] in "KC":
        out.add(skeleton[:-1])
    return frozenset(out)


def _latin_only(consonant: str, last: bool) -> float:
    return _SOFT_COST if consonant in "LRNM" or (last and consonant in "KC") else 1.0


_LATIN_TO_ZH = {"J": "K", "R": "L"}  # Chinese renders j/g alike and r as l


def _dedupe(parts: list[str]) -> str:
    out: list[str] = []
    for part in "".join(parts):
        if not out or out[-1] != part:
            out.append(part)
    return "".join(out)
