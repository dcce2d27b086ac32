"""Step 2 of screening: the candidate index over all names and aliases of all lists.

Legal source: Dual-Use Regulations Art. 26-30 (screening against the control list, watch list and
the other lists an exporter respects): every name and alias of every list record is indexed, in
every script, so that candidate generation finds what an exhaustive comparison would score above
the threshold (measured by bench/screening; target >= 99.5 %).

Keys per name: exact words, phonetic keys, consonant skeletons (for Arabic script), Korean keys,
pinyin readings of Wade-Giles/postal/Cantonese spellings, one-deletion variants (typos), joined
neighbours (Hua Wei = Huawei), initials (ZTE), and pairs of words (so a name made only of common
words is still found). Keys shared by very many names are not traversed; candidates are ranked by
summed key weights times rarity, and the best are scored in full (score.py).

The index is built once per list version and saved as a pickle of plain structures.
"""

from __future__ import annotations

import heapq
import json
import marshal
import math
from array import array
from collections.abc import Iterable
from itertools import combinations
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from exportctl.core.errors import MalformedFile
from exportctl.core.screening.analyse import NameForm, analyse_name
from exportctl.core.screening.chinese import PINYIN_SYLLABLES, romanisation_readings
from exportctl.core.screening.normalise import ARABIC, HAN, HANGUL, HEBREW, LATIN
from exportctl.core.screening.phonetic import (
    chinese_sound_key,
    consonant_key,
    korean_key,
    latin_sound_key,
)
from exportctl.core.screening.tokens import GENERIC, INITIAL, NAME, NUMBER, REGION, Token
from exportctl.reference.records import EntityRecord

FORMAT_VERSION = 1
MAX_POSTINGS = 3000  # keys on more names than this are not traversed (pair keys cover them)
KEY_WEIGHT = {"t": 1.0, "p": 0.8, "d": 0.6, "c": 0.6, "k": 0.8, "z": 0.5, "g": 0.15, "n": 0.3,
              "2": 1.5, "a": 0.8}  # fmt: skip


class IndexedName(NamedTuple):
    """One name of one record, analysed."""

    record: int  # position of the record in the index
    value: str  # the name as the list prints it
    kind: str  # Name.kind: primary, alias, weak_alias, original_script, translation
    form: NameForm


class RecordFacts(NamedTuple):
    """What the qualifiers need of a record, kept in memory for every record."""

    source: str
    key: str
    schema: str
    countries: tuple[str, ...]
    birth_dates: tuple[str, ...]
    identifiers: tuple[tuple[str, str], ...]  # (type, value)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _token_keys(token: Token, keys: set[str], query: bool) -> None:
    """Keys of one token. Cross-script keys live in namespaces by origin (cA: consonants of
    Arabic script, cL: of Latin; zH: Chinese sound key of Han, zL: of Latin; aK: Korean key of
    Hangul, aL: of Latin); a query looks up the namespaces of the other scripts only."""
    text = token.text
    if token.kind in (GENERIC, REGION):
        keys.update("g:" + c for c in token.concepts)
        if token.pkind != NAME:
            return
    if token.kind == NUMBER:
        keys.update("n:" + c for c in token.concepts)
        return
    if token.kind == INITIAL or len(text) < 2:
        return
    script = token.script
    if script in (ARABIC, HEBREW):
        keys.add("cA:" + consonant_key(text))
        if query:
            keys.add("cL:" + consonant_key(text))
        return
    keys.add("t:" + text)
    keys.update("t:" + alt for alt in token.alts if " " not in alt)
    keys.update("k:" + c for c in token.concepts)
    if len(token.pkey) >= 3:
        keys.add("p:" + token.pkey)
    if len(text) >= 5:
        keys.update("d:" + d for d in _deletions(text))
        keys.add("d:" + text)
    if script == LATIN:
        if len(text) >= 3:
            keys.add(("cA:" if query else "cL:") + consonant_key(text))
        if len(text) <= 7:
            keys.add(("aK:" if query else "aL:") + korean_key(text))
        if len(text) >= 4:
            keys.add(("zH:" if query else "zL:") + latin_sound_key(text))
        if text not in PINYIN_SYLLABLES and len(text) <= 12:
            readings = romanisation_readings(text)
            if 0 < len(readings) <= 8:
                keys.update("t:" + r for r in readings)
    elif script == HANGUL:
        keys.add("aK:" + korean_key(text))
        keys.update("aK:" + korean_key(alt) for alt in token.alts)
        if query:
            keys.add("aL:" + korean_key(text))
            keys.update("aL:" + korean_key(alt) for alt in token.alts)
    elif script == HAN and len(token.syllables) >= 2:
        keys.add(("zL:" if query else "zH:") + chinese_sound_key(token.syllables))


def name_keys(form: NameForm, query: bool = False) -> set[str]:
    """Index keys of an analysed name (`query=True`: the keys a query looks up)."""
    keys: set[str] = set()
    tokens = form.tokens
    for token in tokens:
        _token_keys(token, keys, query)
    names = [t for t in tokens if t.pkind == NAME or t.kind == NAME]
    for a, b in zip(names, names[1:], strict=False):
        joined = a.text + b.text
        keys.add("t:" + joined)
        if len(joined) >= 5:
            keys.add("d:" + joined)
        if a.script == LATIN and len(joined) <= 12:
            readings = romanisation_readings(joined)
            if 0 < len(readings) <= 8:
                keys.update("t:" + r for r in readings)
    if len(names) >= 2:
        pkeys = sorted({t.pkey or t.text for t in names[:6]})
        keys.update("2:" + x + "|" + y for x, y in combinations(pkeys, 2))
    words = [t for t in tokens if t.kind in (NAME, GENERIC, REGION)]
    if form.org and 2 <= len(words) <= 5:
        initials = "".join(t.syllables[0][0] if t.syllables else t.text[:1] for t in words)
        keys.add("t:" + initials)
    return keys


class ScreeningIndex:
    """Every name of every record, analysed, with an inverted index of match keys.

    Stored as plain structures (lists, tuples, strings, arrays) so `load` is one `marshal.loads`;
    records are kept as JSON text and decoded only for hits; analysed names are rebuilt as
    NameForm tuples on first use.
    """

    def __init__(self, records_json: list[str], facts: list[tuple[Any, ...]],
                 name_record: array[int], name_value: list[str], name_kind: list[str],
                 forms: list[tuple[Any, ...]], keys: dict[str, int], starts: array[int],
                 postings: array[int]) -> None:  # fmt: skip
        self._records_json = records_json
        self._facts = facts
        self._name_record = name_record
        self._name_value = name_value
        self._name_kind = name_kind
        self._forms_raw = forms
        self._keys = keys
        self._starts = starts
        self._postings = postings
        self._forms: dict[int, NameForm] = {}
        self._tokens: dict[int, Token] = {}  # one Token per stored token tuple (shared by names)
        self._records: dict[int, EntityRecord] = {}
        self._log_n = math.log(len(name_value) + 1)

    def __len__(self) -> int:
        """Number of records."""
        return len(self._records_json)

    @property
    def name_count(self) -> int:
        return len(self._name_value)

    @property
    def key_count(self) -> int:
        return len(self._keys)

    def record(self, record_id: int) -> EntityRecord:
        """The full record (decoded on first use)."""
        found = self._records.get(record_id)
        if found is None:
            found = EntityRecord.from_json(json.loads(self._records_json[record_id]))
            self._records[record_id] = found
        return found

    def facts(self, record_id: int) -> RecordFacts:
        return RecordFacts._make(self._facts[record_id])

    def name(self, name_id: int) -> IndexedName:
        """One indexed name with its analysed form."""
        form = self._forms.get(name_id)
        if form is None:
            raw = self._forms_raw[name_id]
            tokens = tuple(self._token(t) for t in raw[3])
            form = NameForm(raw[0], raw[1], raw[2], tokens, raw[4], raw[5], raw[6])
            self._forms[name_id] = form
        return IndexedName(self._name_record[name_id], self._name_value[name_id],
                           self._name_kind[name_id], form)  # fmt: skip

    def _token(self, raw: tuple[Any, ...]) -> Token:
        found = self._tokens.get(id(raw))
        if found is None:
            found = raw if isinstance(raw, Token) else Token._make(raw)
            self._tokens[id(raw)] = found
        return found

    def postings(self, key: str) -> array[int]:
        """Ids of the names that have `key` (empty when none)."""
        slot = self._keys.get(key)
        if slot is None:
            return array("i")
        return self._postings[self._starts[slot] : self._starts[slot + 1]]

    def candidates(self, form: NameForm, limit: int = 40) -> list[int]:
        """Ids of the names most likely to score high against `form`, best first."""
        scores: dict[int, float] = {}
        get = scores.get
        keys, starts, postings = self._keys, self._starts, self._postings
        log_n = self._log_n
        for key in name_keys(form, query=True):
            slot = keys.get(key)
            if slot is None:
                continue
            begin, end = starts[slot], starts[slot + 1]
            size = end - begin
            if size > MAX_POSTINGS:
                continue
            weight = KEY_WEIGHT[key[0]] * (log_n - math.log(size + 1) + 0.5)
            for name_id in postings[begin:end]:
                scores[name_id] = get(name_id, 0.0) + weight
        if len(scores) <= limit:
            return sorted(scores, key=scores.__getitem__, reverse=True)
        return [name_id for name_id, _ in heapq.nlargest(limit, scores.items(), key=itemgetter(1))]

    def save(self, path: str | Path) -> None:
        """Write the index as one marshal blob of plain structures (trusted files only)."""
        data = (FORMAT_VERSION, self._records_json, self._facts, self._name_record.tobytes(),
                self._name_value, self._name_kind, self._forms_raw, self._keys,
                self._starts.tobytes(), self._postings.tobytes())  # fmt: skip
        Path(path).write_bytes(marshal.dumps(data))

    @classmethod
    def load(cls, path: str | Path) -> ScreeningIndex:
        """Read an index written by `save` (same FORMAT_VERSION)."""
        try:
            data = marshal.loads(Path(path).read_bytes())
        except (EOFError, ValueError, TypeError) as exc:
            raise MalformedFile(f"not a screening index ({exc})", location=str(path)) from exc
        if not isinstance(data, tuple) or not data or data[0] != FORMAT_VERSION:
            raise MalformedFile("not a screening index of this version", location=str(path))
        _version, records, facts, name_record, values, kinds, forms, keys, starts, postings = data
        return cls(records, facts, _ints(name_record), values, kinds, forms, keys, _ints(starts),
                   _ints(postings))  # fmt: skip


def _ints(raw: bytes) -> array[int]:
    out = array("i")
    out.frombytes(raw)
    return out


def build_index(records: Iterable[EntityRecord]) -> ScreeningIndex:
    """Analyse and index every name of every record (build once per list version)."""
    records_json: list[str] = []
    facts: list[tuple[Any, ...]] = []
    name_record = array("i")
    values: list[str] = []
    kinds: list[str] = []
    forms: list[tuple[Any, ...]] = []
    lists: dict[str, list[int]] = {}
    token_pool: dict[Token, tuple[Any, ...]] = {}
    for record_id, record in enumerate(records):
        records_json.append(json.dumps(record.to_json(), ensure_ascii=False))
        identifiers = tuple((i.type, i.value) for i in record.identifiers)
        facts.append((record.source, record.key, record.schema, tuple(record.countries),
                      tuple(record.birth_dates), identifiers))  # fmt: skip
        seen: set[str] = set()
        for name in record.names:
            value = name.value.strip()
            if not value or value in seen:
                continue
            seen.add(value)
            form = analyse_name(value, record.schema)
            if not form.tokens:
                continue
            tokens = tuple(token_pool.setdefault(t, tuple(t)) for t in form.tokens)
            name_id = len(values)
            name_record.append(record_id)
            values.append(value)
            kinds.append(name.kind)
            forms.append((form.original, form.normalised, form.script, tokens, form.org,
                          form.person, form.chinese_frame))  # fmt: skip
            for key in name_keys(form):
                lists.setdefault(key, []).append(name_id)
    keys: dict[str, int] = {}
    starts = array("i", [0])
    postings = array("i")
    for slot, (key, ids) in enumerate(lists.items()):
        keys[key] = slot
        postings.extend(ids)
        starts.append(len(postings))
    return ScreeningIndex(records_json, facts, name_record, values, kinds, forms, keys, starts,
                          postings)  # fmt: skip


