"""The officer queue: open cases only, soonest due first, paged; rows always read fresh."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache

from exportctl.licensing import queue
from exportctl.licensing.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EXPORTCTL_TODAY", "2026-03-02")
    monkeypatch.setattr(queue, "PER_PAGE", 2)
    cache.delete(queue.COUNT_KEY)


def make(orgs, user, ref: str, status: str, due: dt.date | None) -> Application:  # type: ignore[no-untyped-def]
    return Application.objects.create(
        organisation=orgs["a"],
        reference=ref,
        kind="single",
        status=status,
        destination="DE",
        created_by=user,
        submitted_on=dt.date(2026, 1, 5),
        accepted_on=dt.date(2026, 1, 8),
        time_limit_days=45,
        due_on=due,
    )


def refs(html: str) -> list[str]:
    return re.findall(r'<tr data-ref="([^"]+)"', html)


def test_queue_pages_open_cases_soonest_due_first(orgs, make_user, client):  # type: ignore[no-untyped-def]
    exporter = make_user("exporter", "a")
    make(orgs, exporter, "Q-LATE", "under_review", dt.date(2026, 4, 30))
    make(orgs, exporter, "Q-OVERDUE", "accepted", dt.date(2026, 2, 20))
    make(orgs, exporter, "Q-NODUE", "submitted", None)
    make(orgs, exporter, "Q-SOON", "proposed", dt.date(2026, 3, 10))
    make(orgs, exporter, "Q-DRAFT", "draft", dt.date(2026, 3, 1))
    make(orgs, exporter, "Q-DONE", "approved", dt.date(2026, 3, 1))
    client.force_login(make_user("case_officer"))
    first = client.get("/licensing/queue/").content.decode()
    second = client.get("/licensing/queue/?page=2").content.decode()
    assert refs(first) == ["Q-OVERDUE", "Q-SOON"]
    assert refs(second) == ["Q-LATE", "Q-NODUE"]
    assert "1 / 2 (4)" in first
    assert re.search(r'<tr data-ref="Q-OVERDUE" class="overdue">', first)


def test_a_case_closed_after_the_count_was_taken_leaves_the_queue_at_once(  # type: ignore[no-untyped-def]
    orgs, make_user, client
):
    exporter = make_user("exporter", "a")
    soon = make(orgs, exporter, "Q-SOON", "under_review", dt.date(2026, 3, 10))
    make(orgs, exporter, "Q-LATE", "under_review", dt.date(2026, 4, 30))
    client.force_login(make_user("case_officer"))
    assert refs(client.get("/licensing/queue/").content.decode()) == ["Q-SOON", "Q-LATE"]
    Application.objects.filter(pk=soon.pk).update(status="approved", due_on=None)
    assert refs(client.get("/licensing/queue/").content.decode()) == ["Q-LATE"]


def test_a_case_opened_after_the_count_was_taken_is_in_the_queue_at_once(  # type: ignore[no-untyped-def]
    orgs, make_user, client
):
    client.force_login(make_user("case_officer"))
    assert refs(client.get("/licensing/queue/").content.decode()) == []  # count 0 cached
    exporter = make_user("exporter", "a")
    make(orgs, exporter, "Q-NEW", "accepted", dt.date(2026, 3, 10))
    page = client.get("/licensing/queue/").content.decode()
    assert refs(page) == ["Q-NEW"]
    assert "1 / 1 (1)" in page


def test_queue_is_for_officers_only(orgs, make_user, client):  # type: ignore[no-untyped-def]
    client.force_login(make_user("exporter", "a"))
    assert client.get("/licensing/queue/").status_code == 403
