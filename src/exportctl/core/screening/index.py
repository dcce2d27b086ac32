"""Step 2 of screening: the candidate index over all names and aliases of all lists.

Legal source: Dual-Use Regulations Art. 26-30 (screening against the control list, watch list and
the other lists an exporter respects): every name and alias of every list record is indexed, in
every script, so that candidate generation finds what an exhaustive comparison would score above
the threshold (measured by bench/screening; target >= 99.5 %).

Keys per name: exact words, phonetic keys, consonant skeletons (for Arabic script), Korean keys,
pinyin readings of Wade-Giles/postal/Cantonese spellings, one-deletion variants (typos), joined
neighbours (Hua Wei = Huawei), initials (ZTE), and pairs of words (so a name made only of common
words is still found). Keys shared by very many names are not traversed. The names found are
split with set operations by which query parts they share keys with; a bound of their score
(bounds.py) drops the names that cannot reach the threshold. If many remain, they are ranked by
summed key weights times rarity, and the best are scored in full (score.py).

The index is built once per list version and saved as one marshal blob of plain structures. It
keeps, per distinct list name, the keys of its joined spans (align.encode_spans: romanisation
readings and consonant skeletons, costly to compute) and of its parts (align.encode_targets), so a
freshly loaded index checks and performs merges as fast as a warm one.
"""

from __future__ import annotations

import heapq
import json
import marshal
import math
from array import array
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from exportctl.core.errors import MalformedFile
from exportctl.core.screening.align import encode_spans, encode_targets
from exportctl.core.screening.analyse import NameForm, analyse_name
from exportctl.core.screening.bounds import Profiles, name_profile
from exportctl.core.screening.keys import JOINED, KEY_WEIGHT, name_keys
from exportctl.core.screening.score import CompareCache
from exportctl.core.screening.tokens import Token
from exportctl.reference.records import EntityRecord

# Bumped when the file layout or the analysis of names changes (the index stores analysed names):
# an index saved by an older version is rebuilt, not read.
FORMAT_VERSION = 8
MAX_POSTINGS = 1000  # keys on more names than this are not traversed (pair keys cover them)


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


class ScreeningIndex:
    """Every name of every record, analysed, with an inverted index of match keys.

    Stored as plain structures (lists, tuples, strings, arrays) so `load` is one `marshal.loads`;
    records are kept as JSON text and decoded only for hits; analysed names are rebuilt as
    NameForm tuples on first use.
    """

    def __init__(self, records_json: list[str], facts: list[tuple[Any, ...]],
                 name_record: array[int], name_value: list[str], name_kind: list[str],
                 forms: list[tuple[Any, ...]], keys: dict[str, int], starts: array[int],
                 postings: array[int], half_max: array[float], floor_cost: array[float],
                 substantive: array[int], name_spans: array[int], span_lists: list[str],
                 target_lists: list[str]) -> None:  # fmt: skip
        self._records_json = records_json
        self._facts = facts
        self._name_record = name_record
        self._name_value = name_value
        self._name_kind = name_kind
        self._forms_raw = forms
        self._keys = keys
        self._starts = starts
        self._postings = postings
        self._half_max = half_max  # per name: largest half weight of a part
        self._floor_cost = floor_cost  # per name: least total cost of its parts
        self._substantive = substantive  # per name: number of substantive parts
        self._name_spans = name_spans  # per name: its entry in span_lists (one per token tuple)
        self._span_lists = span_lists  # per distinct name: align.span_keys as one string
        self._target_lists = target_lists  # per distinct name: align.encode_targets
        self._forms: dict[int, NameForm] = {}
        self._tokens: dict[int, Token] = {}  # one Token per stored token tuple (shared by names)
        self._token_tuples: dict[int, tuple[Token, ...]] = {}  # by entry in span_lists
        self.compare_cache = CompareCache()
        self._records: dict[int, EntityRecord] = {}
        self._by_key: dict[tuple[str, str], int] | None = None
        self._log_n = math.log(len(name_value) + 1)
        self._profile_data: Profiles | None = None

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

    def record_id(self, source: str, key: str) -> int:
        """Position of the record with this source and key (KeyError when absent)."""
        if self._by_key is None:
            self._by_key = {(f[0], f[1]): i for i, f in enumerate(self._facts)}
        return self._by_key[(source, key)]

    def facts(self, record_id: int) -> RecordFacts:
        return RecordFacts._make(self._facts[record_id])

    def name(self, name_id: int) -> IndexedName:
        """One indexed name with its analysed form."""
        return IndexedName(self._name_record[name_id], self._name_value[name_id],
                           self._name_kind[name_id], self.form(name_id))  # fmt: skip

    def form(self, name_id: int) -> NameForm:
        """The analysed form of one indexed name (rebuilt on first use)."""
        form = self._forms.get(name_id)
        if form is None:
            raw = self._forms_raw[name_id]
            # one tuple per distinct token tuple (build_index numbers them, as their spans), so
            # caches keyed by it serve all names spelt alike
            distinct = self._name_spans[name_id]
            tokens = self._token_tuples.get(distinct)
            if tokens is None:
                tokens = tuple(self._token(t) for t in raw[3])
                self._token_tuples[distinct] = tokens
                self.compare_cache.stored_spans[id(tokens)] = self._span_lists[distinct]
                self.compare_cache.stored_targets[id(tokens)] = self._target_lists[distinct]
            form = NameForm(raw[0], raw[1], raw[2], tokens, raw[4], raw[5], raw[6])
            self._forms[name_id] = form
        return form

    def prepare(self) -> None:
        """Rebuild every analysed name now (about 0.5 s and 40 MB for all bundled lists) rather
        than on first use: a server does it once at start-up, and its first queries then run
        as fast as later ones."""
        for name_id in range(len(self._forms_raw)):
            self.form(name_id)

    def record_of(self, name_id: int) -> int:
        """Position of the record a name belongs to."""
        return self._name_record[name_id]

    def schema(self, record_id: int) -> str:
        """Schema of a record (what pair_mode needs, without building RecordFacts)."""
        schema: str = self._facts[record_id][2]
        return schema

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

    def candidates(self, form: NameForm, limit: int = 40, floor: float = 0.0) -> list[int]:
        """Ids of the names most likely to score high against `form`, best first.

        Every name sharing a key with the query gets an upper bound of its score from which query
        parts it shares keys with (keys of parts too common to traverse count as shared); names
        whose bound is below `floor` are left out. If more than `limit` remain, they are ranked
        by the rarity-weighted keys they share with the query (ties: lower id first).
        """
        keys, starts, postings = self._keys, self._starts, self._postings
        everywhere = 0  # parts whose keys were too common to traverse
        traversed: list[tuple[str, int, int]] = []
        groups: dict[int, set[int]] = {}  # query key mask -> names having a key with that mask
        for key, mask in name_keys(form, query=True).items():
            slot = keys.get(key)
            if slot is None:
                continue
            begin, end = starts[slot], starts[slot + 1]
            if end - begin > MAX_POSTINGS:
                everywhere |= mask & ~JOINED
                continue
            traversed.append((key, begin, end))
            group = groups.get(mask)
            if group is None:
                groups[mask] = set(postings[begin:end])
            else:
                group.update(postings[begin:end])
        if not groups:
            return []
        regions = _regions(groups)
        if floor > 0.0:
            kept = self._profiles().kept(form.tokens, regions, everywhere, floor)
        else:
            kept = sorted(name_id for names in regions.values() for name_id in names)
        if len(kept) <= limit:
            return kept
        wanted = set(kept)
        scores = dict.fromkeys(kept, 0.0)
        log_n = self._log_n
        for key, begin, end in traversed:
            weight = KEY_WEIGHT[key[0]] * (log_n - math.log(end - begin + 1) + 0.5)
            for name_id in wanted.intersection(postings[begin:end]):
                scores[name_id] += weight
        return [name_id for name_id, _ in heapq.nlargest(limit, scores.items(), key=itemgetter(1))]

    def _profiles(self) -> Profiles:
        """The names' score-bound profiles (built on first use)."""
        if self._profile_data is None:
            self._profile_data = Profiles(self._half_max, self._floor_cost, self._substantive)
        return self._profile_data

    def save(self, path: str | Path) -> None:
        """Write the index as one marshal blob of plain structures (trusted files only)."""
        data = (FORMAT_VERSION, self._records_json, self._facts, self._name_record.tobytes(),
                self._name_value, self._name_kind, self._forms_raw, self._keys,
                self._starts.tobytes(), self._postings.tobytes(), self._half_max.tobytes(),
                self._floor_cost.tobytes(), self._substantive.tobytes(),
                self._name_spans.tobytes(), self._span_lists, self._target_lists)  # fmt: skip
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
        (_version, records, facts, name_record, values, kinds, forms, keys, starts, postings,
         half_max, floor_cost, substantive, name_spans, span_lists, target_lists) = data  # fmt: skip
        return cls(records, facts, _ints(name_record), values, kinds, forms, keys, _ints(starts),
                   _ints(postings), _floats(half_max), _floats(floor_cost),
                   _ints(substantive), _ints(name_spans), span_lists, target_lists)  # fmt: skip


def _regions(groups: dict[int, set[int]]) -> dict[int, set[int]]:
    """Split the names of the groups by the union of the masks of the groups they are in
    (set operations, so the work per name is done in C)."""
    regions: dict[int, set[int]] = {}
    seen: set[int] = set()
    for mask, names in groups.items():
        for known, members in list(regions.items()):
            if mask & ~known:
                both = members & names
                if both:
                    members -= both
                    regions.setdefault(known | mask, set()).update(both)
        new = names - seen
        if new:
            regions.setdefault(mask, set()).update(new)
        seen |= names
    return {mask: names for mask, names in regions.items() if names}


def _floats(raw: bytes) -> array[float]:
    out = array("d")
    out.frombytes(raw)
    return out


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
    half_max = array("d")
    floor_cost = array("d")
    substantive = array("i")
    name_spans = array("i")
    span_ids: dict[tuple[Token, ...], int] = {}
    span_lists: list[str] = []
    target_lists: list[str] = []
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
            profile = name_profile(form.tokens)
            half_max.append(profile[0])
            floor_cost.append(profile[1])
            substantive.append(profile[2])
            span_id = span_ids.get(form.tokens)
            if span_id is None:  # joined spans need romanisation readings: costly to compute
                span_id = span_ids[form.tokens] = len(span_lists)
                span_lists.append(encode_spans(form.tokens))
                target_lists.append(encode_targets(form.tokens))
            name_spans.append(span_id)
            for key in name_keys(form):
                lists.setdefault(key, []).append(name_id)
    keys: dict[str, int] = {}
    starts = array("i", [0])
    postings = array("i")
    for slot, (key, ids) in enumerate(sorted(lists.items())):  # same file for the same lists
        keys[key] = slot
        postings.extend(ids)
        starts.append(len(postings))
    return ScreeningIndex(records_json, facts, name_record, values, kinds, forms, keys, starts,
                          postings, half_max, floor_cost, substantive, name_spans,
                          span_lists, target_lists)  # fmt: skip
