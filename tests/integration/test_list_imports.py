"""List imports are idempotent and transactional, record a diff, and reject bad files whole."""

from __future__ import annotations

import dataclasses
import gzip

import pytest

from exportctl.audit.models import AuditEntry
from exportctl.catalogue.models import ControlEntry
from exportctl.catalogue.services import import_catalogue
from exportctl.core.errors import InvalidInput, MalformedFile
from exportctl.parties.models import Entity, ImportRun
from exportctl.parties.services import import_source
from exportctl.reference.parties_snapshot import read_bundled, write_snapshot
from exportctl.reference.records import Name
from tests.conftest import shared_file

pytestmark = pytest.mark.django_db


def _counts(source: str) -> tuple[int, int]:
    qs = Entity.objects.filter(source=source)
    return qs.count(), qs.filter(removed_at__isnull=True).count()


def test_reimporting_the_same_file_changes_nothing():
    before = _counts("un")
    result = import_source("un")
    assert result.run.status == "unchanged"
    assert (result.run.added, result.run.changed, result.run.removed) == (0, 0, 0)
    assert _counts("un") == before


def test_import_records_a_diff_and_soft_deletes(tmp_path):
    snapshot = read_bundled("uel")
    records = sorted(snapshot.records, key=lambda r: r.key)
    gone, edited = records[0], records[1]
    new = dataclasses.replace(
        records[2], key="test-new-entity", names=(Name("测试实体", "primary", "zh", "Hani"),)
    )
    snapshot.records = [
        dataclasses.replace(
            edited, names=(*edited.names, Name("An alias added by a later notice"))
        ),
        *records[2:],
        new,
    ]
    path = tmp_path / "uel-changed.jsonl.gz"
    write_snapshot(snapshot, path)
    audit_before = AuditEntry.objects.count()

    result = import_source("uel", path)

    assert result.added == ["test-new-entity"]
    assert result.changed == [edited.key]
    assert result.removed == [gone.key]
    removed = Entity.objects.get(source="uel", key=gone.key)
    assert removed.removed_at is not None and removed.removed_by == result.run
    assert (
        Entity.objects.get(source="uel", key=edited.key)
        .names.filter(value__startswith="An alias")
        .exists()
    )
    entry = AuditEntry.objects.order_by("-seq").first()
    assert AuditEntry.objects.count() == audit_before + 1
    assert (
        entry.action == "lists.import" and entry.data["added"] == 1 and entry.data["removed"] == 1
    )


def test_removed_entity_comes_back_when_listed_again(tmp_path):
    snapshot = read_bundled("mfa")
    full = list(snapshot.records)
    snapshot.records = full[1:]
    path = tmp_path / "mfa.jsonl.gz"
    write_snapshot(snapshot, path)
    import_source("mfa", path)
    assert Entity.objects.get(source="mfa", key=full[0].key).removed_at is not None
    result = import_source("mfa")
    assert result.changed == [full[0].key]
    assert Entity.objects.get(source="mfa", key=full[0].key).removed_at is None


def _assert_rejected_and_unchanged(source, path, match):
    before = _counts(source)
    runs = ImportRun.objects.count()
    with pytest.raises(MalformedFile, match=match):
        import_source(source, path)
    assert _counts(source) == before
    run = ImportRun.objects.order_by("-id").first()
    assert ImportRun.objects.count() == runs + 1 and run.status == "rejected" and run.error
    assert AuditEntry.objects.order_by("-seq").first().action == "lists.import_failed"


def test_truncated_un_xml_is_rejected_and_changes_nothing(tmp_path):
    raw = gzip.decompress(
        shared_file("un-sc-consolidated-list", "un-consolidated-2026-02-27.xml.gz").read_bytes()
    )
    path = tmp_path / "consolidated.xml"
    path.write_bytes(raw[: len(raw) // 2])
    _assert_rejected_and_unchanged("un", path, r"(?i)xml|truncat")


def test_wrong_encoding_is_rejected_and_changes_nothing(tmp_path):
    raw = gzip.decompress(shared_file("us-ofac-sdn", "ofac-sls.json.gz").read_bytes())
    path = tmp_path / "ofac.json"
    path.write_bytes(raw.decode("utf-8").encode("utf-16"))
    _assert_rejected_and_unchanged("ofac", path, r"(?i)utf|encod")


def test_duplicate_ids_in_a_snapshot_are_rejected(tmp_path):
    lines = (
        gzip.decompress((read_bundled.__globals__["bundled_path"]("mofcom")).read_bytes())
        .decode()
        .splitlines()
    )
    lines.insert(2, lines[1])
    header_count = len(lines) - 1
    lines[0] = lines[0].replace('"count":', '"count_old":', 1)[:-1] + f',"count":{header_count}}}'
    path = tmp_path / "mofcom.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_rejected_and_unchanged("mofcom", path, r"(?i)duplicate")


def test_snapshot_of_another_source_is_refused(tmp_path):
    write_snapshot(read_bundled("mfa"), tmp_path / "mfa.jsonl.gz")
    with pytest.raises(MalformedFile, match="not 'uel'"):
        import_source("uel", tmp_path / "mfa.jsonl.gz")


def test_unknown_source_is_an_error():
    with pytest.raises(InvalidInput, match="unknown source"):
        import_source("nonexistent")


def test_truncated_catalogue_file_changes_nothing(tmp_path):
    from exportctl.catalogue.services import SNAPSHOT_DIR

    lines = (
        gzip.decompress((SNAPSHOT_DIR / "control_entries.jsonl.gz").read_bytes())
        .decode()
        .splitlines()
    )
    path = tmp_path / "control_entries.jsonl"
    path.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    before = ControlEntry.objects.count()
    with pytest.raises(MalformedFile, match="count"):
        import_catalogue("control_list", path)
    assert ControlEntry.objects.count() == before


def test_catalogue_reimport_is_unchanged():
    assert import_catalogue("control_list")["status"] == "unchanged"
