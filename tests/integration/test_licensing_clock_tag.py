"""The time-limit badge on the case page, the queue and the dashboard (`{% clock c %}`)."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from exportctl.core.calendar import Deadline
from exportctl.licensing.clock import Clock
from exportctl.licensing.templatetags.licensing_tags import clock_tag

DEADLINE = Deadline(date(2026, 3, 2), 45, "Dual-Use Regulations Art. 17", date(2026, 5, 6))


def render(c: Clock, lang: str = "en") -> str:
    with translation.override(lang):
        return str(clock_tag(c))


def test_clock_shows_working_days_left_and_due_date() -> None:
    html = render(Clock(DEADLINE, 5, False, False, "45 working days"))
    assert html == (
        '<span class="clock" title="45 working days">5 working days left · due 2026-05-06</span>'
    )


def test_overdue_clock_counts_days_over_as_a_positive_number() -> None:
    html = render(Clock(DEADLINE, -3, False, True, ""))
    assert 'class="clock overdue"' in html
    assert "3 working days over" in html
    assert "-3" not in html


def test_paused_clock_says_so_in_chinese() -> None:
    html = render(Clock(DEADLINE, 7, True, False, ""), "zh-hans")
    assert 'class="clock paused"' in html
    assert "剩余 7 个工作日 · 已中止计算 · 期限 2026-05-06" in html


def test_clock_without_deadline_shows_the_reason_escaped_and_shortened() -> None:
    html = render(Clock(None, None, False, False, "<b>" + "x" * 200))
    assert html.startswith('<span class="clock unknown" title="&lt;b&gt;')
    assert "<b>" not in html
    assert html.endswith("…</span>")


def test_deadline_with_unknown_remaining_days_shows_the_reason() -> None:
    html = render(Clock(DEADLINE, None, False, False, "no calendar for 2027"))
    assert "None" not in html
    assert "no calendar for 2027" in html


def test_clock_with_nothing_to_say_is_a_dash() -> None:
    assert render(Clock(None, None, False, False, "")) == "—"


def test_a_fixed_reason_is_said_in_the_pages_language() -> None:
    from exportctl.licensing import clock

    app = type("App", (), {"status": "submitted", "accepted_on": None})()
    note = clock.clock(app, date(2026, 3, 2)).note  # type: ignore[arg-type]
    assert note == "not accepted yet"  # English for the API
    assert "尚未受理" in render(Clock(None, None, False, False, note), "zh-hans")
    assert "not accepted yet" in render(Clock(None, None, False, False, note), "en")
