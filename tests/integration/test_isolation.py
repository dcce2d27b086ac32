"""Organisation isolation: an exporter sees only its own organisation; others' ids answer 404."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

# Every exporter-facing endpoint that takes an organisation-scoped id, as a format string.
SCOPED_ENDPOINTS = ["/api/organisations/{org}"]


@pytest.mark.parametrize("template", SCOPED_ENDPOINTS)
def test_other_organisations_ids_answer_404(client_for, orgs, template):
    exporter_a = client_for("exporter", "a")
    assert exporter_a.get(template.format(org=orgs["a"].pk)).status_code == 200
    assert exporter_a.get(template.format(org=orgs["b"].pk)).status_code == 404
    assert exporter_a.get(template.format(org=orgs["authority"].pk)).status_code == 404


def test_organisation_list_holds_only_own_organisation(client_for, orgs):
    data = client_for("exporter", "a").get("/api/organisations").json()
    assert [o["id"] for o in data] == [orgs["a"].pk]


def test_organisation_page_shows_own_members_only(client_for, make_user, orgs):
    make_user("exporter", "b", username="someone-at-b")
    page = client_for("exporter", "a").get("/organisation/").content.decode()
    assert "甲公司" in page and "someone-at-b" not in page


def test_authority_sees_every_organisation(client_for, orgs):
    data = client_for("case_officer").get("/api/organisations").json()
    assert {o["id"] for o in data} >= {orgs["a"].pk, orgs["b"].pk}
