"""An in-memory Knowledge: control entries, rules and list records held in dicts.

Built from ControlEntry records (the catalogue snapshot), the measures and deadlines of
`rules/*.yaml`, the Rulebook of determination.yaml and EntityRecords (the party snapshots).
Names are matched exactly after normalisation (NFKC, case, traditional to simplified Chinese,
punctuation; then without legal-form words such as "Inc." or "株式会社"); a fuzzy screening
engine can be plugged in as `matcher`, a callable (name, country) -> [(record id, score,
matched name, explanation)], where the record id is "source:key" or a unique key; with it,
`record_lookup` (record id -> EntityRecord) can replace `records`, so a large list is never
materialised, and the exact-name tables are only built when no matcher is given.

Screening is memoised per (name, country): the party's role and index do not change which list
entries match, only how the finding is labelled, so a batch that repeats a party screens it once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from exportctl.core.determination.case import Party
from exportctl.core.determination.knowledge import (
    MeasureOnDate,
    PartyFinding,
    designation_status,
    measure_on,
)
from exportctl.core.determination.rulebook import Rulebook
from exportctl.core.rules.model import Deadline, Measure
from exportctl.core.textnorm import fold
from exportctl.reference.catalogue_records import ControlEntry, is_valid_code, parent_code
from exportctl.reference.records import EntityRecord

_T = TypeVar("_T")
Match = tuple[str, float, str, str]  # record id, score, matched name, explanation
Matcher = Callable[[str, str | None], Iterable[Match]]
RecordLookup = Callable[[str], EntityRecord | None]

_LEGAL_WORDS = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "lp",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "spa",
        "bv",
        "nv",
        "kk",
        "sarl",
        "srl",
        "pte",
        "pty",
        "the",
    ]
)
_LEGAL_ZH = re.compile(r"(股份有限公司|有限责任公司|有限公司|株式会社|公司|集团)$")
EXACT_SCORE = 1.0
STRIPPED_SCORE = 0.95
COUNTRY_CONFLICT_FACTOR = 0.85  # the same name in another country may be another company


def name_keys(name: str) -> tuple[str, str]:
    """(exact key, key without legal-form words): the two normalised forms compared."""
    folded = fold(name)
    exact = folded.replace(" ", "")
    words = [w for w in folded.split(" ") if w and w not in _LEGAL_WORDS]
    stripped = _LEGAL_ZH.sub("", "".join(words)) or exact
    return exact, stripped


class MemoryKnowledge:
    """Knowledge held in memory; pure once built (no I/O, no clock)."""

    def __init__(
        self,
        *,
        entries: Iterable[ControlEntry],
        measures: Iterable[Measure],
        deadlines: Iterable[Deadline],
        rulebook: Rulebook,
        data_as_of: date,
        records: Iterable[EntityRecord] = (),
        matcher: Matcher | None = None,
        record_lookup: RecordLookup | None = None,
        rules_version: str | None = None,
        data_versions: Mapping[str, str] | None = None,
    ) -> None:
        self._rulebook = rulebook
        self._data_as_of = data_as_of
        self._rules_version = (
            rules_version or f"determination {rulebook.version} ({rulebook.digest[:12]})"
        )
        self._data_versions = dict(data_versions or {})
        self._entries = {e.code: e for e in entries}
        self._synthesise_groups()
        self._measures = tuple(measures)
        self._deadlines = {d.id: d for d in deadlines}
        self._known = set(self._entries)
        for m in self._measures:
            for code in (*m.scope.control_codes, *m.scope.code_prefixes):
                if is_valid_code(code):
                    self._known.update(_with_ancestors(code))
        self._records: dict[str, EntityRecord] = {}
        self._by_key: dict[str, list[EntityRecord]] = {}
        self._exact: dict[str, list[tuple[EntityRecord, str]]] = {}
        self._stripped: dict[str, list[tuple[EntityRecord, str]]] = {}
        held = list(records)
        for record in held:
            self._records[f"{record.source}:{record.key}"] = record
            self._by_key.setdefault(record.key, []).append(record)
        self._lookup = record_lookup or self._held_record
        if matcher is None:
            self._index_names(held)
        self._matcher = matcher or self._match_names
        self._measure_cache: dict[date, tuple[MeasureOnDate, ...]] = {}
        # Answers per code asked (the data is immutable once built): a walk up the code tree
        # and a pattern match per item otherwise.
        self._entry_cache: dict[str, tuple[ControlEntry | None]] = {}
        self._known_cache: dict[str, bool] = {}
        self._match_cache: dict[
            tuple[str, str | None], tuple[tuple[EntityRecord, float, str, str], ...]
        ] = {}

    # ---- the Knowledge protocol -----------------------------------------------------------------

    @property
    def rulebook(self) -> Rulebook:
        return self._rulebook

    @property
    def rules_version(self) -> str:
        return self._rules_version

    @property
    def data_as_of(self) -> date:
        return self._data_as_of

    @property
    def data_versions(self) -> Mapping[str, str]:
        return self._data_versions

    def entry(self, code: str) -> ControlEntry | None:
        cached = self._entry_cache.get(code)  # .get: another thread may clear the cache
        if cached is not None:
            return cached[0]
        found: ControlEntry | None = None
        current: str | None = code
        while current is not None and found is None:
            found = self._entries.get(current)
            current = parent_code(current)
        return _remember(self._entry_cache, code, (found,))[0]

    def is_known_code(self, code: str) -> bool:
        known = self._known_cache.get(code)
        if known is None:
            known = is_valid_code(code) and any(c in self._known for c in _with_ancestors(code))
            _remember(self._known_cache, code, known)
        return known

    def measures_on(self, day: date) -> Sequence[MeasureOnDate]:
        cached = self._measure_cache.get(day)
        if cached is None:
            cached = tuple(measure_on(m, day) for m in self._measures)
            if len(self._measure_cache) > 4096:
                self._measure_cache.clear()
            self._measure_cache[day] = cached
        return cached

    def deadline(self, rule_id: str) -> Deadline | None:
        return self._deadlines.get(rule_id)

    def screen(self, party: Party, day: date) -> Sequence[PartyFinding]:
        findings = []
        for record, score, matched, explanation in self._matches(party.name, party.country):
            for designation in record.designations:
                status, note, resumed = designation_status(designation, day)
                findings.append(
                    PartyFinding(
                        party_index=party.index,
                        role=party.role,
                        query_name=party.name,
                        list_code=designation.list_code,
                        entity_key=f"{record.source}:{record.key}",
                        source=record.source,
                        matched_name=matched,
                        score=score,
                        announcement=designation.announcement,
                        published=designation.published,
                        effective=designation.effective,
                        measure_codes=designation.measure_codes,
                        status=status,
                        legal_basis=designation.legal_basis,
                        status_note=note,
                        resumed_after=resumed,
                        explanation=explanation,
                    )
                )
        return findings

    # ---- internals ------------------------------------------------------------------------------

    def _matches(
        self, name: str, country: str | None
    ) -> tuple[tuple[EntityRecord, float, str, str], ...]:
        key = (name, country)
        cached = self._match_cache.get(key)
        if cached is None:
            best: dict[str, tuple[EntityRecord, float, str, str]] = {}
            for record_id, score, matched, explanation in self._matcher(name, country):
                record = self._lookup(record_id)
                if record is None:
                    continue
                if country and record.countries and country not in record.countries:
                    score *= COUNTRY_CONFLICT_FACTOR
                    explanation += (
                        f"; listed with country {', '.join(record.countries)}, not {country}"
                    )
                rid = f"{record.source}:{record.key}"
                if rid not in best or score > best[rid][1]:
                    best[rid] = (record, score, matched, explanation)
            cached = tuple(sorted(best.values(), key=lambda m: (-m[1], m[0].source, m[0].key)))
            if len(self._match_cache) > 65536:
                self._match_cache.clear()
            self._match_cache[key] = cached
        return cached

    def _held_record(self, record_id: str) -> EntityRecord | None:
        found = self._records.get(record_id)
        if found is None:
            same_key = self._by_key.get(record_id, [])
            found = same_key[0] if len(same_key) == 1 else None
        return found

    def _index_names(self, records: list[EntityRecord]) -> None:
        """The exact-name tables of the built-in matcher (normalising every listed name)."""
        for record in records:
            for name in record.names:
                exact, stripped = name_keys(name.value)
                self._exact.setdefault(exact, []).append((record, name.value))
                self._stripped.setdefault(stripped, []).append((record, name.value))

    def _match_names(self, name: str, country: str | None) -> Iterable[Match]:
        exact, stripped = name_keys(name)
        for record, matched in self._exact.get(exact, ()):
            yield (
                f"{record.source}:{record.key}",
                EXACT_SCORE,
                matched,
                "same name after normalisation",
            )
        for record, matched in self._stripped.get(stripped, ()):
            yield (
                f"{record.source}:{record.key}",
                STRIPPED_SCORE,
                matched,
                "same name without legal-form words",
            )

    def _synthesise_groups(self) -> None:
        """Give a code printed only through its sub-items (1E902 via 1E902.a) an entry of its own."""
        children: dict[str, list[ControlEntry]] = {}
        for entry in self._entries.values():
            for ancestor in _with_ancestors(entry.code)[1:]:
                if ancestor not in self._entries:
                    children.setdefault(ancestor, []).append(entry)
        for code, members in children.items():
            first = min(members, key=lambda e: (e.effective_from or date.min, e.code))
            histories = {m.status_history for m in members}
            self._entries[code] = ControlEntry(
                code=code,
                parent=parent_code(code),
                category=first.category,
                group=first.group,
                text_zh=None,
                source_announcement=first.source_announcement,
                effective_from=first.effective_from,
                status_history=first.status_history if len(histories) == 1 else (),
                source=first.source,
                citation=f"group of {', '.join(sorted(m.code for m in members))} (not printed on its own)",
            )


def _remember(cache: dict[str, _T], key: str, value: _T) -> _T:
    """Store in a cache bounded by clearing it (the keys come from input: unbounded otherwise)."""
    if len(cache) > 65536:
        cache.clear()
    cache[key] = value
    return value


def _with_ancestors(code: str) -> list[str]:
    """['3B901.c.1', '3B901.c', '3B901']."""
    out = [code]
    parent = parent_code(code)
    while parent is not None:
        out.append(parent)
        parent = parent_code(parent)
    return out
