"""Shared fixtures: the bundled reference data is loaded once per test database."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_file(*parts: str) -> Path:
    """A file of ../shared/data; tests that need it skip with a reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Migrate, then import every bundled source once for the whole session."""
    from exportctl.cli.lists import all_sources, import_one

    with django_db_blocker.unblock():
        for code in all_sources():
            import_one(code, None, None)
