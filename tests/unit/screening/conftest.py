"""An index of real list records for the screening tests: the UN Security Council list and the
Chinese lists (MOFCOM control/watch list, Unreliable Entity List, MFA countermeasures) from the
snapshot bundled in the package (src/exportctl/reference/snapshot/parties, built from
../shared/data by exportctl.reference)."""

from __future__ import annotations

import pytest

from exportctl.core.screening import ScreeningIndex, build_index
from exportctl.reference.records import EntityRecord

SOURCES = ("un", "mofcom", "uel", "mfa")


def list_records() -> list[EntityRecord]:
    try:
        from exportctl.reference.parties_snapshot import bundled_path, read_bundled
    except ImportError:  # pragma: no cover - the snapshot module is part of the package
        pytest.skip("party snapshot reader not available")
    records: list[EntityRecord] = []
    for source in SOURCES:
        if not bundled_path(source).exists():
            pytest.skip(f"bundled snapshot {source} not present")
        records.extend(read_bundled(source).records)
    return records


@pytest.fixture(scope="session")
def records() -> list[EntityRecord]:
    return list_records()


@pytest.fixture(scope="session")
def index(records: list[EntityRecord]) -> ScreeningIndex:
    return build_index(records)
