"""determination.yaml: every rule cited and dated; a bad file fails naming file, entry, reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import exportctl
from exportctl.core.determination.rulebook import load_rulebook, parse_rulebook
from exportctl.core.errors import MalformedFile
from exportctl.core.rules import load_rules

RULES = Path(exportctl.__file__).parent / "rules"
BOOK = load_rulebook(RULES / "determination.yaml")
DEADLINES = {d.id for d in load_rules(RULES / "deadlines.yaml")}
MEASURES = {m.id for m in load_rules(RULES / "measures.yaml")}


@pytest.mark.parametrize("entry", BOOK.entries, ids=lambda e: e.id)
def test_every_rule_has_a_citation_naming_an_article_or_announcement(entry) -> None:
    assert re.search(r"Arts?\. \d|《|公告|第\d+号", entry.citation), entry.citation
    assert entry.description_en and entry.description_zh


def test_unconfirmed_rules_say_what_to_verify() -> None:
    unconfirmed = [e for e in BOOK.entries if e.confidence == "unconfirmed"]
    assert unconfirmed and all(e.confidence_note for e in unconfirmed)


def test_deadlines_and_measures_referenced_exist() -> None:
    for entry in BOOK.entries:
        if entry.deadline:
            assert entry.deadline in DEADLINES, entry.id
        if entry.for_rule:
            assert entry.for_rule in MEASURES, entry.id


def test_watch_list_and_statutory_periods_are_in_the_data() -> None:
    watch = BOOK.get("pl-watch-list-single-only")
    assert set(watch.closes) == {"general", "registration"} and watch.no_time_limit
    assert set(watch.documents) == {"risk_assessment_report", "written_commitment"}
    assert BOOK.get("dt-review-time-limit").deadline == "d-licence-decision-45-working-days"


_FILE = """\
format: exportctl-determination/1
version: "t"
as_of: 2026-01-01
entries:
  - id: dt-x
    kind: statute
    citation: "Dual-Use Regulations Art. 14"
    valid_from: 2024-12-01
    confidence: confirmed
    source: REG
    description_zh: 测试
    description_en: test
"""


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (('    citation: "Dual-Use Regulations Art. 14"\n', ""), "missing citation"),
        (("valid_from: 2024-12-01", "valid_from: 2024-13-01"), "not a date"),
        (("kind: statute", "kind: embargo"), "unknown kind"),
        (("confidence: confirmed", "confidence: unconfirmed"), "confidence_note"),
        (("    source: REG\n", "    source: REG\n    colour: red\n"), "unknown field"),
    ],
)
def test_a_bad_rule_is_refused_naming_file_entry_and_reason(change, reason) -> None:
    with pytest.raises(MalformedFile, match=reason) as err:
        parse_rulebook(_FILE.replace(*change), "determination.yaml")
    assert err.value.location == "determination.yaml: entry 'dt-x'"
    assert err.value.code == "invalid_rule"


def test_a_file_missing_a_route_rule_is_refused() -> None:
    with pytest.raises(MalformedFile, match="licence_type"):
        parse_rulebook(_FILE, "determination.yaml")
