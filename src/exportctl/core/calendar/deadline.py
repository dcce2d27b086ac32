"""Statutory deadlines in working days, as explainable results: due date or unknown, and why.

Sources: Dual-Use Regulations Art. 17 ¶1 (decision within 45 working days of acceptance),
Art. 17 ¶3 (identification, expert consultation and on-site verification not counted),
Art. 18 ¶3 (amendment within 20 working days); Administrative Licensing Law Art. 32 ¶1(4)
(completeness check: without a request to supplement in time the application counts as accepted
from receipt) and Art. 82 (working days). The periods themselves come from rules/deadlines.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from exportctl.core.calendar.model import AdjustedWorkingDay, Holiday, Pause, next_notice_reach
from exportctl.core.calendar.working import WorkingCalendar
from exportctl.core.errors import CalendarDataMissing, InvalidInput
from exportctl.core.rules.model import Deadline as DeadlineRule
from exportctl.core.text import Code, Param, Text, gettext_noop


@dataclass(frozen=True)
class Deadline:
    """The last day of a working-day period, or `due=None` with `unknown_reason`."""

    start: date  # the event day; not counted
    working_days: int
    citation: str  # e.g. "Dual-Use Regulations Art. 17 ¶1"
    due: date | None
    unknown_reason: str | None = None
    paused: tuple[Pause, ...] = ()
    paused_working_days: tuple[date, ...] = ()  # working days inside pauses, not counted
    holidays_skipped: tuple[Holiday, ...] = ()  # holidays on Monday-Friday inside the period
    adjusted_working_days: tuple[AdjustedWorkingDay, ...] = ()  # weekend days counted
    calendar_sources: tuple[str, ...] = ()  # the State Council notices the count relied on
    rule_id: str | None = None
    confidence: str | None = None  # the rule's: confirmed, secondary or unconfirmed
    confidence_note: str | None = None
    unknown_text: Text | None = None  # unknown_reason as msgid + params, for pages

    @property
    def known(self) -> bool:
        return self.due is not None

    def explain(self) -> str:
        """One paragraph a caseworker can read next to the regulation (English)."""
        if self.due is None:  # the English reason as stored (the CLI and the API show it)
            head = f"{self.working_days} working days from {self.start} ({self.citation})"
            return f"{head}: unknown: {self.unknown_reason}"
        return "; ".join(str(part) for part in self.explain_parts())

    def explain_parts(self) -> tuple[Text, ...]:
        """The explanation's clauses as msgids + params; pages join them in the reader's language."""
        head: dict[str, Param] = {
            "n": self.working_days,
            "start": str(self.start),
            "citation": self.citation,
        }
        if self.due is None:
            reason: Text | str = self.unknown_text or self.unknown_reason or ""
            return (
                Text.of(
                    gettext_noop(
                        "%(n)s working days from %(start)s (%(citation)s): unknown: %(reason)s"
                    ),
                    reason=reason,
                    **head,
                ),
            )
        parts = [
            Text.of(
                gettext_noop("%(n)s working days from %(start)s (%(citation)s): due %(due)s"),
                due=str(self.due),
                **head,
            )
        ]
        if self.working_days:
            parts.append(
                Text.of(gettext_noop("the day of %(start)s is not counted"), start=str(self.start))
            )
        if self.holidays_skipped:
            names = dict.fromkeys(f"{h.name_en} ({h.name_zh})" for h in self.holidays_skipped)
            parts.append(
                Text.of(
                    gettext_noop("%(n)s holiday weekdays skipped: %(names)s"),
                    n=len(self.holidays_skipped),
                    names=tuple(names),
                )
            )
        if self.adjusted_working_days:
            parts.append(
                Text.of(
                    gettext_noop("adjusted working weekend days counted: %(days)s"),
                    days=tuple(str(w.date) for w in self.adjusted_working_days),
                )
            )
        if self.paused_working_days:
            parts.append(
                Text.of(
                    gettext_noop("%(n)s working days paused (%(reasons)s)"),
                    n=len(self.paused_working_days),
                    reasons=tuple(Code(r) for r in dict.fromkeys(p.reason for p in self.paused)),
                )
            )
        if self.confidence and self.confidence != "confirmed":
            parts.append(
                Text.of(
                    gettext_noop("rule confidence: %(confidence)s"),
                    confidence=Code(self.confidence),
                )
            )
        return tuple(parts)


def compute_deadline(
    calendar: WorkingCalendar,
    start: date,
    working_days: int,
    citation: str,
    paused: Iterable[Pause] = (),
    *,
    rule_id: str | None = None,
    confidence: str | None = None,
    confidence_note: str | None = None,
) -> Deadline:
    """The due date `working_days` after `start`, or unknown when the calendar runs out."""
    pauses = tuple(paused)
    try:
        due = calendar.add_working_days(start, working_days, pauses)
    except CalendarDataMissing as exc:
        return Deadline(
            start,
            working_days,
            citation,
            None,
            exc.message,
            pauses,
            rule_id=rule_id,
            confidence=confidence,
            confidence_note=confidence_note,
            unknown_text=exc.text,
        )
    first = start if working_days == 0 else start + timedelta(days=1)
    window = [first + timedelta(days=i) for i in range((due - first).days + 1)]
    holidays = tuple(
        h for d in window if d.weekday() < 5 and (h := calendar.holiday(d)) is not None
    )
    adjusted = tuple(w for d in window if (w := calendar.adjusted_working_day(d)) is not None)
    paused_days = tuple(
        d for d in window if any(d in p for p in pauses) and calendar.is_working_day(d)
    )
    years: dict[int, None] = {}  # the notices that settled each day, in order
    for d in window:
        years[d.year] = None
        if d >= next_notice_reach(d.year):
            years[d.year + 1] = None
    sources = tuple(calendar.arrangement(y).source.authority_zh for y in years)
    return Deadline(
        start,
        working_days,
        citation,
        due,
        None,
        pauses,
        paused_days,
        holidays,
        adjusted,
        sources,
        rule_id=rule_id,
        confidence=confidence,
        confidence_note=confidence_note,
    )


def deadline_for_rule(
    calendar: WorkingCalendar, rule: DeadlineRule, start: date, paused: Iterable[Pause] = ()
) -> Deadline:
    """A deadline rule from rules/deadlines.yaml applied from `start`, with its citation."""
    if rule.unit != "working_days":
        raise InvalidInput(f"rule {rule.id} counts {rule.unit}, not working days")
    pauses = tuple(paused)
    for pause in pauses:
        if pause.reason not in rule.clock_excludes:
            allowed = ", ".join(rule.clock_excludes) or "none"
            raise InvalidInput(
                f"rule {rule.id} does not stop the clock for {pause.reason!r} "
                f"(time not counted: {allowed})"
            )
    status = rule.status_on(start)
    if status != "in_force":
        not_in_force = Text.of(
            gettext_noop("rule %(rule)s is %(status)s on %(start)s"),
            rule=rule.id,
            status=Code(status),
            start=str(start),
        )
        return Deadline(
            start,
            rule.quantity,
            rule.citation,
            None,
            f"rule {rule.id} is {status.replace('_', ' ')} on {start}",
            pauses,
            rule_id=rule.id,
            confidence=rule.confidence,
            confidence_note=rule.confidence_note,
            unknown_text=not_in_force,
        )
    return compute_deadline(
        calendar,
        start,
        rule.quantity,
        rule.citation,
        pauses,
        rule_id=rule.id,
        confidence=rule.confidence,
        confidence_note=rule.confidence_note,
    )


@dataclass(frozen=True)
class Acceptance:
    """When an application counts as accepted after the completeness check, and why."""

    accepted_on: date | None  # None: not (yet) accepted by operation of law
    reason: str
    check: Deadline  # the completeness-check period


def deemed_acceptance(
    calendar: WorkingCalendar,
    check_rule: DeadlineRule,
    received: date,
    *,
    today: date,
    supplement_requested_on: date | None = None,
) -> Acceptance:
    """Administrative Licensing Law Art. 32 ¶1(4): no request to supplement in time -> accepted on receipt."""
    check = deadline_for_rule(calendar, check_rule, received)
    if check.due is None:
        return Acceptance(None, f"completeness check period unknown: {check.unknown_reason}", check)
    if supplement_requested_on is not None and supplement_requested_on <= check.due:
        return Acceptance(
            None,
            f"a supplement was requested on {supplement_requested_on}, within the check period "
            f"ending {check.due}; acceptance follows the completed file",
            check,
        )
    if supplement_requested_on is None and today <= check.due:
        return Acceptance(
            None,
            f"the completeness check runs until {check.due}; no supplement requested yet",
            check,
        )
    return Acceptance(
        received,
        f"no supplement requested by {check.due}: the application counts as accepted from "
        f"receipt on {received} ({check_rule.citation})",
        check,
    )
