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
