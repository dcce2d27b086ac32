"""The statutory clock of a case on the PRC working-day calendar (Regulations Arts. 17-18)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_noop

from exportctl.calendar_store import calendar_dirs, imported_dir
from exportctl.core.calendar import (
    Deadline,
    Pause,
    WorkingCalendar,
    deadline_for_rule,
    load_calendar,
)
from exportctl.core.errors import CalendarDataMissing
from exportctl.core.rules import load_rules
from exportctl.core.text import Text
from exportctl.licensing.models import Application

DEADLINES = Path(__file__).resolve().parent.parent / "rules" / "deadlines.yaml"
DECISION_RULE = "d-licence-decision-45-working-days"
AMENDMENT_RULE = "d-licence-amendment-20-working-days"
CHECK_RULE = "d-completeness-check-5-working-days"


def calendar() -> WorkingCalendar:
    """Bundled years plus administrator-imported years (imported win); reloaded when files change."""
    return _calendar(_stamp())


def _stamp() -> tuple[tuple[str, int], ...]:
    """Names and modification times of the imported years: a new stamp means a new calendar."""
    imported = imported_dir()
    if not imported.exists():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in imported.glob("*.yaml")))


@lru_cache(maxsize=4)
def _calendar(stamp: tuple[tuple[str, int], ...]) -> WorkingCalendar:
    return load_calendar(*calendar_dirs())


@lru_cache(maxsize=1)
def deadline_rules() -> dict[str, object]:
    return {r.id: r for r in load_rules(DEADLINES)}


def rule(rule_id: str):  # type: ignore[no-untyped-def]
    return deadline_rules()[rule_id]


@dataclass(frozen=True)
class Clock:
    """Where a case stands against its time limit today."""

    deadline: (
        Deadline | None
    )  # None: no statutory limit (watch list, State Council referral) or not started
    remaining: int | None  # working days left (negative when overdue); None if unknown
    paused: bool
    overdue: bool
    note: str  # English (the API shows it); a fixed note is a msgid the clock tag translates
    note_text: tuple[Text, ...] = ()  # a computed note as msgids + params, for pages


def pauses(app: Application, today: date) -> list[Pause]:
    return [Pause(p.started_on, p.ended_on or today, p.reason) for p in app.pauses.all()]


def clock(app: Application, today: date) -> Clock:
    """The decision (or amendment) deadline with paused days excluded, and what is left of it."""
    if app.status in (
        Application.Status.DRAFT,
        Application.Status.WITHDRAWN,
        Application.Status.NOT_ACCEPTED,
    ):
        return Clock(None, None, False, False, "")
    if app.accepted_on is None:
        return Clock(None, None, False, False, gettext_noop("not accepted yet"))
    if app.referred_to_state_council:
        return Clock(
            None,
            None,
            False,
            False,
            gettext_noop(
                "referred to the State Council: no time limit (Dual-Use Regulations Art. 17 ¶2)"
            ),
        )
    if app.time_limit_days is None:
        return Clock(
            None,
            None,
            False,
            False,
            gettext_noop(
                "no statutory time limit (watch-list party: Dual-Use Regulations Art. 26)"
            ),
        )
    rule_id = AMENDMENT_RULE if app.kind == Application.Kind.AMENDMENT else DECISION_RULE
    # Art. 17 ¶3 stops the 45-day clock; the Art. 18 ¶3 amendment period names no pauses.
    paused = pauses(app, today) if rule_id == DECISION_RULE else []
    deadline = deadline_for_rule(calendar(), rule(rule_id), app.accepted_on, paused)
    is_paused = any(p.ended_on is None for p in app.pauses.all())
    if deadline.due is None:
        reason = (deadline.unknown_text,) if deadline.unknown_text else ()
        return Clock(deadline, None, is_paused, False, deadline.unknown_reason or "", reason)
    end = app.decided_on or today
    try:
        cal = calendar()
        if end <= deadline.due:
            remaining = cal.working_days_between(end, deadline.due, paused)
        else:
            remaining = -cal.working_days_between(deadline.due, end, paused)
    except CalendarDataMissing as exc:
        return Clock(deadline, None, is_paused, False, exc.message, _texts(exc))
    return Clock(
        deadline,
        remaining,
        is_paused,
        remaining < 0,
        deadline.explain(),
        deadline.explain_parts(),
    )


def _texts(exc: CalendarDataMissing) -> tuple[Text, ...]:
    return (exc.text,) if exc.text else ()


def configured_today() -> date:
    """Today in Asia/Shanghai; EXPORTCTL_TODAY (ISO date) fixes it for demonstrations and tests."""
    from django.utils import timezone

    fixed = os.environ.get("EXPORTCTL_TODAY")
    return date.fromisoformat(fixed) if fixed else timezone.localdate()


def _remaining(cal: WorkingCalendar, today: date, due: date) -> int:
    if today <= due:
        return cal.working_days_between(today, due)
    return -cal.working_days_between(due, today)


@lru_cache(maxsize=4096)
def _remaining_on(stamp: tuple[tuple[str, int], ...], today: date, due: date) -> int:
    """Working days from today to a due date on one calendar version (queue pages repeat them)."""
    return _remaining(_calendar(stamp), today, due)


def queue_clock(app: Application, today: date, memo: dict[date, int] | None = None) -> Clock:
    """The queue's cheap clock: from the due date stored at the last step (refresh_due)."""
    if app.due_on is None:
        return Clock(None, None, app.clock_paused, False, "")
    memo = {} if memo is None else memo
    try:
        if app.due_on not in memo:
            memo[app.due_on] = _remaining_on(_stamp(), today, app.due_on)
        remaining = memo[app.due_on]
    except CalendarDataMissing as exc:
        return Clock(None, None, app.clock_paused, False, exc.message, _texts(exc))
    stub = Deadline(
        app.accepted_on or today,
        app.time_limit_days or 0,
        "Dual-Use Regulations Art. 17",
        app.due_on,
    )
    return Clock(stub, remaining, app.clock_paused, remaining < 0, "")
