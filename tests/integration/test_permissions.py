"""Permission table: URL x role -> status. Anonymous users are sent to sign in; the API says 401."""

from __future__ import annotations

import pytest

from exportctl.accounts.roles import Role

pytestmark = pytest.mark.django_db

EVERY_ROLE = [r.value for r in Role]
AUTHORITY = ["case_officer", "reviewer", "approver", "list_admin", "auditor"]

# (url, roles that get 200; every other role gets 403)
TABLE = [
    ("/", EVERY_ROLE),
    ("/control-list/", EVERY_ROLE),
    ("/control-list/?q=1C902", EVERY_ROLE),
    ("/control-list/1C902/", EVERY_ROLE),
    ("/parties/?q=Lockheed", EVERY_ROLE),
    ("/parties/lists/", EVERY_ROLE),
    ("/organisation/", ["exporter", "customs_officer"]),
    ("/audit/", ["auditor", "list_admin"]),
    ("/api/catalogue/entries?q=1C902", EVERY_ROLE),
    ("/api/parties?q=Lockheed", EVERY_ROLE),
    ("/api/lists/status", EVERY_ROLE),
    ("/api/audit/verify", ["auditor", "list_admin"]),
    ("/api/organisations", EVERY_ROLE),
]
ADMIN_OK = ["list_admin"]


@pytest.mark.parametrize("role", EVERY_ROLE)
@pytest.mark.parametrize(("url", "allowed"), TABLE, ids=[u for u, _ in TABLE])
def test_page_status_by_role(client_for, url, allowed, role):
    org = {"exporter": "a", "customs_officer": "customs"}.get(role, "authority")
    response = client_for(role, org).get(url)
    assert response.status_code == (200 if role in allowed else 403), response.content[:300]


@pytest.mark.parametrize(("url", "_allowed"), TABLE, ids=[u for u, _ in TABLE])
def test_anonymous_is_sent_to_sign_in(client, url, _allowed):
    response = client.get(url)
    if url.startswith("/api/"):
        assert response.status_code == 401
    else:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_admin_only_for_list_administrators(client_for, role):
    response = client_for(role, "a" if role == "exporter" else "authority").get(
        "/admin/catalogue/controlentry/"
    )
    if role in ADMIN_OK:
        assert response.status_code == 200
    else:
        assert response.status_code == 302  # Django admin sends non-admins to its login page


def test_forms_refuse_posts_without_csrf_token(db):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    assert c.post("/accounts/login/", {"username": "x", "password": "y"}).status_code == 403
    assert c.post("/i18n/setlang/", {"language": "en"}).status_code == 403
