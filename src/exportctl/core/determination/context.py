"""The evaluation context shared by the rule modules: the case, the data, the trace so far.

Built once per determination. Rule modules read the facts (which items are controlled on the
date, which countries the items go to, who is military) and append TraceSteps through `step`,
which copies the rule's citation and confidence from the rule data and turns every unconfirmed
rule that matters into a warning (regime.md's [U] facts are surfaced, never applied silently).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exportctl.core.determination.case import Case
from exportctl.core.determination.knowledge import Knowledge, MeasureOnDate
from exportctl.core.determination.result import NO_EFFECT, Caveat, Effect, TraceStep
from exportctl.core.determination.rulebook import Rulebook, RuleEntry
from exportctl.core.determination.vocabulary import END_USER_ROLES
from exportctl.core.rules.model import Measure

# Item bases that make an item "controlled" on the date (a licence or a ban can bite on it).
CONTROLLED_BASES = frozenset({"listed", "temporary", "catch_all", "predecessor"})


@dataclass
class Context:
    case: Case
    knowledge: Knowledge
    rulebook: Rulebook
    measures: Sequence[MeasureOnDate]
    steps: list[TraceStep] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    item_basis: dict[int, str] = field(default_factory=dict)  # item index -> listed, catch_all ...
    licensing_applies: bool = True  # False for moves into or between special customs zones
    destinations: frozenset[str] = frozenset()  # where the items go: destination + end users
    day: date = date.min  # set from the case in __post_init__ (a plain attribute: read often)
    day_text: str = ""  # the date as YYYY-MM-DD, formatted once for the explanations

    def __post_init__(self) -> None:
        self.day = self.case.date
        self.day_text = self.day.isoformat()

    def controlled(self, index: int) -> bool:
        return self.item_basis.get(index) in CONTROLLED_BASES

    def any_controlled(self) -> bool:
        return any(basis in CONTROLLED_BASES for basis in self.item_basis.values())

    def goes_to(self, country: str) -> bool:
        return country in self.destinations

    def military_user_in(self, country: str) -> bool:
        """A party flagged military whose country is `country` (or unknown, going there)."""
        fallback = self.case.destination
        return any(p.military and (p.country or fallback) == country for p in self.case.parties)

    def rule(self, rule_id: str) -> RuleEntry:
        return self.rulebook.get(rule_id)

    def step(
        self,
        rule_id: str,
        subject: str,
        inputs: dict[str, Any],
        result: str,
        en: str,
        zh: str,
        effect: Effect = NO_EFFECT,
        *,
        relevant: bool = True,
    ) -> TraceStep:
        """Append a step for a rule of determination.yaml."""
        entry = self.rulebook.get(rule_id)
        step = TraceStep(
            rule_id, entry.citation, inputs, result, en, zh, effect, entry.confidence, subject
        )
        if relevant and entry.confidence == "unconfirmed":
            return self._append(step, entry.confidence_note, relevant)
        self.steps.append(step)  # the common case, without the call: a dozen per determination
        return step

    def measure_step(
        self,
        measure: Measure,
        subject: str,
        inputs: dict[str, Any],
        result: str,
        en: str,
        zh: str,
        effect: Effect = NO_EFFECT,
        *,
        relevant: bool = True,
    ) -> TraceStep:
        """Append a step for a measure of measures.yaml (citation: law + announcement)."""
        citation = measure.citation
        if measure.announcement and measure.announcement not in citation:
            citation = f"{citation}; {measure.announcement}"
        return self._append(
            TraceStep(
                measure.id, citation, inputs, result, en, zh, effect, measure.confidence, subject
            ),
            measure.confidence_note,
            relevant,
        )

    def warn(self, code: str, en: str, zh: str, rule_id: str | None = None) -> None:
        self.caveats.append(Caveat(code, en, zh, rule_id))

    def _append(self, step: TraceStep, note: str | None, relevant: bool) -> TraceStep:
        self.steps.append(step)
        if relevant and step.confidence == "unconfirmed":
            self.warn(
                "unconfirmed_rule",
                f"{step.rule_id} ({step.citation}) rests on an unconfirmed fact: {note or 'verify'}",
                f"规则 {step.rule_id}（{step.citation}）所依据的事实未经核实，须核实。",
                step.rule_id,
            )
        return step


def destinations_of(case: Case) -> frozenset[str]:
    """The destination and the countries of the end users: where the items end up."""
    out = {case.destination} if case.destination else set()
    out.update(p.country for p in case.parties if p.role in END_USER_ROLES and p.country)
    return frozenset(out)
