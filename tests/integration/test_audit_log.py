"""The audit log is append-only and hash-chained; `verify` names the first broken entry."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from typer.testing import CliRunner

from exportctl.audit import services as audit
from exportctl.audit.models import AppendOnlyError, AuditEntry
from exportctl.cli.main import app

# Plain (rolled-back) tests: dropping the trigger is DDL inside the test transaction on both
# SQLite and PostgreSQL, so it is undone with everything else.
pytestmark = pytest.mark.django_db


def _drop_guard() -> None:
    """What a database owner could do: remove the append-only trigger."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry")
        else:
            cur.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
            cur.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")


@pytest.fixture
def three_entries():
    start = AuditEntry.objects.count()
    for i in range(3):
        audit.record("admin.change", None, actor="tester", data={"i": i, "password": "hunter2"})
    return list(AuditEntry.objects.order_by("seq")[start:])


def test_record_masks_secrets_and_verifies(three_entries):
    assert three_entries[0].data["password"] == "***"
    assert audit.verify_chain().ok


def test_orm_refuses_update_and_delete(three_entries):
    entry = three_entries[0]
    entry.action = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_database_trigger_refuses_raw_update(three_entries):
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cur,
    ):
        cur.execute(
            "UPDATE audit_auditentry SET action = 'forged' WHERE seq = %s", [three_entries[0].seq]
        )


def test_edited_entry_is_named_by_verify_cli(three_entries):
    _drop_guard()
    target = three_entries[1].seq
    with connection.cursor() as cur:
        cur.execute("UPDATE audit_auditentry SET data = %s WHERE seq = %s", ['{"i": 42}', target])
    result = CliRunner().invoke(app, ["audit", "verify", "--json"])
    assert result.exit_code == 1
    assert f'"first_broken_seq": {target}' in result.stdout


def test_deleted_entry_is_detected(three_entries):
    _drop_guard()
    target = three_entries[1].seq
    with connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditentry WHERE seq = %s", [target])
    brk = audit.verify_chain().first_break
    assert brk is not None and brk.seq == target and "missing" in brk.reason


def test_deleted_last_entry_is_detected_through_the_head(three_entries):
    _drop_guard()
    with connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditentry WHERE seq = %s", [three_entries[-1].seq])
    assert not audit.verify_chain().ok
