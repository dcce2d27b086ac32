"""Simple, exact-ish text normalisation for look-ups (not fuzzy screening: see core.screening)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC  # pure-Python OpenCC port: traditional -> simplified folding

_T2S = OpenCC("t2s")
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """NFKC, case-folded, traditional Chinese folded to simplified, punctuation to single spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    if any("\u3400" <= ch <= "\u9fff" for ch in text):
        text = _T2S.convert(text)
    return _PUNCT.sub(" ", text).strip()


def compact(text: str) -> str:
    """`fold` without spaces: '洛克希德·马丁' and 'Lockheed-Martin' both lose their separators."""
    return fold(text).replace(" ", "")
