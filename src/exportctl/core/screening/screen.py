"""Screening a party against the index of all lists: `screen(index, Query(...)) -> list[Hit]`.

Legal source: Export Control Law Art. 18 and Dual-Use Regulations Art. 26-30 (no export to
parties on the control list without a licence; watch-list parties need extra checks); foreign lists
(UN, OFAC, UK, EU) are screened for the exporter's risk assessment. Each hit carries the
designations of the listed record (list, announcement, measures) and an explanation in English and
Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.core.screening import qualifiers
from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.explain import Adjustment, Explanation, explain
from exportctl.core.screening.index import ScreeningIndex
from exportctl.core.screening.score import (
    DEFAULT_THRESHOLD,
    PERSON,
    CompareCache,
    Comparison,
    compare,
    pair_mode,
)
from exportctl.reference.lists import LISTS
from exportctl.reference.records import Designation, Identifier

CANDIDATES = 80  # names scored in full per query
BOUND_SLACK = 0.05  # candidate bounds ignore fuzzy matches the keys do not catch: keep a margin


@dataclass(frozen=True)
class Query:
    """A party to screen. `country` is ISO 3166-1 alpha-2; `birth_date` ISO (partial allowed)."""

    name: str
    schema: str | None = None
    country: str | None = None
    birth_date: str | None = None
    identifiers: tuple[str | Identifier, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A listed record whose name scored at or above the threshold."""

    entity_key: str
    source: str
    schema: str
    caption: str
    matched_name: str
    score: float
    name_score: float
    explanation: Explanation
    designations: tuple[Designation, ...]

    @property
    def text_en(self) -> str:
        lines = [f"{self.caption} ({self.source} {self.entity_key}), matched on "
                 f"'{self.matched_name}'.", self.explanation.text_en()]  # fmt: skip
        for d in self.designations:
            info = LISTS.get(d.list_code)
            title = info.name_en if info else d.list_code
            parts = [f"Listed on: {title}"]
            if d.announcement:
                parts.append(f"by {d.announcement}")
            if d.status != "listed":
                parts.append(f"(status: {d.status})")
            line = " ".join(parts)
            if d.measures:
                line += "; measures: " + "; ".join(d.measures)
            lines.append(line + ".")
        return "\n".join(lines)

    @property
    def text_zh(self) -> str:
        lines = [f"{self.caption}（{self.source} {self.entity_key}），匹配名称“{self.matched_name}”。",
                 self.explanation.text_zh()]  # fmt: skip
        for d in self.designations:
            info = LISTS.get(d.list_code)
            title = info.name_zh if info else d.list_code
            line = f"列入：{title}"
            if d.announcement:
                line += f"（{d.announcement}）"
            if d.status != "listed":
                line += f"，状态：{d.status}"
            if d.measures:
                line += "；措施：" + "；".join(d.measures)
            lines.append(line + "。")
        return "\n".join(lines)


def screen(index: ScreeningIndex, query: Query, threshold: float = DEFAULT_THRESHOLD,
           limit: int = 10) -> list[Hit]:  # fmt: skip
    """The records whose best name scores >= threshold against the query, best first."""
    form = analyse_name(query.name, query.schema)
    if not form.tokens:
        return []
    cache = CompareCache(index.compare_cache)  # per query; list-side caches shared
    cache.start_query(form)
    floor = threshold - qualifiers.max_boost(query.country, query.birth_date, query.identifiers)
    best: dict[int, tuple[float, int, Comparison, tuple[Adjustment, ...]]] = {}
    # a comparison depends on the list name's parts (one tuple per spelling, shared by all names
    # spelt alike), its Chinese frame and the mode: aliases spelt alike are compared once
    compared: dict[tuple[int, bool, str], Comparison] = {}
    person = query.schema == "Person"  # then pair_mode is PERSON whatever the list name
    for name_id in index.candidates(form, CANDIDATES, floor - BOUND_SLACK):
        record_id = index.record_of(name_id)
        listed = index.form(name_id)
        mode = PERSON if person else pair_mode(form, listed, query.schema, index.schema(record_id))
        key = (id(listed.tokens), listed.chinese_frame, mode)
        comparison = compared.get(key)
        if comparison is None:
            comparison = compared[key] = compare(form, listed, mode, cache, floor)
        if comparison.score < floor:
            continue  # even the best qualifiers cannot lift it to the threshold
        changes = qualifiers.adjustments(index.facts(record_id), query.schema, query.country,
                                         query.birth_date, query.identifiers)  # fmt: skip
        score = qualifiers.apply(comparison.score, changes)
        current = best.get(record_id)
        if current is None or score > current[0]:
            best[record_id] = (score, name_id, comparison, changes)
    hits = []
    for record_id, (score, name_id, comparison, changes) in best.items():
        if score < threshold:
            continue
        record = index.record(record_id)
        indexed = index.name(name_id)
        explanation = explain(form, indexed.form, comparison, threshold, changes, score)
        hits.append(Hit(record.key, record.source, record.schema, record.caption, indexed.value,
                        round(score, 4), comparison.score, explanation,
                        record.designations))  # fmt: skip
    hits.sort(key=lambda h: (-h.score, h.source, h.entity_key))
    return hits[:limit]
