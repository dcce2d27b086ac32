"""The source registry: each source feeds known lists; its default files are in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportctl.reference.lists import LISTS
from exportctl.reference.sources import SOURCES

SHARED = Path(__file__).resolve().parents[3] / "../shared/data"


def test_registry_has_the_eight_sources() -> None:
    assert set(SOURCES) == {"mofcom", "uel", "mfa", "un", "ofac", "uk", "eu", "bis_dpl"}


def test_every_list_code_is_fed_by_exactly_one_source() -> None:
    fed = [code for info in SOURCES.values() for code in info.list_codes]
    assert sorted(fed) == sorted(LISTS)


def test_every_source_has_chinese_and_english_names() -> None:
    assert all(info.name_zh and info.name_en for info in SOURCES.values())


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not present: {SHARED}")
def test_default_files_exist_under_the_shared_data_folder() -> None:
    for info in SOURCES.values():
        for relative in info.default_files:
            assert (SHARED / relative).exists(), relative
        assert (SHARED / info.folder / "PROVENANCE.md").is_file()
