"""Errors keep an English message (CLI, API, logs) and the msgid + params pages translate."""

from __future__ import annotations

import re
from pathlib import Path

from exportctl.core import workflow
from exportctl.core.errors import IllegalTransition, InvalidInput
from exportctl.core.text import Code, Phrase, english, gettext_noop

PO = (
    Path(workflow.__file__).resolve().parents[1]
    / "locale"
    / "zh_Hans"
    / "LC_MESSAGES"
    / "django.po"
)


def test_of_formats_the_english_message_and_keeps_the_msgid():
    err = InvalidInput.of(
        gettext_noop("the application is incomplete: %(missing)s"),
        missing=(Phrase("the end user"), Phrase("the contract number")),
    )
    assert err.message == "the application is incomplete: the end user, the contract number"
    assert err.template == "the application is incomplete: %(missing)s"
    assert err.code == "invalid_input"
    assert isinstance(err.params["missing"][0], Phrase)


def test_codes_read_as_themselves_in_english():
    assert english("it is %(state)s", {"state": Code("under_review")}) == "it is under_review"


def test_a_workflow_refusal_carries_codes_for_the_page_to_label():
    table = workflow.tables()["application"]
    try:
        workflow.check(table, "approve", "submitted", "approver")
    except IllegalTransition as err:
        assert err.template is not None and "%(state)s" in err.template
        assert err.params["state"] == "submitted" and isinstance(err.params["state"], Code)
        assert err.params["allowed"] == (Code("proposed"),)
    else:
        raise AssertionError("approving a submitted application must be refused")


def test_every_core_msgid_is_in_the_catalogue():
    """makemessages extracts core's gettext_noop msgids: none is missing from the .po."""
    po = PO.read_text(encoding="utf-8")
    source = Path(workflow.__file__).read_text(encoding="utf-8")
    msgids = re.findall(r'gettext_noop\(\s*"((?:[^"\\]|\\.)*)"\s*\)', source)
    assert msgids
    flat = re.sub(r'"\n"', "", po)
    for msgid in msgids:
        assert f'msgid "{msgid}"' in flat, msgid


def test_calendar_gaps_keep_their_english_and_carry_msgids():
    from datetime import date

    import pytest

    from exportctl.core.calendar import WorkingCalendar
    from exportctl.core.errors import CalendarDataMissing
    from tests.unit.calendar.calendars import bundled

    cal = bundled()
    with pytest.raises(CalendarDataMissing) as info:
        cal.is_working_day(date(2027, 3, 1))
    assert info.value.message == (
        "2027-03-01 is in 2027, for which no PRC holiday arrangement (State Council notice) "
        "is loaded; loaded: 2004-2026"
    )
    assert info.value.params == {"day": "2027-03-01", "year": 2027, "first": 2004, "last": 2026}
    with pytest.raises(CalendarDataMissing) as info:
        cal.is_working_day(date(2026, 12, 30))
    assert info.value.message == (
        "2026-12-30 is in the last week of 2026, which the State Council notice for 2027 may "
        "change (New Year's Day arrangement); no 2027 arrangement is loaded"
    )
    gappy = WorkingCalendar.from_years([cal.arrangement(2024), cal.arrangement(2026)])
    with pytest.raises(CalendarDataMissing) as info:
        gappy.arrangement(2025)
    assert (
        info.value.message
        == "no PRC holiday arrangement loaded for 2025; loaded: 2024-2026 except [2025]"
    )
    with pytest.raises(CalendarDataMissing) as info:
        WorkingCalendar.from_years([]).arrangement(2025)
    assert info.value.message == "no PRC holiday arrangement loaded for 2025; no years are loaded"
    assert info.value.text is not None and str(info.value.text) == info.value.message


def test_case_refusals_keep_their_english_and_carry_msgids():
    import pytest

    from exportctl.core.determination.case import InvalidCase, parse_case

    with pytest.raises(InvalidCase) as info:
        parse_case({"date": "2026-03-02", "movement": "sideways", "items": [{}]})
    assert info.value.message.startswith("movement 'sideways' is not one of export, re_export")
    assert info.value.template == "%(where)s %(value)s is not one of %(allowed)s"
    with pytest.raises(InvalidCase) as info:
        parse_case({"date": 20260302})
    assert info.value.message == "date must be a string YYYY-MM-DD, not a number"
    assert isinstance(info.value.params["kind"], Phrase)
