"""Fixtures for the catalogue data tests: the shared reference data and the built catalogue.

Real data from ../shared/data (see each folder's PROVENANCE.md); set EXPORTCTL_SHARED_DATA to
point elsewhere. Tests that need it are skipped when it is absent; tests of the shipped snapshot
run without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exportctl.reference.catalogue_build import (
    CURATED_ITEMS,
    SNAPSHOT_DIR,
    Catalogue,
    build_catalogue,
)
from exportctl.reference.catalogue_records import Announcement
from exportctl.reference.formats import notices
from exportctl.reference.formats.rawfile import read_raw

from .shared_data import CATALOGUE_NOTICES, NOTICES, SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    if not NOTICES.is_file():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def catalogue(shared: Path) -> Catalogue:
    return build_catalogue(shared)


@pytest.fixture(scope="session")
def notice_texts(shared: Path) -> dict[str, tuple[Announcement, str]]:
    """Announcement key -> (announcement, full contentText)."""
    merged = notices.merge_notices(
        notices.parse_notices(read_raw(NOTICES)), notices.parse_notices(read_raw(CATALOGUE_NOTICES))
    )
    return {a.key: (a, text) for a, text in merged}


@pytest.fixture(scope="session")
def curated() -> notices.CuratedItems:
    return notices.load_curated_items(read_raw(CURATED_ITEMS))


@pytest.fixture(scope="session")
def snapshot_dir() -> Path:
    return SNAPSHOT_DIR
