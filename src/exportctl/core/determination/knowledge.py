"""What the engine asks about the world: control entries, measures, deadlines, listed parties.

`Knowledge` is a Protocol so the engine stays pure and testable: the in-memory implementation
(memory.py) serves tests, the benchmark and the CLI; a database-backed one can serve the web app.
Dates are always inputs. Status windows follow the announcements: a suspension runs from its
start to its end inclusive ("自即日起至…"); a designation is in force from its effective date
until a removal; an end date that has passed with no later window means "back in force" and is
reported (`resumed_after`) so the decision can say "verify".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, Protocol

from exportctl.core.determination.case import Party
from exportctl.core.determination.rulebook import Rulebook
from exportctl.core.rules.model import Deadline, Measure, StatusWindow
from exportctl.reference.catalogue_records import ControlEntry
from exportctl.reference.records import Designation, StatusChange


@dataclass(frozen=True, slots=True)
class MeasureOnDate:
    """A measure of measures.yaml with its status on the date asked about."""

    measure: Measure
    status: str  # in_force | suspended | expired | not_yet_in_force
    resumed_after: date | None = None  # in force again after a suspension that ended then


class PartyFinding(NamedTuple):
    """A party of the case matched to one designation on one list, with its status on the date.

    A NamedTuple like TraceStep: made for every designation of every matched party, every time.
    """

    party_index: int
    role: str
    query_name: str
    list_code: str
    entity_key: str
    source: str
    matched_name: str
    score: float
    announcement: str | None
    published: date | None
    effective: date | None
    measure_codes: tuple[str, ...]
    status: str  # listed | suspended | removed | not_yet_listed
    legal_basis: str | None
    status_note: str | None = None  # the announcement that suspended or removed it
    resumed_after: date | None = None
    explanation: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "party_index": self.party_index,
            "role": self.role,
            "query_name": self.query_name,
            "list_code": self.list_code,
            "entity_key": self.entity_key,
            "source": self.source,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "announcement": self.announcement,
            "published": _iso(self.published),
            "effective": _iso(self.effective),
            "measure_codes": list(self.measure_codes),
            "status": self.status,
            "legal_basis": self.legal_basis,
            "status_note": self.status_note,
            "resumed_after": _iso(self.resumed_after),
            "explanation": self.explanation,
        }


class Knowledge(Protocol):
    """The engine's only view of data. Implementations must be pure given their inputs."""

    @property
    def rulebook(self) -> Rulebook: ...

    @property
    def rules_version(self) -> str: ...

    @property
    def data_as_of(self) -> date: ...

    @property
    def data_versions(self) -> Mapping[str, str]: ...

    def entry(self, code: str) -> ControlEntry | None:
        """The entry governing the code: itself, else its nearest listed ancestor."""
        ...

    def is_known_code(self, code: str) -> bool:
        """On the list, a sub-item path of a listed entry, or named by a measure."""
        ...

    def measures_on(self, day: date) -> Sequence[MeasureOnDate]: ...

    def deadline(self, rule_id: str) -> Deadline | None: ...

    def screen(self, party: Party, day: date) -> Sequence[PartyFinding]: ...


def measure_on(measure: Measure, day: date) -> MeasureOnDate:
    """The measure's status on the day, and the end of a suspension it has come back from."""
    status = measure.status_on(day)
    resumed = None
    if status == "in_force":
        resumed = _last_end_before(measure.status_history, day)
    return MeasureOnDate(measure, status, resumed)


def designation_status(designation: Designation, day: date) -> tuple[str, str | None, date | None]:
    """(status, note, resumed_after) of a designation on the day.

    Before its effective date it is not yet listed; a removal is open-ended and beats a
    suspension that starts the same day; suspension ends are inclusive.
    """
    start = designation.effective or designation.published
    if start is not None and day < start:
        return "not_yet_listed", None, None
    current: StatusChange | None = None
    for change in designation.status_history:
        if change.start <= day and (change.end is None or day <= change.end):
            better = current is None or (change.start, change.status == "removed") > (
                current.start,
                current.status == "removed",
            )
            if better:
                current = change
    if current is not None:
        return current.status, current.announcement, None
    if designation.status == "removed" and not designation.status_history:
        return "removed", "removed (date not in our data)", None
    ends = [c.end for c in designation.status_history if c.end is not None and c.end < day]
    return "listed", None, max(ends) if ends else None


def _last_end_before(windows: tuple[StatusWindow, ...], day: date) -> date | None:
    ends = [w.end for w in windows if w.end is not None and w.end < day]
    return max(ends) if ends else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
