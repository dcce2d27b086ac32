"""The bundled reference data is loaded and searchable (data: ../shared/data, see PROVENANCE)."""

from __future__ import annotations

import pytest

from exportctl.catalogue.search import search_entries
from exportctl.parties.services import list_status, search_entities

pytestmark = pytest.mark.django_db


def _status() -> dict[str, dict]:
    return {s.list_code: s.as_dict() for s in list_status()}


def test_un_list_has_1003_entries():
    assert _status()["un_sc"]["entries"] == 1003


def test_ofac_list_has_19680_records():
    assert _status()["ofac_sdn"]["entries"] == 19680


def test_every_list_is_loaded_with_a_date():
    for code, row in _status().items():
        assert row["entries"] > 0, code
        assert row["latest_announcement"], code
        assert row["imported_at"], code


@pytest.mark.parametrize("query", ["钐", "samarium", "Samarium", "2805301910", "1C902"])
def test_samarium_queries_find_1c902(query):
    codes = [h.entry.code for h in search_entries(query)]
    assert any(c == "1C902" or c.startswith("1C902.") for c in codes[:5]), codes[:10]


def test_code_search_ranks_the_code_first():
    assert search_entries("1C902")[0].entry.code == "1C902"


@pytest.mark.parametrize(
    "query", ["洛克希德", "Lockheed Martin", "lockheed  martin", "洛克希德·马丁"]
)
def test_lockheed_is_found_with_announcement_numbers(query):
    results = list(search_entities(query))
    designations = [d for e in results for d in e.designations.all()]
    chinese = [d for d in designations if d.list_code in {"mofcom_control", "uel"}]
    assert chinese, [e.caption for e in results]
    assert all(d.announcement for d in chinese)


def test_traditional_characters_find_simplified_names():
    assert list(search_entities("洛克希德·馬丁")) or list(search_entities("洛克希德"))
