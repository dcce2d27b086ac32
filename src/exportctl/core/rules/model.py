"""Rule records loaded from `exportctl/rules/*.yaml`: measures by announcement and deadlines.

Sources: Export Control Law Arts. 9-12 (lists, temporary controls, prohibitions, licensing);
Dual-Use Regulations Arts. 11-18, 27 and 49 (lists, temporary controls, prohibitions, licence
types and time limits, records, extraterritorial rules). Every rule carries its legal citation,
the dates it is valid, its status history (suspensions) and how sure we are of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Confidence = Literal["confirmed", "secondary", "unconfirmed"]
# regime.md's tags: [C] read in the primary text, [S] secondary source, [U] unconfirmed.
CONFIDENCE_BY_TAG: dict[str, Confidence] = {"C": "confirmed", "S": "secondary", "U": "unconfirmed"}

MEASURE_KINDS = frozenset(
    {
        "item_control",  # listed items need a licence (ECL Art. 12; REG Art. 14)
        "temporary_control",  # ECL Art. 9 ¶2; REG Art. 12
        "catch_all",  # unlisted items in stated circumstances (ECL Art. 12 ¶3; REG Art. 14 ¶3)
        "end_user_prohibition",  # ECL Art. 10; REG Art. 13 (by destination, user or use)
        "end_use_prohibition",
        "destination_restriction",  # items x destination, e.g. "in principle not licensed"
        "end_user_review",  # tightened end-user/end-use review
        "extraterritorial",  # REG Art. 49; ECL Arts. 44-45
        "exemption",
        "declaration_requirement",  # customs declaration remarks
        "destination_licence_requirement",  # other regimes (precursor chemicals)
        "suspension",
    }
)
DEADLINE_KINDS = frozenset(
    {
        "decision_time_limit",
        "amendment_time_limit",
        "completeness_check",
        "validity_limit",
        "retention_period",
        "reporting_deadline",
        "response_deadline",
        "temporary_control_term",
    }
)
EFFECTS = frozenset(
    {
        "prohibited",
        "presumption_of_denial",  # 原则上不予许可
        "licence_required",
        "case_by_case",  # 逐案审批
        "enhanced_review",
        "exempt_with_report",
        "declaration_required",
        "suspends",
    }
)
STATUSES = frozenset({"in_force", "suspended", "expired", "not_yet_in_force"})
UNITS = frozenset({"working_days", "calendar_days", "months", "years"})
BOUNDS = frozenset({"max", "min"})


@dataclass(frozen=True)
class StatusWindow:
    """A suspension of a rule: from `start` to `end` inclusive, ordered by another announcement."""

    status: Literal["suspended"]
    start: date
    end: date | None
    announcement: str
    by: str | None = None  # id of the suspension rule, when it is in the rule files


@dataclass(frozen=True)
class Scope:
    """What a measure covers. Empty tuples mean "not limited by this dimension"."""

    all_listed_items: bool = False
    control_codes: tuple[str, ...] = ()
    code_prefixes: tuple[str, ...] = ()
    control_codes_unconfirmed: tuple[str, ...] = ()  # inferred, not printed in a source we hold
    items_zh: tuple[str, ...] = ()  # items described in words (unlisted items, materials)
    destinations: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    end_user_military: bool | None = None  # True: only military end users (or uses) are meant
    end_users: tuple[str, ...] = ()  # e.g. "control_list", "watch_list"
    end_uses: tuple[str, ...] = ()  # e.g. "military", "wmd", "terrorism"
    origin: str | None = None  # "CN" for rules on foreign transfers of PRC-origin items


@dataclass(frozen=True)
class RuleBase:
    """Fields every rule has."""

    id: str
    kind: str
    citation: str
    valid_from: date
    valid_to: date | None
    status: str  # status on the file's `as_of` date (checked against the dates on load)
    confidence: Confidence
    source: str  # the notice number present in /work/shared/data, or "regime.md"
    description_zh: str
    description_en: str
    announcement: str | None = None
    status_history: tuple[StatusWindow, ...] = ()
    confidence_note: str | None = None
    file: str = ""

    def status_on(self, day: date) -> str:
        """'not_yet_in_force', 'expired', 'suspended' (window ends inclusive) or 'in_force'."""
        if day < self.valid_from:
            return "not_yet_in_force"
        if self.valid_to is not None and day > self.valid_to:
            return "expired"
        for window in self.status_history:
            if window.start <= day and (window.end is None or day <= window.end):
                return "suspended"
        return "in_force"


@dataclass(frozen=True)
class Measure(RuleBase):
    """An export control measure ordered by an announcement (not a party listing)."""

    effect: str = "licence_required"
    scope: Scope = field(default_factory=Scope)
    suspends: tuple[str, ...] = ()  # for kind "suspension": the ids it suspends


@dataclass(frozen=True)
class Deadline(RuleBase):
    """A statutory time limit, validity limit or retention period."""

    quantity: int = 0
    unit: str = "working_days"
    bound: str = "max"  # "max": at most (time limits, validity); "min": at least (retention)
    starts: str = ""  # the event the period runs from
    applies_to: tuple[str, ...] = ()
    clock_excludes: tuple[str, ...] = ()  # time not counted (REG Art. 17 ¶3)
    exceptions: tuple[str, ...] = ()
    max_extensions: int | None = None


Rule = Measure | Deadline
