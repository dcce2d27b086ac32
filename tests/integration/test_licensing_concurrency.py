"""Double approvals and double submissions are impossible under real concurrency (PostgreSQL row locks)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.conf import settings
from django.db import connections

from exportctl.core.errors import ExportControlError
from exportctl.licensing import checks, services
from exportctl.licensing.models import Application, Licence, Proposal

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]
# Decided at collection: a transactional test on SQLite would also try to empty the append-only
# audit table at teardown, which its trigger refuses.
pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="row-lock concurrency is tested on PostgreSQL (SQLite serialises writers)",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
]


def _race(n, fn):
    barrier, results = threading.Barrier(n), []

    def run():
        try:
            barrier.wait()
            fn()
            results.append("ok")
        except ExportControlError as exc:
            results.append(exc.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_approvers_at_once_issue_one_licence(orgs, make_user, monkeypatch):
    monkeypatch.setenv("EXPORTCTL_TODAY", "2026-03-02")
    exporter, reviewer = make_user("exporter", "a"), make_user("reviewer")
    approvers = [make_user("approver", username=f"approver{i}") for i in range(2)]
    from exportctl.catalogue.models import Country

    Country.objects.get_or_create(iso2="DE", defaults={"iso3": "DEU", "name_en": "Germany"})
    app = services.create_application(orgs["a"], exporter, "single", "DE")
    Application.objects.filter(pk=app.pk).update(
        status="proposed", accepted_on=dt.date(2026, 3, 2), time_limit_days=45
    )
    Proposal.objects.create(application=app, decision="approve", reasons="ok", reviewer=reviewer)
    results = _race(
        2,
        lambda: services.decide(
            Application.objects.get(pk=app.pk),
            approvers[len(threading.current_thread().name) % 2],
            "approve",
        ),
    )
    assert results.count("ok") == 1, results
    assert Licence.objects.filter(application=app).count() == 1


def test_two_submissions_at_once_submit_once(orgs, make_user, monkeypatch):
    monkeypatch.setenv("EXPORTCTL_TODAY", "2026-03-02")
    monkeypatch.setattr(
        checks,
        "run",
        lambda app, actor, today: {"outcome": "licence_required", "screening_hits": []},
    )
    monkeypatch.setattr(services, "completeness_problems", lambda app: [])
    exporter = make_user("exporter", "a")
    from exportctl.catalogue.models import Country

    Country.objects.get_or_create(iso2="DE", defaults={"iso3": "DEU", "name_en": "Germany"})
    app = services.create_application(orgs["a"], exporter, "single", "DE")
    results = _race(3, lambda: services.submit(Application.objects.get(pk=app.pk), exporter, 0))
    assert results.count("ok") == 1, results
    assert Application.objects.get(pk=app.pk).events.filter(action="submit").count() == 1
