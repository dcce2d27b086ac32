"""Users and clients for integration tests."""

from __future__ import annotations

import pytest

from exportctl.accounts.demo import with_check_character
from exportctl.accounts.models import Organisation, User
from exportctl.accounts.roles import Role

PASSWORD = "correct horse battery staple"


@pytest.fixture
def orgs(db):  # type: ignore[no-untyped-def]
    return {
        "authority": Organisation.objects.create(kind="authority", name_zh="许可机关"),
        "a": Organisation.objects.create(
            kind="exporter", name_zh="甲公司", uscc=with_check_character("91310000MA1K00009")
        ),
        "customs": Organisation.objects.create(kind="customs", name_zh="海关"),
        "b": Organisation.objects.create(
            kind="exporter", name_zh="乙公司", uscc=with_check_character("91440300MA5F00008")
        ),
    }


@pytest.fixture
def make_user(orgs):  # type: ignore[no-untyped-def]
    def make(role: str, org: str = "authority", username: str | None = None) -> User:
        user = User(username=username or f"{role}-{org}", role=role, organisation=orgs[org])
        user.set_password(PASSWORD)
        user.save()
        return user

    return make


@pytest.fixture
def client_for(client, make_user):  # type: ignore[no-untyped-def]
    from django.test import Client

    def login(role: str, org: str = "authority") -> Client:
        c = Client()
        c.force_login(make_user(role, org))
        return c

    return login


ALL_ROLES = [r.value for r in Role]


@pytest.fixture
def small_screening(monkeypatch):  # type: ignore[no-untyped-def]
    """Screening against the Chinese lists only keeps the suite fast; same code path as the full index."""
    from exportctl.determination import knowledge_db
    from exportctl.parties.models import Entity
    from exportctl.screening import index_cache
    from exportctl.screening import services as screening_services

    active = Entity.objects.filter(removed_at__isnull=True, source__in=("mofcom", "uel", "mfa"))
    records, ids = index_cache.records_for(active)
    loaded = index_cache.LoadedIndex("test", index_cache.build_index(records), ids)
    monkeypatch.setattr(screening_services, "current_index", lambda: loaded)
    monkeypatch.setattr(knowledge_db, "current_index", lambda: loaded)
    monkeypatch.setattr(knowledge_db, "_cache", None)
    return loaded
