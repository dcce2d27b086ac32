"""Step 1 of screening: text normalisation (Unicode, case, punctuation, scripts, tokens).

Legal source: none directly; this makes the names printed in MOFCOM notices, the UN/OFAC/UK/EU
lists and user queries comparable (Dual-Use Regulations Art. 26-30 require screening parties
against the control and watch lists whatever script or spelling the name is written in).

Normalisation never drops information that matters for a match: legal forms, particles and
generic words stay as tokens (analyse.py weighs them low); only punctuation and case are removed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from opencc import OpenCC

# Script codes used throughout the engine (ISO 15924 short forms).
LATIN, HAN, CYRILLIC, ARABIC, GREEK, HANGUL, KANA, HEBREW, OTHER = (
    "Latn",
    "Hani",
    "Cyrl",
    "Arab",
    "Grek",
    "Hang",
    "Kana",
    "Hebr",
    "Zyyy",
)

_T2S = OpenCC("t2s")

# Apostrophes and quote-like marks that sit inside words (Qa'ida, O'Brien, Mu'tassim).
_APOSTROPHES = "'’‘`´ʼʻʹʾʿ′"
# Middle dots separate given and family names in Chinese/Japanese renderings of foreign names.
NAME_DOTS = "·・•‧∙"
_DOTTED_INITIALS = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]\.\s?-?){2,}[^\W\d_]?)(?![^\W\d_])")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_APOSTROPHE_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")


def _marks() -> str:
    """Regex class body of the combining marks of the Basic Multilingual Plane: vowel signs and
    viramas of Indic scripts (मोदी), Arabic and Hebrew vowel points are part of a word, though
    `\\w` does not match them."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


_SPLIT_RE = re.compile(r"[^\w" + _marks() + "]+|_+")


def script_of(char: str) -> str:
    """ISO 15924 code of one character (letters only; digits and marks count as Latin/other)."""
    cp = ord(char)
    if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF:
        return LATIN
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000:
        return HAN
    if 0x0400 <= cp <= 0x052F:
        return CYRILLIC
    if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFEFF:
        return ARABIC
    if 0x0370 <= cp <= 0x03FF or 0x1F00 <= cp <= 0x1FFF:
        return GREEK
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return HANGUL
    if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F:
        return KANA
    if 0x0590 <= cp <= 0x05FF:
        return HEBREW
    return OTHER


def dominant_script(text: str) -> str:
    """The script of most letters in `text` (Han wins ties with Kana: Japanese names mix them)."""
    if text.isascii():
        return LATIN
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            code = script_of(char)
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return LATIN
    if counts.get(HAN) and counts.get(KANA, 0) <= counts[HAN]:
        return HAN
    return max(counts.items(), key=lambda kv: kv[1])[0]


def has_han(text: str) -> bool:
    if text.isascii():
        return False  # most names: no need to look at each character
    return any(script_of(c) == HAN for c in text if c.isalpha())


def to_simplified(text: str) -> str:
    """Fold traditional Chinese characters to simplified ones (OpenCC t2s); other text unchanged."""
    return _T2S.convert(text) if has_han(text) else text


@lru_cache(maxsize=65536)
def fold_latin(word: str) -> str:
    """Lower-case ASCII form of a Latin/Greek/Cyrillic word: diacritics and ligatures removed."""
    if word.isascii():
        return word.lower()
    return anyascii(word).lower()


def normalise_name(name: str) -> str:
    """Canonical display form: NFKC, case-folded, simplified Han, punctuation -> single spaces.

    Scripts are kept (no transliteration) so the result is still the name as written; it is the
    form shown in explanations and is idempotent: normalise_name(normalise_name(x)) == that.
    """
    text = unicodedata.normalize("NFKC", name)
    text = to_simplified(text).casefold()
    text = unicodedata.normalize("NFKC", text)
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE_RE.sub("", text)
    text = _DOTTED_INITIALS.sub(lambda m: re.sub(r"[\s.\-]", "", m.group(1)) + " ", text)
    text = text.replace("&", " and ").replace("+", " and ")
    for dot in NAME_DOTS:
        text = text.replace(dot, " ")
    parts = [p for p in _SPLIT_RE.split(text) if p]
    if not text.isascii():
        parts = [_one_script(p) for p in parts]
    return " ".join(parts)


# Latin and Cyrillic letters that look alike once case-folded (from the capitals A B C E H I K M
# O P T X Y and the lower-case a c e i o p x y): data entry and evasion mix them inside one word
# (ПAO with a Latin A, Сергiй with a Latin i), which would split the word in two scripts.
_LATIN_LOOKALIKES = "abcehikmoptxy"
_CYRILLIC_LOOKALIKES = "авсенікмортху"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)


def _one_script(word: str) -> str:
    """A word of Cyrillic and Latin letters written in one script, when every letter of the
    other has a look-alike in it (the script of most of its letters first)."""
    cyrillic = sum(script_of(c) == CYRILLIC for c in word)
    latin = sum(c.isascii() and c.isalpha() for c in word)
    if not cyrillic or not latin:
        return word
    as_cyrillic = word.translate(_TO_CYRILLIC)
    as_latin = word.translate(_TO_LATIN)
    cyrillic_ok = not any(c.isascii() and c.isalpha() for c in as_cyrillic)
    latin_ok = not any(script_of(c) == CYRILLIC for c in as_latin)
    if cyrillic_ok and (cyrillic >= latin or not latin_ok):
        return as_cyrillic
    return as_latin if latin_ok else word


def split_runs(text: str) -> list[tuple[str, str]]:
    """Split a normalised name into (script, text) runs at spaces and at changes of script."""
    if text.isascii():
        return [(LATIN, word) for word in text.split(" ") if word]
    runs: list[tuple[str, str]] = []
    for word in text.split(" "):
        current = ""
        current_script = ""
        for char in word:
            code = script_of(char) if char.isalpha() else (current_script or LATIN)
            if code in (KANA,) and current_script == HAN:
                code = HAN  # Japanese kana inside a kanji name stays with it
            if current and code != current_script:
                runs.append((current_script, current))
                current = ""
            current_script = code
            current += char
        if current:
            runs.append((current_script, current))
    return runs


def is_initialism(surface: str) -> bool:
    """True for tokens printed as capital initials ("ZTE", "A.B.C.", "PLA") in the original."""
    letters = [c for c in surface if c.isalpha()]
    return 2 <= len(letters) <= 5 and all(c.isupper() for c in letters)
