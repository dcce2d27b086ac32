"""Screening in the system: hits kept for review, four eyes, suppression, re-screening, files."""

from __future__ import annotations

import dataclasses

import pytest

from exportctl.audit.models import AuditEntry
from exportctl.core.errors import IllegalTransition, InvalidInput, MalformedFile
from exportctl.parties.models import Entity
from exportctl.screening import index_cache, services
from exportctl.screening.files import read_rows
from exportctl.screening.models import Hit

pytestmark = pytest.mark.django_db

SOURCES = ("mofcom", "uel", "mfa", "un")  # a smaller index keeps the suite fast; same code path


@pytest.fixture
def small_index(monkeypatch):
    active = Entity.objects.filter(removed_at__isnull=True, source__in=SOURCES)
    records, ids = index_cache.records_for(active)
    loaded = index_cache.LoadedIndex("test", index_cache.build_index(records), ids)
    monkeypatch.setattr(services, "current_index", lambda: loaded)
    return loaded


def test_screening_keeps_hits_and_audits(small_index, orgs, make_user):
    user = make_user("exporter", "a")
    outcome = services.screen_party(orgs["a"], user, "Lockheed Martin Corporation", country="US")
    assert outcome.new_hits, "Lockheed Martin is on the control list and the UEL"
    assert {"mofcom_control", "uel"} <= {code for h in outcome.new_hits for code in h.list_codes}
    hit = outcome.new_hits[0]
    assert "Lockheed" in hit.explanation_en and hit.explanation_zh
    assert AuditEntry.objects.order_by("-seq").first().action == "screening.screen"


def test_screening_the_same_party_again_adds_no_duplicate_hits(small_index, orgs, make_user):
    user = make_user("exporter", "a")
    first = services.screen_party(orgs["a"], user, "Lockheed Martin Corporation")
    again = services.screen_party(orgs["a"], user, "Lockheed Martin Corporation")
    assert again.subject.pk == first.subject.pk and again.new_hits == []


def test_false_positive_needs_a_reason_and_suppresses_until_the_entry_changes(
    small_index, orgs, make_user
):
    user = make_user("exporter", "a")
    hit = services.screen_party(orgs["a"], user, "Lockheed Martin Corporation").new_hits[0]
    with pytest.raises(InvalidInput):
        services.decide(hit, user, "false_positive", "")
    services.decide(
        hit, user, "false_positive", "different company: our customer is a US university lab"
    )
    assert services.screen_party(
        orgs["a"], user, "Lockheed Martin Corporation"
    ).new_hits == [] or all(
        h.entity_id != hit.entity_id
        for h in services.screen_party(orgs["a"], user, "Lockheed Martin Corporation").new_hits
    )
    Entity.objects.filter(pk=hit.entity_id).update(content_hash="changed-by-a-later-notice")
    again = services.screen_party(orgs["a"], user, "Lockheed Martin Corporation")
    assert hit.entity_id in {h.entity_id for h in again.new_hits}


def test_true_match_needs_a_second_person(small_index, orgs, make_user):
    alice, bob = make_user("exporter", "a", "alice"), make_user("exporter", "a", "bob")
    hit = services.screen_party(orgs["a"], alice, "Lockheed Martin Corporation").new_hits[0]
    services.decide(hit, alice, "propose_true_match")
    with pytest.raises(IllegalTransition, match="four eyes"):
        services.decide(hit, alice, "confirm_true_match")
    services.decide(hit, bob, "confirm_true_match")
    hit.refresh_from_db()
    assert hit.status == Hit.Status.TRUE_MATCH
    assert list(hit.decisions.values_list("action", flat=True)) == [
        "propose_true_match",
        "confirm_true_match",
    ]
    with pytest.raises(IllegalTransition):
        services.decide(hit, bob, "false_positive", "changed my mind")


def test_rescreen_after_import_reports_new_hits(small_index, orgs, make_user, tmp_path):
    from exportctl.parties.services import import_source
    from exportctl.reference.parties_snapshot import read_bundled, write_snapshot
    from exportctl.reference.records import Designation, EntityRecord, Name

    user = make_user("exporter", "a")
    services.screen_party(orgs["a"], user, "Zhejiang Example Photonics Co., Ltd.")
    snapshot = read_bundled("mofcom")
    newcomer = EntityRecord(
        source="mofcom",
        key="test-rescreen-1",
        schema="Organization",
        names=(
            Name("浙江示例光电有限公司", "primary", "zh", "Hani"),
            Name("Zhejiang Example Photonics Co., Ltd.", "translation", "en"),
        ),
        designations=(Designation(list_code="mofcom_control", announcement="test announcement"),),
    )
    snapshot.records = [*snapshot.records, newcomer]
    path = tmp_path / "mofcom.jsonl.gz"
    write_snapshot(snapshot, path)
    run = import_source("mofcom", path).run
    rescreen = services.rescreen_after_import(run)
    assert rescreen is not None and rescreen.new_hits == 1
    assert Hit.objects.filter(found_by_rescreen=rescreen, entity__key="test-rescreen-1").exists()


def test_other_organisations_hits_answer_404(small_index, orgs, make_user, client_for):
    hit = services.screen_party(
        orgs["a"], make_user("exporter", "a"), "Lockheed Martin Corporation"
    ).new_hits[0]
    outsider = client_for("exporter", "b")
    assert outsider.get(f"/screening/parties/{hit.subject_id}/").status_code == 404
    assert outsider.get(f"/api/screening/parties/{hit.subject_id}").status_code == 404
    assert (
        outsider.post(
            f"/screening/hits/{hit.pk}/decide/", {"action": "false_positive", "reason": "x"}
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"id,country\n1,US\n", "a.csv", "missing column"),
        (b"name,country\nACME,US\n,DE\n", "b.csv", "row 3"),
        (b"name,country\nACME,US\n\xff\xfe,DE\n", "c.csv", "UTF-8"),
        (b"name\nACME,extra\n", "d.csv", "row 2"),
        (b"not a zip", "e.xlsx", "XLSX"),
        (b"", "f.csv", "empty"),
    ],
)
def test_malformed_screening_files_name_the_row(content, name, message):
    with pytest.raises(MalformedFile, match=message):
        read_rows(content, name)


def test_xlsx_rows_are_read():
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["name", "country"])
    wb.active.append(["Lockheed Martin Corporation", "US"])
    buffer = io.BytesIO()
    wb.save(buffer)
    header, rows = read_rows(buffer.getvalue(), "parties.xlsx")
    assert (
        header == ["name", "country"] and rows[0].values["country"] == "US" and rows[0].number == 2
    )


def test_unknown_schema_and_bad_country_are_errors():
    with pytest.raises(InvalidInput):
        services.make_query("ACME", schema="planet")
    with pytest.raises(InvalidInput):
        services.make_query("ACME", country="USA")


def test_dataclass_query_is_frozen():
    q = services.make_query("ACME")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.name = "x"  # type: ignore[misc]
