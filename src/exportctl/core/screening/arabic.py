"""Arabic-script name parts (Arabic, Persian) read for comparison with their Latin spellings.

Legal source: ICAO Doc 9303 Part 3 (transliteration of Arabic in travel documents) and the usual
romanisations on the lists (UN, OFAC, UK: BGN/PCGN for Arabic and Persian, French spellings in
the Maghreb). Arabic script writes consonants and long vowels, not short vowels, so a part is
compared by its consonant skeleton (phonetic.consonant_key classes) and by the long vowels it
writes, which a Latin spelling must show. A letter with several usual Latin values gives several
skeletons (ض is d in Arabic names, z in Persian ones: Ramadan, Reza).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

# Consonant classes (those of phonetic.latin_shape) each letter may take in a Latin spelling.
_LETTER: dict[str, tuple[str, ...]] = {
    "ب": ("P",), "پ": ("P",), "ت": ("T",), "ط": ("T",), "د": ("T",),
    # th/dh/d in Arabic, s/z in Persian, Urdu and Turkish use (ICAO: ث th, ذ dh, ض d, ظ z)
    "ث": ("T", "S"), "ذ": ("T", "Z"), "ض": ("T", "Z"), "ظ": ("T", "Z"),
    "ج": ("J", "G"),  # j, and g in Egyptian spellings (Gamal)
    "چ": ("C",), "ژ": ("J",), "ح": ("H",), "خ": ("H",), "ه": ("H",),
    "ة": ("H", "T"),  # ta marbuta: -ah, and -at before a genitive (Hibat Allah); or -a (open)
    "ر": ("R",), "ز": ("Z",), "س": ("S",), "ص": ("S",),
    "ش": ("S", "C"),  # sh, and ch in French spellings (Charia, Chadi)
    "ق": ("Q", "K", "G", "X"),  # q, k; g, gh in Gulf, Egyptian, Persian use (Gaddafi, Ghasem)
    "غ": ("X", "G"), "ك": ("K",), "ک": ("K",), "گ": ("G",),  # X: gh
    "ف": ("F",), "ڤ": ("F",), "ل": ("L",), "م": ("M",), "ن": ("N",),
}  # fmt: skip
# Letters that write a long vowel inside a word (a code in a pattern), and the Latin letters that
# render it: alif is a, or e where ā is said e (imala in Maghrebi and Levantine names: Droukdel,
# Deghdegh); و is o/u/w (or the consonant v in Persian: Vahid, Davani); ي is i/e/y. A final
# Persian ی writes ā as well as ī (مرتضی Morteza, موسی Musa), as Arabic ى does.
_LONG_VOWEL = {"ا": "a", "و": "u", "ي": "i", "ی": "i", "ى": "x"}
VOWEL_LETTERS = {"a": "ae", "u": "ouw", "i": "iey", "x": "aiey"}
# Hamza seats folded (ICAO Doc 9303 Part 3: أ إ آ ٱ at the start are a vowel; ؤ ئ inside a word
# are a glottal stop, not a long vowel: رئيف Raif); ۀ is heh with the Persian ezafe; the Urdu
# and Pashto heh (ھ ہ), teh marbuta goal (ۃ) and yeh barree (ے) are their Arabic letters.
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "ء",
        "ئ": "ء",
        "ۀ": "ه",
        "ھ": "ه",
        "ہ": "ه",
        "ۃ": "ة",
        "ے": "ی",
    }
)
# Sun letters: the article's l assimilates to them in speech and in many spellings
# (Shamsuddin, Abdur Rahman, Nasrallah: ال + د/ر/ل).
_SUN = frozenset("تثدذرزسشصضطظلن")
_VOWEL_ONSET = frozenset("اعء")
# Compounds written as one word: Abd al-X, Abu al-X, Dhu al-X, X Allah, X al-Din (عبدالله,
# ابوالفضل, ذوالفقار, نصرالله, شمس‌الدين); the article inside them is read as an article.
_COMPOUND = re.compile(r"^(عبد|ابو|ذو)(ال..+)$|^(..+?)(الله|الدين)$")
_MAX_SKELETONS = 48
# The final vowel letters of a Latin spelling a final letter allows (Tali' = طالع).
_FINAL = {"ي": "iy", "ی": "iy", "ى": "iy", "و": "ou", "ع": "iuoy", "ء": "iuoy"}


class Reading(NamedTuple):
    """How an Arabic-script name part may be spelt in Latin letters."""

    # patterns, by their consonants alone: consonant classes (upper case) and long-vowel codes
    patterns: dict[str, tuple[str, ...]]
    skeletons: frozenset[str]  # the patterns' consonants alone (index keys, joined parts)
    vowels: tuple[str, ...]  # long vowels written after the first letter: Latin letters for each
    vowel_onset: bool  # starts with alif, ain or hamza: a Latin spelling starts with a vowel
    final_vowel: str  # Latin vowels a spelling may end in: the final long vowel, or any after ع/ء
    final_h: bool  # ends in ta marbuta or heh, written -a, -ah, -e, -eh in Latin
    open_patterns: frozenset[str]  # patterns without that final h: for a Latin -a/-e only


def _pieces(surface: str) -> list[str]:
    out: list[str] = []
    for word in surface.split():
        match = _COMPOUND.match(word)
        out.extend(p for p in match.groups() if p) if match else out.append(word)
    return out


@lru_cache(maxsize=65536)
def reading(surface: str) -> Reading:
    """The reading of one part (one word, or a compound of words separated by spaces)."""
    text = unicodedata.normalize("NFKC", surface).translate(_FOLD)
    text = "".join(c for c in text if c.isspace() or (c.isalpha() and c != "ـ"))  # tatweel, marks
    pieces = _pieces(text)
    letters = "".join(pieces)
    patterns = {""}
    vowels: list[str] = []
    position = 0
    for index, piece in enumerate(pieces):
        article = piece.startswith("ال") and (len(piece) > 2 or index + 1 < len(pieces))
        following = (piece[2:] or (pieces[index + 1] if index + 1 < len(pieces) else ""))[:1]
        for offset, char in enumerate(piece):
            first = position == 0
            position += 1
            if article and offset < 2:
                if offset == 1:  # the article's l: optional before a sun letter
                    patterns = _extend(patterns, ("", "L") if following in _SUN else ("L",))
                continue
            options = _LETTER.get(char, ("",))
            if char in _LONG_VOWEL and not first:
                code = "x" if position == len(letters) and char == "ی" else _LONG_VOWEL[char]
                vowels.append(VOWEL_LETTERS[code])
                options = (code, "F") if char == "و" else (code,)
            elif char == "و":
                options = ("", "F")  # w (a Latin w is a vowel letter here), or Persian v
            patterns = _extend(patterns, options)
    final = letters[-1:]  # a long vowel, or ع/ء after which Latin may end in a vowel (Tali')
    final_h = final in "هة"
    # a final h or ta marbuta is often written as a vowel alone (Zade, Abdulla, Fatima)
    bare = {p[:-1] for p in patterns if p.endswith("H")} if final_h and len(letters) > 2 else set()
    every = patterns | bare
    by_skeleton: dict[str, list[str]] = {}
    for pattern in sorted(every):
        by_skeleton.setdefault(consonants(pattern), []).append(pattern)
    return Reading({k: tuple(v) for k, v in by_skeleton.items()}, frozenset(by_skeleton),
                   tuple(vowels), letters[:1] in _VOWEL_ONSET, _FINAL.get(final, ""), final_h,
                   frozenset(bare - patterns))  # fmt: skip


def consonants(pattern: str) -> str:
    """The consonant classes of a pattern or a Latin shape (its upper-case letters)."""
    return "".join(c for c in pattern if c.isupper())


@lru_cache(maxsize=131072)
def pattern_fits(pattern: str, shape: str) -> bool:
    """A Latin shape (phonetic.latin_shape) spells the pattern: its consonants are the pattern's,
    in order, and between two consonants the pattern's long vowels are among the shape's vowels,
    in order; short vowels may be anywhere (the regex [a-z]*C1[a-z]*[long vowel][a-z]*C2...,
    matched by hand: one regex per pattern cost more to compile than to match)."""
    if not _LOWER_OR_UPPER.fullmatch(shape):
        return False
    if consonants(pattern) != consonants(shape):
        return False
    gaps = zip(_UPPER.split(pattern), _UPPER.split(shape), strict=True)
    return all(in_order([VOWEL_LETTERS[c] for c in codes], letters) for codes, letters in gaps)


@lru_cache(maxsize=131072)
def spells(pattern: str, shape: str) -> bool:
    """The shape spells the pattern (pattern_fits), and an i before another vowel after a
    consonant (Niaz, Kiarash, Dariush: the glide y) is a ي there (Niaz is نیاز, not ناز)."""
    if not pattern_fits(pattern, shape):
        return False
    gaps = zip(_UPPER.split(pattern)[1:], _UPPER.split(shape)[1:], strict=True)
    return not any(
        _GLIDE.search(latin) and not ({"i", "x"} & set(arabic)) for arabic, latin in gaps
    )


def in_order(written: Sequence[str], letters: str) -> bool:
    """Each long vowel written (the Latin letters it allows) is one of the letters, in order."""
    position = 0
    for allowed in written:
        while position < len(letters) and letters[position] not in allowed:
            position += 1
        if position == len(letters):
            return False
        position += 1
    return True


_UPPER = re.compile("[A-Z]")
_LOWER_OR_UPPER = re.compile("[a-zA-Z]*")
_GLIDE = re.compile(r"i[aou]")


def _extend(patterns: set[str], options: tuple[str, ...]) -> set[str]:
    if options == ("",):
        return patterns
    out = {p + o for p in patterns for o in options}
    return out if len(out) <= _MAX_SKELETONS else set(sorted(out)[:_MAX_SKELETONS])
