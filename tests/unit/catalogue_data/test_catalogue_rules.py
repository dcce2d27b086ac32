"""The rule files (measures, deadlines): every rule cited, dated and consistent with the notices.

Data: src/exportctl/rules/*.yaml, checked against ../shared/data/cn-mofcom-notices and
/work/shared/domain/regime.md (confidence tags).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import exportctl
from exportctl.core.errors import MalformedFile
from exportctl.core.rules import Deadline, Measure, load_rule_files, load_rules, parse_rules
from exportctl.core.rules.model import STATUSES
from exportctl.reference.catalogue_build import SNAPSHOT_DIR, read_announcements
from exportctl.reference.formats import notices

RULES = Path(exportctl.__file__).parent / "rules"
MEASURES = load_rules(RULES / "measures.yaml")
DEADLINES = load_rules(RULES / "deadlines.yaml")
ALL = load_rule_files([RULES / "measures.yaml", RULES / "deadlines.yaml"])
BY_ID = {r.id: r for r in ALL}


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_every_rule_has_a_citation_naming_a_law_and_article(rule) -> None:
    assert rule.citation.strip()
    assert re.search(r"Arts?\. \d", rule.citation) or "《" in rule.citation, rule.citation


def test_every_rule_source_is_regime_md_or_a_text_in_the_data() -> None:
    in_data = {
        a.key
        for a in read_announcements(SNAPSHOT_DIR / "announcements.jsonl.gz").records
        if a.in_source
    }
    for rule in ALL:
        assert rule.source == "regime.md" or rule.source in in_data, (rule.id, rule.source)


def test_rules_taken_from_regime_md_are_never_marked_confirmed_unless_it_tags_them_c() -> None:
    # regime.md tags 2025 No. 18 [C]; everything else it supplies is [S] or [U].
    for rule in ALL:
        if rule.source == "regime.md" and rule.id != "m-2025-18-rare-earths-sm-gd-tb-dy-lu-sc-y":
            assert rule.confidence in ("secondary", "unconfirmed"), rule.id


def test_measures_cover_every_announced_measure_that_is_not_a_party_listing() -> None:
    announcements = {
        a
        for m in MEASURES
        for a in (notices.canonical_key(p) for p in (m.announcement or "").split(";"))
        if a
    }
    for n in (
        "2024年第51号",
        "2025年第10号",
        "2025年第18号",
        "2025年第55号",
        "2025年第56号",
        "2025年第57号",
        "2025年第58号",
        "2025年第61号",
        "2025年第62号",
        "2025年第70号",
        "2025年第72号",
        "2024年第46号",
        "2026年第1号",
        "2025年第73号",
    ):
        assert f"商务部公告{n}" in announcements, n
    kinds = {m.kind for m in MEASURES}
    assert {
        "item_control",
        "temporary_control",
        "end_user_prohibition",
        "destination_restriction",
        "suspension",
        "extraterritorial",
    } <= kinds


def test_2024_no_46_paragraph_1_bans_dual_use_items_to_us_military_users() -> None:
    rule = BY_ID["m-2024-46-p1-us-military"]
    assert isinstance(rule, Measure)
    assert (rule.effect, rule.scope.destinations, rule.scope.end_user_military) == (
        "prohibited",
        ("US",),
        True,
    )
    assert rule.confidence == "secondary"  # regime.md [S]
    assert rule.status_on(date(2026, 1, 1)) == "in_force"  # No. 72 suspends paragraph 2 only


def test_2024_no_46_paragraph_2_is_a_presumption_of_denial_suspended_until_2026_11_27() -> None:
    rule = BY_ID["m-2024-46-p2-us-ga-ge-sb-superhard"]
    assert isinstance(rule, Measure)
    assert rule.effect == "presumption_of_denial"
    assert {"3C001", "3C002", "3C003"} <= set(rule.scope.control_codes)
    assert rule.status_on(date(2025, 11, 8)) == "in_force"
    assert rule.status_on(date(2025, 11, 9)) == "suspended"
    assert rule.status_on(date(2026, 11, 27)) == "suspended"
    assert rule.status_on(date(2026, 11, 28)) == "in_force"


def test_2026_no_1_bans_dual_use_items_to_japanese_military_users_and_uses() -> None:
    rule = BY_ID["m-2026-1-japan-military"]
    assert isinstance(rule, Measure)
    assert rule.scope.destinations == ("JP",) and rule.scope.end_user_military is True
    assert "enhancing_japan_military_strength" in rule.scope.end_uses
    assert rule.status_on(date(2026, 1, 5)) == "not_yet_in_force"
    assert rule.status_on(date(2026, 1, 6)) == "in_force"


@pytest.mark.parametrize(
    ("rule_id", "key"),
    [
        ("m-2025-70-suspension", "商务部公告2025年第70号"),
        ("m-2025-72-suspension", "商务部公告2025年第72号"),
    ],
)
def test_suspension_rules_have_the_dates_the_notice_prints(rule_id, key, notice_texts) -> None:
    announcement, text = notice_texts[key]
    (start, end) = {(s.start, s.end) for s in notices.extract_suspensions(announcement, text)}.pop()
    rule = BY_ID[rule_id]
    assert (rule.valid_from, rule.valid_to) == (start, end)


def test_every_measure_of_the_announcements_no_70_suspends_is_suspended_by_it() -> None:
    suspended = set(BY_ID["m-2025-70-suspension"].suspends)
    for m in MEASURES:
        key = notices.canonical_key((m.announcement or "").split(";")[0])
        if key in {f"商务部公告2025年第{n}号" for n in (55, 56, 57, 58, 61, 62)}:
            assert m.id in suspended, m.id


def test_unconfirmed_facts_say_so_in_the_data() -> None:
    for rule_id in (
        "m-2025-55-superhard-materials",
        "m-2025-56-rare-earth-equipment",
        "m-2024-46-p3-us-graphite-review",
        "d-completeness-check-5-working-days",
    ):
        assert BY_ID[rule_id].confidence == "unconfirmed"
        assert BY_ID[rule_id].confidence_note


@pytest.mark.parametrize(
    ("rule_id", "quantity", "unit", "bound", "article"),
    [
        (
            "d-licence-decision-45-working-days",
            45,
            "working_days",
            "max",
            "Dual-Use Regulations Art. 17",
        ),
        (
            "d-licence-amendment-20-working-days",
            20,
            "working_days",
            "max",
            "Dual-Use Regulations Art. 18 ¶3",
        ),
        (
            "d-completeness-check-5-working-days",
            5,
            "working_days",
            "max",
            "Administrative Licensing Law Art. 32",
        ),
        ("d-single-licence-validity-1-year", 1, "years", "max", "Dual-Use Regulations Art. 15"),
        ("d-general-licence-validity-3-years", 3, "years", "max", "Dual-Use Regulations Art. 15"),
        ("d-records-retention-5-years", 5, "years", "min", "Dual-Use Regulations Art. 27"),
    ],
)
def test_statutory_periods(rule_id, quantity, unit, bound, article) -> None:
    rule = BY_ID[rule_id]
    assert isinstance(rule, Deadline)
    assert (rule.quantity, rule.unit, rule.bound) == (quantity, unit, bound)
    assert article in rule.citation


def test_the_45_day_clock_stops_for_identification_consultation_and_verification() -> None:
    rule = BY_ID["d-licence-decision-45-working-days"]
    assert isinstance(rule, Deadline)
    assert set(rule.clock_excludes) == {
        "identification",
        "expert_consultation",
        "on_site_verification",
    }


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
@example(date(2025, 11, 7))  # suspension starts the day before the measure would have applied
@example(date(2025, 11, 8))
@example(date(2026, 11, 10))
@example(date(2026, 11, 11))
def test_status_on_any_day_is_known_and_suspended_exactly_inside_the_window(day: date) -> None:
    # 2025 No. 57 applies from 2025-11-08; 2025 No. 70 suspends it from 2025-11-07 to 2026-11-10.
    rule = BY_ID["m-2025-57-rare-earths-ho-er-tm-eu-yb"]
    status = rule.status_on(day)
    assert status in STATUSES
    assert (status == "not_yet_in_force") == (day < date(2025, 11, 8))
    assert (status == "suspended") == (date(2025, 11, 8) <= day <= date(2026, 11, 10))


# ---- the loader fails fast, naming file, entry and reason ---------------------------------------

_ENTRY = """\
  - id: m-test
    kind: item_control
    citation: "Export Control Law Art. 12"
    valid_from: 2025-01-01
    valid_to: null
    status: in_force
    effect: licence_required
    scope: {control_codes: [1C902]}
    description_zh: 测试
    description_en: test
    confidence: confirmed
    source: regime.md
"""
_FILE = "format: exportctl-rules/1\nkind: measures\nas_of: 2026-01-01\nentries:\n" + _ENTRY


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (('    citation: "Export Control Law Art. 12"\n', ""), "missing citation"),
        (('    citation: "Export Control Law Art. 12"', '    citation: ""'), "missing citation"),
        (
            ("valid_from: 2025-01-01", "valid_from: 2025-02-30"),
            "valid_from '2025-02-30' is not a date",
        ),
        (("valid_to: null", "valid_to: 2024-12-31"), "valid_to 2024-12-31 is before valid_from"),
        (("kind: item_control", "kind: embargo"), "unknown kind 'embargo'"),
        (("effect: licence_required", "effect: banned"), "unknown effect"),
        (("status: in_force", "status: suspended"), "its dates give 'in_force'"),
        (("confidence: confirmed", "confidence: likely"), "confidence"),
        (("[1C902]", "[1c902]"), "does not match"),
        (("scope: {", "scope: {destinations: [USA], "), "not an ISO 3166-1"),
        (("    source: regime.md\n", "    source: regime.md\n    colour: red\n"), "unknown field"),
    ],
)
def test_a_bad_rule_is_refused_naming_file_entry_and_reason(change, reason) -> None:
    with pytest.raises(MalformedFile, match=reason) as err:
        parse_rules(_FILE.replace(*change), "measures.yaml")
    assert err.value.location == "measures.yaml: entry 'm-test'"
    assert err.value.code == "invalid_rule"


def test_a_duplicate_id_is_refused() -> None:
    with pytest.raises(MalformedFile, match="duplicate id") as err:
        parse_rules(_FILE + _ENTRY, "measures.yaml")
    assert err.value.location == "measures.yaml: entry 'm-test'"


def test_a_suspension_the_suspended_rule_does_not_record_is_refused() -> None:
    suspension = (
        _ENTRY.replace("m-test", "m-stop")
        .replace("kind: item_control", "kind: suspension")
        .replace("effect: licence_required", "effect: suspends\n    suspends: [m-test]")
        .replace("valid_to: null", "valid_to: 2026-12-31")
    )
    with pytest.raises(MalformedFile, match="status_history does not say so") as err:
        parse_rules(_FILE + suspension, "measures.yaml")
    assert "m-test" in err.value.location


def test_a_file_without_the_format_line_is_refused() -> None:
    with pytest.raises(MalformedFile, match="format"):
        parse_rules(_FILE.replace("exportctl-rules/1", "rules/0"), "measures.yaml")


def test_the_shipped_rule_files_load(tmp_path: Path) -> None:
    assert len(MEASURES) >= 20 and len(DEADLINES) >= 6
    assert all(isinstance(m, Measure) for m in MEASURES)
    assert all(isinstance(d, Deadline) for d in DEADLINES)
