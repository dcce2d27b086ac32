"""The shipped catalogue snapshot: round trip, determinism, up to date, refused when damaged.

Data: src/exportctl/reference/snapshot/catalogue/*.jsonl.gz (built from ../shared/data).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_build import (
    FILES,
    INPUTS,
    build_catalogue_snapshot,
    main,
    read_announcements,
    read_control_entries,
    read_countries,
    read_hs_codes,
)
from exportctl.reference.catalogue_records import find_by_text

READERS = {
    "control-entries": read_control_entries,
    "hs-codes": read_hs_codes,
    "countries": read_countries,
    "announcements": read_announcements,
}


@pytest.fixture(scope="module")
def shipped(snapshot_dir: Path):
    return {kind: READERS[kind](snapshot_dir / name) for kind, name in FILES.items()}


@pytest.fixture(scope="module")
def built(tmp_path_factory, shared: Path) -> Path:
    out = tmp_path_factory.mktemp("catalogue")
    build_catalogue_snapshot(shared, out)
    return out


def test_snapshot_round_trip_gives_back_the_built_records(built: Path, catalogue) -> None:
    assert (
        read_control_entries(built / FILES["control-entries"]).records == catalogue.control_entries
    )
    assert read_hs_codes(built / FILES["hs-codes"]).records == catalogue.hs_codes
    assert read_countries(built / FILES["countries"]).records == catalogue.countries
    assert read_announcements(built / FILES["announcements"]).records == catalogue.announcements


def test_two_builds_write_identical_bytes(built: Path, tmp_path: Path, shared: Path) -> None:
    build_catalogue_snapshot(shared, tmp_path)
    for name in (*FILES.values(), "PROVENANCE.md"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_the_shipped_snapshot_is_a_fresh_build_of_the_shared_data(
    built: Path, snapshot_dir: Path
) -> None:
    for name in (*FILES.values(), "PROVENANCE.md"):
        assert (snapshot_dir / name).read_bytes() == (built / name).read_bytes(), f"rebuild: {name}"


def test_each_file_opens_with_a_header_naming_format_provenance_and_count(
    snapshot_dir: Path,
) -> None:
    for kind, name in FILES.items():
        snapshot = READERS[kind](snapshot_dir / name)
        assert snapshot.format == f"exportctl-{kind}/1"
        assert snapshot.provenance["sources"] and snapshot.provenance["caveats"]
        for source in snapshot.provenance["sources"]:
            if source["input"] == "pycountry":
                assert source["version"] and source["licence"]
                continue
            assert len(source["source_sha256"]) == 64 and source["source_repository"]


def test_the_shipped_entries_hold_the_189_list_codes_and_the_announcement_items(shipped) -> None:
    entries = shipped["control-entries"].records
    codes = [e.code for e in entries]
    assert len(codes) == len(set(codes))
    listed = [
        e
        for e in entries
        if e.parent is None and (e.source == "cn-dual-use-control-list" or e.list_text_zh)
    ]
    assert len(listed) == 189
    assert {"1C909", "1C913", "3A001"} <= {e.code for e in entries if e.parent is None}
    assert sum(1 for e in entries if e.parent is not None) >= 60


def test_the_entries_are_sorted_by_code(shipped) -> None:
    from exportctl.reference.catalogue_records import code_sort_key

    codes = [e.code for e in shipped["control-entries"].records]
    assert codes == sorted(codes, key=code_sort_key)


def test_1c902_and_its_sub_item_1c902a_with_hs_code_2805301910(shipped) -> None:
    by_code = {e.code: e for e in shipped["control-entries"].records}
    assert by_code["1C902"].parent is None
    entry = by_code["1C902.a"]
    assert entry.parent == "1C902" and "2805301910" in entry.hs_codes and "钐" in entry.text_zh


def test_searching_text_for_samarium_finds_1c902(shipped) -> None:
    found = [e.code for e in find_by_text(shipped["control-entries"].records, "钐")]
    assert "1C902" in found and "1C902.a" in found


def test_the_eu_annex_is_not_a_source(snapshot_dir: Path) -> None:
    text = (snapshot_dir / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "NOT used" in text and "lost" in text.lower()
    assert not any("eu-dual-use-annex-i" in rel for rel, _, _ in INPUTS.values())


def test_hs_2805301910_is_flagged_and_named_after_its_hs8_parent(shipped) -> None:
    by_code = {h.code: h for h in shipped["hs-codes"].records}
    row = by_code["2805301910"]
    assert row.in_dual_use_catalogue_2026 and row.parent == "28053019"
    assert row.name_zh == by_code["28053019"].name_zh and row.names_from_parent
    assert row.control_codes == ("1C902.a",)
    assert "1C909.a" in by_code["28053019"].control_codes  # 2025 No. 57's 8-digit tariff line


def test_hs_rows_count_every_hs8_code_and_every_catalogue_code(shipped) -> None:
    rows = shipped["hs-codes"].records
    assert sum(1 for r in rows if len(r.code) == 8) == 8957
    assert sum(1 for r in rows if r.in_dual_use_catalogue_2026 and len(r.code) == 10) == 636
    assert sum(1 for r in rows if r.in_export_licence_goods_2026 and len(r.code) == 10) == 1159


@pytest.mark.parametrize(
    ("iso2", "name_zh", "partner"),
    [
        ("US", "美国", "502"),
        ("JP", "日本", "116"),
        ("TW", "中国台湾", "143"),
        ("HK", "香港", "110"),
        ("DE", "德国", "304"),
    ],
)
def test_countries_carry_chinese_names_and_customs_partner_codes(
    shipped, iso2, name_zh, partner
) -> None:
    country = next(c for c in shipped["countries"].records if c.iso2 == iso2)
    assert (country.name_zh, country.customs_partner_code) == (name_zh, partner)


def test_every_iso_country_is_present_once_and_partner_codes_are_unique(shipped) -> None:
    countries = shipped["countries"].records
    assert len(countries) == 249
    codes = [c.customs_partner_code for c in countries if c.customs_partner_code]
    assert len(codes) == len(set(codes))


def test_announcements_ship_an_excerpt_not_the_full_text(shipped) -> None:
    for a in shipped["announcements"].records:
        assert a.excerpt_zh is None or len(a.excerpt_zh) <= 301
    kinds = {a.key: a.kind for a in shipped["announcements"].records}
    assert kinds["商务部公告2026年第1号"] == "destination_measure"
    assert kinds["商务部公告2025年第70号"] == "suspension"
    assert kinds["商务部公告2025年第57号"] == "item_control"


# ---- damaged files are refused, naming where -----------------------------------------------------


def _rewrite(path: Path, edit) -> None:
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines(keepends=True)
    path.write_bytes(gzip.compress("".join(edit(lines)).encode("utf-8")))


@pytest.mark.parametrize(
    ("edit", "reason", "where"),
    [
        (lambda lines: lines[:-1], "count", "control_entries.jsonl.gz"),
        (
            lambda lines: [lines[0].replace("control-entries/1", "control-entries/9"), *lines[1:]],
            "format",
            "line 1",
        ),
        (lambda lines: [*lines[:3], lines[2], *lines[3:]], "duplicate", "line 4"),
        (lambda lines: [*lines[:5], "{not json\n", *lines[6:]], "invalid JSON", "line 6"),
        (
            lambda lines: [*lines[:5], lines[5].replace('"code":"', '"code":"x'), *lines[6:]],
            "not a valid",
            "line 6",
        ),
    ],
)
def test_a_damaged_snapshot_file_is_refused_naming_the_line(
    tmp_path, snapshot_dir, edit, reason, where
) -> None:
    path = tmp_path / "control_entries.jsonl.gz"
    shutil.copy(snapshot_dir / "control_entries.jsonl.gz", path)
    _rewrite(path, edit)
    with pytest.raises(MalformedFile, match=reason) as err:
        read_control_entries(path)
    assert where in err.value.location


def test_a_bad_input_changes_nothing_in_the_output(
    tmp_path: Path, shared: Path, built: Path
) -> None:
    fake = tmp_path / "shared"
    for rel, _, _ in INPUTS.values():
        (fake / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shared / rel, fake / rel)
        shutil.copy((shared / rel).parent / "PROVENANCE.md", (fake / rel).parent / "PROVENANCE.md")
    control_list = fake / INPUTS["control_list"][0]
    control_list.write_bytes(
        control_list.read_bytes().replace(b'"controlCode": "1C902"', b'"controlCode": "1C9O2"', 1)
    )
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(MalformedFile, match="1C9O2"):
        build_catalogue_snapshot(fake, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_the_command_line_reports_a_bad_input_in_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--shared", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error [malformed_file]:") and "\n" not in err
