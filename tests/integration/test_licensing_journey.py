"""The licensing journey through the web pages, and each step's rules (Regulations Arts. 16-18)."""

from __future__ import annotations

import datetime as dt

import pytest

from exportctl.licensing import services
from exportctl.licensing.models import Application, Licence

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("EXPORTCTL_TODAY", "2026-03-02")


def fill(
    app: Application, end_user: str = "Technische Universität München", country: str = "DE"
) -> Application:
    from exportctl.licensing.models import EndUseCertificate, Item, Party

    app.contract_number, app.contract_date = "C-2026-001", dt.date(2026, 2, 20)
    app.end_use_statement_zh, app.end_use_statement_en = (
        "用于永磁材料研究",
        "research on permanent magnets",
    )
    app.legal_representative, app.handler = "张三", "李四"
    app.save()
    Item.objects.create(
        application=app,
        control_code="1C902.a",
        description="samarium metal",
        hs_code="2805301910",
        quantity=100,
        unit="kg",
        value_cny=250000,
    )
    Party.objects.create(application=app, role="end_user", name=end_user, country=country)
    EndUseCertificate.objects.create(
        application=app,
        end_user=end_user,
        address="Arcisstraße 21, München",
        items="samarium metal 100 kg",
        end_use="research on permanent magnets",
        no_retransfer=True,
        no_change_of_use=True,
        signatory="Prof. Dr. X",
        signed_on=dt.date(2026, 2, 18),
    )
    return app


@pytest.fixture
def people(make_user):
    return {
        r: make_user(r, "a" if r == "exporter" else "authority")
        for r in ("exporter", "case_officer", "reviewer", "approver")
    }


def test_whole_journey_issues_a_licence(small_screening, orgs, people, monkeypatch):
    exporter, officer, reviewer, approver = (
        people[r] for r in ("exporter", "case_officer", "reviewer", "approver")
    )
    app = fill(services.create_application(orgs["a"], exporter, "single", "DE"))
    services.submit(app, exporter)
    app.refresh_from_db()
    assert app.status == "submitted" and app.determination["outcome"] == "licence_required"
    assert app.submitted_on == dt.date(2026, 3, 2)
    services.request_supplement(app, officer, "the test report is missing")
    services.submit(app, exporter)
    monkeypatch.setenv("EXPORTCTL_TODAY", "2026-03-04")
    services.accept(app, officer)
    app.refresh_from_db()
    assert app.accepted_on == dt.date(2026, 3, 4) and app.time_limit_days == 45
    services.start_review(app, officer)
    services.pause_clock(app, officer, "expert_consultation", "rare-earth experts")
    monkeypatch.setenv("EXPORTCTL_TODAY", "2026-03-11")
    services.resume_clock(app, officer, "experts see no concern")
    from exportctl.licensing.clock import clock

    c = clock(app, dt.date(2026, 3, 11))
    assert c.deadline.paused_working_days, "the expert week is not counted"
    services.propose(
        app,
        reviewer,
        "approve",
        "civil research end use verified",
        ["end_user_use"],
        "report arrival",
    )
    with pytest.raises(Exception, match="not for reviewer"):
        services.decide(app, reviewer, "approve")
    reviewer.role = "approver"  # promoted since: still never the approver of a case it proposed
    reviewer.save()
    with pytest.raises(Exception, match="four eyes"):
        services.decide(app, reviewer, "approve")
    services.decide(app, approver, "approve")
    app.refresh_from_db()
    assert app.status == "approved"
    licence = Licence.objects.get(application=app)
    assert licence.valid_until == dt.date(2026, 3, 11) + dt.timedelta(days=365)
    assert licence.lines[0]["control_code"] == "1C902.a"
    assert list(app.events.values_list("action", flat=True)) == [
        "submit",
        "request_supplement",
        "resubmit",
        "accept",
        "start_review",
        "pause_clock",
        "resume_clock",
        "propose",
        "approve",
    ]


def test_incomplete_application_cannot_be_submitted(orgs, people):
    app = services.create_application(orgs["a"], people["exporter"], "single", "DE")
    with pytest.raises(Exception, match="incomplete"):
        services.submit(app, people["exporter"])


def test_unknown_destination_is_refused(orgs, people):
    with pytest.raises(Exception, match="unknown destination"):
        services.create_application(orgs["a"], people["exporter"], "single", "XX")


def test_double_submission_is_impossible(small_screening, orgs, people):
    app = fill(services.create_application(orgs["a"], people["exporter"], "single", "DE"))
    version = app.version
    services.submit(app, people["exporter"], version)
    with pytest.raises(Exception, match="changed since you opened it"):
        services.submit(app, people["exporter"], version)


def test_other_organisation_cannot_act(small_screening, orgs, people, make_user):
    app = fill(services.create_application(orgs["a"], people["exporter"], "single", "DE"))
    outsider = make_user("exporter", "b", username="outsider")
    with pytest.raises(Exception, match="own organisation"):
        services.submit(app, outsider)


def test_watch_list_party_has_no_time_limit(small_screening, orgs, people):
    from exportctl.parties.models import Designation

    watched = (
        Designation.objects.filter(list_code="mofcom_watch", entity__removed_at__isnull=True)
        .select_related("entity")
        .first()
    )
    name = watched.entity.names.filter(lang="zh").first() or watched.entity.names.first()
    app = fill(
        services.create_application(orgs["a"], people["exporter"], "single", "JP"),
        end_user=name.value,
        country="JP",
    )
    services.submit(app, people["exporter"])
    services.accept(app, people["case_officer"])
    app.refresh_from_db()
    assert app.determination["review_time_limit_working_days"] is None
    assert app.time_limit_days is None


def test_pages_render_for_each_side(small_screening, orgs, people, client):
    app = fill(services.create_application(orgs["a"], people["exporter"], "single", "DE"))
    services.submit(app, people["exporter"])
    client.force_login(people["exporter"])
    page = client.get(f"/licensing/{app.pk}/").content.decode()
    assert app.reference in page and "propose" not in page
    client.force_login(people["case_officer"])
    page = client.get(f"/licensing/{app.pk}/").content.decode()
    assert 'data-step="accept"' in page and 'data-step="request_supplement"' in page
    assert client.get("/licensing/queue/").status_code == 200
    assert client.get("/licensing/statistics/").status_code == 200
    assert app.reference in client.get("/licensing/queue/").content.decode()


def test_exporter_cannot_open_other_organisations_case(small_screening, orgs, people, client_for):
    app = fill(services.create_application(orgs["a"], people["exporter"], "single", "DE"))
    outsider = client_for("exporter", "b")
    for url in (
        f"/licensing/{app.pk}/",
        f"/licensing/{app.pk}/edit/",
        f"/api/licensing/applications/{app.pk}",
    ):
        assert outsider.get(url).status_code == 404, url
    assert outsider.post(f"/licensing/{app.pk}/act/", {"action": "withdraw"}).status_code == 404


def test_only_officers_end_a_paused_step(small_screening, orgs, people):
    app = fill(services.create_application(orgs["a"], people["exporter"], "single", "DE"))
    services.submit(app, people["exporter"])
    services.accept(app, people["case_officer"])
    services.start_review(app, people["case_officer"])
    services.pause_clock(app, people["case_officer"], "identification", "sample sent to the lab")
    with pytest.raises(Exception, match="only a case officer or reviewer"):
        services.resume_clock(app, people["exporter"])
    services.resume_clock(app, people["case_officer"], "lab confirms the grade")


def test_approval_notes_stay_internal_but_a_denial_gives_reasons(small_screening, orgs, people):
    app = fill(services.create_application(orgs["a"], people["exporter"], "single", "DE"))
    services.submit(app, people["exporter"])
    services.accept(app, people["case_officer"])
    services.start_review(app, people["case_officer"])
    services.propose(app, people["reviewer"], "deny", "end use not credible", ["end_user_use"])
    services.decide(app, people["approver"], "deny")
    assert app.events.get(action="deny").note == "end use not credible"
