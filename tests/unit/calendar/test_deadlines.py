"""Statutory deadlines from rules/deadlines.yaml on the bundled calendar: due date or unknown, cited.

Periods: Dual-Use Regulations Art. 17 ¶1 (45), Art. 18 ¶3 (20); Administrative Licensing Law
Art. 32 (5, article numbers unconfirmed in deadlines.yaml). Dates counted by hand from the notices.
"""

from __future__ import annotations

import pytest

from exportctl.core.calendar import (
    Pause,
    compute_deadline,
    deadline_for_rule,
    deemed_acceptance,
)
from exportctl.core.errors import InvalidInput
from exportctl.core.rules import Deadline as DeadlineRule
from exportctl.core.rules import load_rules
from tests.unit.calendar.calendars import RULES, bundled, d

RULE = {r.id: r for r in load_rules(RULES / "deadlines.yaml") if isinstance(r, DeadlineRule)}
DECISION = RULE["d-licence-decision-45-working-days"]
AMENDMENT = RULE["d-licence-amendment-20-working-days"]
CHECK = RULE["d-completeness-check-5-working-days"]


def test_decision_deadline_carries_citation_and_what_was_skipped() -> None:
    result = deadline_for_rule(bundled(), DECISION, d("2025-09-15"))
    assert result.due == d("2025-11-21")
    assert result.citation == "Dual-Use Regulations Art. 17 ¶1"
    assert result.rule_id == DECISION.id and result.confidence == "confirmed"
    assert [h.date for h in result.holidays_skipped] == [
        d("2025-10-01"), d("2025-10-02"), d("2025-10-03"), d("2025-10-06"), d("2025-10-07"), d("2025-10-08"),
    ]  # fmt: skip
    assert [w.date for w in result.adjusted_working_days] == [d("2025-09-28"), d("2025-10-11")]
    assert result.calendar_sources == ("国务院办公厅关于2025年部分节假日安排的通知",)
    assert "due 2025-11-21" in result.explain()


def test_expert_consultation_pause_is_not_counted_and_is_reported() -> None:
    pause = Pause(d("2025-10-13"), d("2025-10-17"), "expert_consultation")
    result = deadline_for_rule(bundled(), DECISION, d("2025-09-15"), [pause])
    assert result.due == d("2025-11-28")
    assert result.paused == (pause,)
    assert len(result.paused_working_days) == 5
    assert "5 working days paused (expert_consultation)" in result.explain()


def test_amendment_deadline_is_twenty_working_days() -> None:
    result = deadline_for_rule(bundled(), AMENDMENT, d("2025-09-26"))
    assert (result.due, result.citation) == (d("2025-10-30"), "Dual-Use Regulations Art. 18 ¶3")


def test_amendment_rule_stops_the_clock_for_nothing() -> None:
    pause = Pause(d("2025-10-13"), d("2025-10-17"), "identification")
    with pytest.raises(InvalidInput, match="does not stop the clock"):
        deadline_for_rule(bundled(), AMENDMENT, d("2025-09-26"), [pause])


def test_completeness_check_keeps_the_unconfirmed_flag() -> None:
    result = deadline_for_rule(bundled(), CHECK, d("2026-02-12"))
    assert result.due == d("2026-02-26")
    assert result.confidence == "unconfirmed" and result.confidence_note
    assert "rule confidence: unconfirmed" in result.explain()


def test_deadline_into_a_year_without_data_is_unknown_with_the_reason() -> None:
    result = deadline_for_rule(bundled(), DECISION, d("2026-11-20"))
    assert not result.known and result.due is None
    assert "2027" in (result.unknown_reason or "")
    assert result.citation == "Dual-Use Regulations Art. 17 ¶1"
    assert result.explain().startswith("45 working days from 2026-11-20")
    assert "unknown" in result.explain()


def test_rule_not_in_force_on_the_start_day_gives_unknown() -> None:
    result = deadline_for_rule(bundled(), DECISION, d("2024-11-15"))  # REG in force 2024-12-01
    assert result.due is None and "not yet in force" in (result.unknown_reason or "")


def test_rules_in_calendar_days_are_refused() -> None:
    validity = RULE["d-single-licence-validity-1-year"]
    with pytest.raises(InvalidInput, match="years"):
        deadline_for_rule(bundled(), validity, d("2025-01-06"))


def test_plain_count_without_a_rule() -> None:
    result = compute_deadline(bundled(), d("2024-02-09"), 1, "test")
    assert result.due == d("2024-02-18")  # Sunday worked after Spring Festival 2024
    assert [w.date for w in result.adjusted_working_days] == [d("2024-02-18")]


def test_across_new_year_cites_both_notices() -> None:
    result = compute_deadline(bundled(), d("2018-12-20"), 10, "test")
    assert result.due == d("2019-01-04")  # 12-29 Saturday worked; 12-30..01-01 off
    assert result.calendar_sources == (
        "国务院办公厅关于2018年部分节假日安排的通知",
        "国务院办公厅关于2019年部分节假日安排的通知",
    )


# Administrative Licensing Law Art. 32 ¶1(4): received 2026-02-12, check period ends 2026-02-26.
@pytest.mark.parametrize(
    ("today", "requested", "accepted"),
    [
        ("2026-02-20", None, None),  # still inside the check period
        ("2026-02-26", None, None),  # last day of the check period
        ("2026-02-27", None, "2026-02-12"),  # silent past the period: accepted from receipt
        ("2026-03-10", "2026-02-25", None),  # supplement requested in time
        ("2026-03-10", "2026-03-02", "2026-02-12"),  # requested too late: already accepted
    ],
)
def test_deemed_acceptance_from_receipt(
    today: str, requested: str | None, accepted: str | None
) -> None:
    result = deemed_acceptance(
        bundled(),
        CHECK,
        d("2026-02-12"),
        today=d(today),
        supplement_requested_on=d(requested) if requested else None,
    )
    assert result.check.due == d("2026-02-26")
    assert result.accepted_on == (d(accepted) if accepted else None), result.reason


def test_decision_runs_from_deemed_acceptance() -> None:
    acceptance = deemed_acceptance(bundled(), CHECK, d("2025-09-15"), today=d("2025-12-01"))
    assert acceptance.accepted_on == d("2025-09-15")
    decision = deadline_for_rule(bundled(), DECISION, acceptance.accepted_on)
    assert decision.due == d("2025-11-21")
