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
from functools import lru_cache
from typing import NamedTuple

# Consonant classes (those of phonetic.consonant_key) each letter may take in a Latin spelling.
_LETTER: dict[str, tuple[str, ...]] = {
    "ب": ("P",), "پ": ("P",), "ت": ("T",), "ط": ("T",), "د": ("T",),
    # th/dh in Arabic, s/z in Persian, Urdu and Turkish use (ICAO: ث th, ذ dh, ض d, ظ z)
    "ث": ("T", "S"), "ذ": ("T", "S"), "ض": ("T", "S"), "ظ": ("T", "S"),
    "ج": ("J", "K"),  # j, and g in Egyptian spellings (Gamal)
    "چ": ("C",), "ژ": ("J",), "ح": ("H",), "خ": ("H",), "ه": ("H",),
    "ة": ("H", "T"),  # ta marbuta: -ah, and -at before a genitive (Hibat Allah); or -a (open)
    "ر": ("R",), "ز": ("S",), "س": ("S",), "ص": ("S",),
    "ش": ("S", "C"),  # sh, and ch in French spellings (Charia, Chadi)
    "غ": ("K",), "ق": ("K",), "ك": ("K",), "ک": ("K",), "گ": ("K",),
    "ف": ("F",), "ڤ": ("F",), "ل": ("L",), "م": ("M",), "ن": ("N",),
    "و": ("", "F"),  # a long u/o or w, and v in Persian (Vahid, Davani)
}  # fmt: skip
# Letters that write a long vowel inside a word, with the Latin vowel classes that render it.
_LONG_VOWEL = {"ا": "a", "و": "u", "ي": "i", "ی": "i", "ى": "ai"}
# A final Persian ی writes ā as well as ī (مرتضی Morteza, موسی Musa, as Arabic ى).
# Hamza seats folded (ICAO Doc 9303 Part 3: أ إ آ ٱ at the start are a vowel; ؤ ئ inside a word
# are a glottal stop, not a long vowel: رئيف Raif); ۀ is heh with the Persian ezafe, ھ the
# Urdu and Pashto heh.
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء", "ۀ": "ه", "ھ": "ه"}
)
# Sun letters: the article's l assimilates to them in speech and in many spellings
# (Shamsuddin, Abdur Rahman, Nasrallah: ال + د/ر/ل).
_SUN = frozenset("تثدذرزسشصضطظلن")
_VOWEL_ONSET = frozenset("اعء")
# Compounds written as one word: Abd al-X, Abu al-X, X Allah, X al-Din (عبدالله, ابوالفضل,
# نصرالله, شمس‌الدين); the article inside them is read as an article.
_COMPOUND = re.compile(r"^(عبد|ابو)(ال..+)$|^(..+?)(الله|الدين)$")
_MAX_SKELETONS = 16


class Reading(NamedTuple):
    """How an Arabic-script name part may be spelt in Latin letters."""

    skeletons: frozenset[str]  # consonant skeletons (phonetic.consonant_key classes)
    vowels: tuple[str, ...]  # long vowels written after the first letter: allowed Latin classes
    vowel_onset: bool  # starts with alif, ain or hamza: a Latin spelling starts with a vowel
    final_vowel: bool  # ends in a long vowel (a Latin spelling may end in -i, -u, -o)
    final_h: bool  # ends in ta marbuta or heh, written -a, -ah, -e, -eh in Latin
    open_skeletons: frozenset[str]  # skeletons without that final h: for a Latin -a/-e only


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
    skeletons = {""}
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
                    options = ("", "L") if following in _SUN else ("L",)
                    skeletons = _extend(skeletons, options)
                continue
            if char in _LONG_VOWEL and not first:
                last = position == len(letters)
                vowels.append("ai" if last and char == "ی" else _LONG_VOWEL[char])
            skeletons = _extend(skeletons, _LETTER.get(char, ("",)))
    final = letters.rstrip("عء")[-1:]
    final_h = letters[-1:] in "هة"
    # a final h or ta marbuta is often written as a vowel alone (Zade, Abdulla, Fatima)
    bare = {k[:-1] for k in skeletons if k.endswith("H")} if final_h and len(letters) > 2 else set()
    return Reading(frozenset(skeletons | bare), tuple(vowels), letters[:1] in _VOWEL_ONSET,
                   final in _LONG_VOWEL, final_h, frozenset(bare - skeletons))  # fmt: skip


def _extend(skeletons: set[str], options: tuple[str, ...]) -> set[str]:
    if options == ("",):
        return skeletons
    out = {s + o for s in skeletons for o in options}
    return out if len(out) <= _MAX_SKELETONS else set(sorted(out)[:_MAX_SKELETONS])
