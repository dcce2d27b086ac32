"""The determination and its trace: what was decided, by which rules, on which data.

Every TraceStep names one rule (id and legal citation), the facts it looked at, what it found
and what that does to the decision (its Effect), in English and Chinese a lawyer can read next
to the regulation. `Determination.to_json` gives the fixed output interface (stable field
names); nothing in it depends on the order of items or parties except the order of the trace.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from exportctl.core.determination.vocabulary import Outcome, Policy


@dataclass(frozen=True, slots=True)
class Effect:
    """What a finding does to the decision; decide.py combines them (most restrictive wins)."""

    outcome: Outcome | None = None  # the least this finding requires
    closes: frozenset[str] = frozenset()  # routes no longer open (REG Arts. 20, 26)
    opens_registration: bool = False  # an Art. 19 case fits
    policy: Policy | None = None
    special_approval_possible: bool | None = None  # for a prohibition: can an application lift it
    no_time_limit: bool = False  # REG Art. 26 ¶2: review not bound by Art. 17 ¶1
    documents: tuple[str, ...] = ()  # extra documents the finding requires
    special_documents: tuple[str, ...] = ()  # what a special application needs

    def is_empty(self) -> bool:
        return self is NO_EFFECT or self == NO_EFFECT


NO_EFFECT = Effect()


class Caveat(NamedTuple):
    """A warning carried by the decision: a stable code and plain text in both languages."""

    code: str
    message_en: str
    message_zh: str
    rule_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message_en,
            "message_zh": self.message_zh,
            "rule_id": self.rule_id,
        }


class TraceStep(NamedTuple):
    """One rule applied: its citation, its inputs, its result and what it does to the decision.

    A NamedTuple: immutable like a frozen dataclass, and several times cheaper to create (a
    determination makes a dozen of them; see bench/determination).
    """

    rule_id: str
    citation: str
    inputs: dict[str, Any]
    result: str  # e.g. "licence_required", "prohibited", "not_applicable", "suspended"
    explanation_en: str
    explanation_zh: str
    effect: Effect = NO_EFFECT
    confidence: str = "confirmed"
    subject: str = "case"  # "case", "items[0]", "parties[1]"
    caveats: tuple[Caveat, ...] = ()

    def to_json(self) -> dict[str, Any]:
        effect = self.effect
        return {
            "rule_id": self.rule_id,
            "citation": self.citation,
            "subject": self.subject,
            "inputs": self.inputs,
            "result": self.result,
            "outcome": effect.outcome,
            "effect": _effect_json(effect),
            "confidence": self.confidence,
            "explanation_en": self.explanation_en,
            "explanation_zh": self.explanation_zh,
        }


class Determination(NamedTuple):
    """The decision for one transaction on one date.

    A NamedTuple like TraceStep: immutable, and cheaper to create than a frozen dataclass of 15
    fields (one per determination; see bench/determination).
    """

    date: dt.date
    outcome: Outcome
    licence_types: tuple[str, ...]
    policy: Policy | None
    special_approval_possible: bool
    review_time_limit_working_days: int | None
    required_documents: tuple[str, ...]
    documents_by_route: dict[str, tuple[str, ...]]
    conditional_documents: tuple[str, ...]
    screening_hits: tuple[dict[str, Any], ...]
    trace: tuple[TraceStep, ...]
    rules_version: str
    data_as_of: dt.date
    data_versions: dict[str, str]
    warnings: tuple[Caveat, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "outcome": self.outcome,
            "licence_types": list(self.licence_types),
            "policy": self.policy,
            "special_approval_possible": self.special_approval_possible,
            "review_time_limit_working_days": self.review_time_limit_working_days,
            "required_documents": list(self.required_documents),
            "documents_by_route": {k: list(v) for k, v in self.documents_by_route.items()},
            "conditional_documents": list(self.conditional_documents),
            "screening_hits": [dict(h) for h in self.screening_hits],
            "trace": [step.to_json() for step in self.trace],
            "rules_version": self.rules_version,
            "data_as_of": self.data_as_of.isoformat(),
            "data_versions": dict(self.data_versions),
            "warnings": [w.to_json() for w in self.warnings],
        }


def _effect_json(effect: Effect) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if effect is NO_EFFECT:  # most steps
        return out
    if effect.closes:
        out["closes_routes"] = sorted(effect.closes)
    if effect.opens_registration:
        out["opens_registration"] = True
    if effect.policy:
        out["policy"] = effect.policy
    if effect.special_approval_possible is not None:
        out["special_approval_possible"] = effect.special_approval_possible
    if effect.no_time_limit:
        out["no_review_time_limit"] = True
    if effect.documents:
        out["documents"] = list(effect.documents)
    if effect.special_documents:
        out["special_application_documents"] = list(effect.special_documents)
    return out
