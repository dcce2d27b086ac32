"""Name text: cleaning, the script a name is written in, a key for matching across sources."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from exportctl.reference.records import Name

# Zero-width and soft-hyphen characters hide in copied names ("\u200cHigh Point ...").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Whitespace next to a CJK character or full-width punctuation is a line wrap, not a word gap.
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")

# Unicode character-name prefixes -> ISO 15924 script codes.
_SCRIPT_PREFIXES = (
    ("CJK", "Hani"),
    ("HIRAGANA", "Jpan"),
    ("KATAKANA", "Jpan"),
    ("HANGUL", "Hang"),
    ("CYRILLIC", "Cyrl"),
    ("ARABIC", "Arab"),
    ("GREEK", "Grek"),
    ("HEBREW", "Hebr"),
    ("GEORGIAN", "Geor"),
    ("ARMENIAN", "Armn"),
    ("THAI", "Thai"),
    ("DEVANAGARI", "Deva"),
    ("BENGALI", "Beng"),
    ("ETHIOPIC", "Ethi"),
    ("TIBETAN", "Tibt"),
    ("MYANMAR", "Mymr"),
    ("KHMER", "Khmr"),
    ("LAO", "Laoo"),
    ("SINHALA", "Sinh"),
    ("TAMIL", "Taml"),
    ("LATIN", "Latn"),
)


def clean(value: Any) -> str:
    """Text without invisible characters and with single spaces; non-text gives ""."""
    if value is None:
        return ""
    text = str(value)
    if not text.isascii():
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def clean_zh(value: Any) -> str:
    """Chinese prose without the spaces a wrapped line left between characters."""
    return _CJK_GAP.sub("", clean(value))


@lru_cache(maxsize=4096)
def _char_script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return None


def script_of(text: str) -> str | None:
    """The ISO 15924 script most of the letters are in (Japanese kana and kanji count as Jpan)."""
    if text.isascii():
        return "Latn" if any(ch.isalpha() for ch in text) else None
    counts = Counter(s for ch in text if ch.isalpha() and (s := _char_script(ch)))
    if not counts:
        return None
    if counts.get("Jpan") and counts.get("Hani"):
        counts["Jpan"] += counts.pop("Hani")
    return counts.most_common(1)[0][0]


def match_key(value: str) -> str:
    """Casefolded letters and digits only: "Gibbs&Cox, Inc." and "Gibbs & Cox, Inc." agree."""
    text = unicodedata.normalize("NFKC", clean(value)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def unique_names(names: Iterable[Name]) -> tuple[Name, ...]:
    """Names without empty values or repeats of a value (the first, most important, kind wins)."""
    seen: set[str] = set()
    out: list[Name] = []
    for name in names:
        if name.value and name.value not in seen:
            seen.add(name.value)
            out.append(name)
    return tuple(out)


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """Non-empty values in first-seen order."""
    return tuple(dict.fromkeys(v for v in values if v))
