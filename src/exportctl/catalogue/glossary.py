"""English search over a Chinese-only list: a cited glossary maps English words to Chinese terms."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

GLOSSARY = (
    Path(__file__).resolve().parent.parent / "reference" / "glossary" / "search_terms_zh_en.tsv"
)


@lru_cache(maxsize=1)
def terms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(Chinese term, English words) pairs, longest Chinese term first."""
    pairs = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en = line.split("\t")
        pairs.append((zh, tuple(w.strip().casefold() for w in en.split("|"))))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def english_words_for(text_zh: str) -> list[str]:
    """English words for the Chinese terms in `text_zh`, longest match first (金属 is not 金)."""
    table = dict(terms())
    longest = max((len(zh) for zh in table), default=0)
    words: list[str] = []
    i = 0
    while i < len(text_zh):
        for size in range(min(longest, len(text_zh) - i), 0, -1):
            english = table.get(text_zh[i : i + size])
            if english:
                words.extend(english)
                i += size
                break
        else:
            i += 1
    return words
