"""The bundled snapshot format: round trip, detection, validation, the committed snapshot."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from exportctl.core.errors import MalformedFile
from exportctl.reference.lists import LISTS
from exportctl.reference.parties_snapshot import (
    FORMAT,
    bundled_path,
    compact_json,
    is_snapshot,
    read_bundled,
    read_snapshot,
    write_snapshot,
)
from exportctl.reference.records import (
    Designation,
    EntityRecord,
    Identifier,
    Name,
    Provenance,
    SourceSnapshot,
    StatusChange,
)
from exportctl.reference.sources import SOURCES

SHARED = Path(__file__).resolve().parents[3] / "../shared/data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not present: {SHARED}")


def sample() -> SourceSnapshot:
    suspended = StatusChange("suspended", date(2025, 5, 14), date(2025, 8, 12), "答记者问", "90天")
    designation = Designation(
        list_code="uel",
        announcement="不可靠实体清单工作机制公告〔2025〕7号",
        published=date(2025, 4, 4),
        measures=("禁止上述企业在中国境内新增投资",),
        measure_codes=("new_investment_ban",),
        status="suspended",
        status_history=(suspended,),
    )
    records = [
        EntityRecord(
            source="uel",
            key="b",
            schema="Organization",
            names=(
                Name("斯凯迪奥公司", "primary", "zh", "Hani"),
                Name("Skydio Inc.", "translation", "en"),
            ),
            countries=("US",),
            designations=(designation,),
        ),
        EntityRecord(
            source="uel",
            key="a",
            schema="Person",
            names=(Name("X"),),
            identifiers=(Identifier("passport", "P1", "US"),),
            birth_dates=("1956",),
            remarks="r",
        ),
    ]
    provenance = Provenance("publisher", "file.json", "0" * 64, list_date=date(2025, 11, 5))
    return SourceSnapshot("uel", provenance, records)


def test_snapshot_round_trip_gives_equal_records_sorted_by_key(tmp_path: Path) -> None:
    original = sample()
    path = tmp_path / "uel.jsonl.gz"
    assert write_snapshot(original, path) == 2
    back = read_snapshot(path)
    assert back.source == "uel" and back.provenance == original.provenance
    assert back.records == sorted(original.records, key=lambda r: r.key)


def test_snapshot_header_states_format_source_count_and_provenance(tmp_path: Path) -> None:
    path = tmp_path / "uel.jsonl.gz"
    write_snapshot(sample(), path)
    header = json.loads(gzip.decompress(path.read_bytes()).split(b"\n")[0])
    assert header["format"] == FORMAT and header["source"] == "uel" and header["count"] == 2
    assert header["provenance"]["list_date"] == "2025-11-05"


def test_writing_twice_gives_identical_bytes(tmp_path: Path) -> None:
    write_snapshot(sample(), tmp_path / "one.gz")
    write_snapshot(sample(), tmp_path / "two.gz")
    assert (tmp_path / "one.gz").read_bytes() == (tmp_path / "two.gz").read_bytes()


def test_compact_json_is_to_json_without_empty_values() -> None:
    for record in sample().records:
        full = record.to_json()
        assert compact_json(record) == _drop_empty(full)


def _drop_empty(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    return [_drop_empty(v) for v in value] if isinstance(value, list) else value


def test_is_snapshot_tells_a_snapshot_from_an_official_file(tmp_path: Path) -> None:
    write_snapshot(sample(), tmp_path / "uel.jsonl.gz")
    (tmp_path / "other.json").write_text('{"records": []}', encoding="utf-8")
    (tmp_path / "bytes.bin").write_bytes(b"\x1f\x8b\x00garbage")
    assert is_snapshot(tmp_path / "uel.jsonl.gz")
    assert not is_snapshot(tmp_path / "other.json")
    assert not is_snapshot(tmp_path / "bytes.bin")
    assert not is_snapshot(tmp_path / "missing.gz")


def lines_of(path: Path) -> list[str]:
    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()


def rewrite(path: Path, lines: list[str]) -> Path:
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return path


@pytest.mark.parametrize(
    ("edit", "message", "location"),
    [
        (lambda ls: [ls[0], ls[1]], "header count is 2 but the file has 1", "line 1"),
        (
            lambda ls: [ls[0].replace('"count":2', '"count":3'), ls[1], ls[1]],
            "duplicate record id 'a'",
            "line 3",
        ),
        (
            lambda ls: [
                ls[0],
                ls[1].replace('"names":[{"kind":"alias","value":"X"}]', '"names":[]'),
                ls[2],
            ],
            "names",
            "line 2",
        ),
        (lambda ls: [ls[0], ls[1][:20], ls[2]], "invalid JSON", "line 2"),
        (lambda ls: [ls[0].replace(FORMAT, "other/1"), *ls[1:]], "header", "line 1"),
    ],
)
def test_read_snapshot_refuses_a_bad_file_naming_the_line(
    tmp_path: Path, edit: object, message: str, location: str
) -> None:
    path = tmp_path / "uel.jsonl.gz"
    write_snapshot(sample(), path)
    rewrite(path, edit(lines_of(path)))  # type: ignore[operator]
    with pytest.raises(MalformedFile, match=message) as caught:
        read_snapshot(path)
    assert caught.value.location and location in caught.value.location


def test_bundled_snapshots_exist_for_every_source_and_read_without_shared_data() -> None:
    for code, info in SOURCES.items():
        snapshot = read_bundled(code)
        assert snapshot.source == code and snapshot.records
        lists = {d.list_code for r in snapshot.records for d in r.designations}
        assert lists == set(info.list_codes) and lists <= set(LISTS)


def test_bundled_snapshot_counts_match_provenance() -> None:
    counts = {code: len(read_bundled(code).records) for code in SOURCES}
    assert counts == {
        "un": 1003,
        "ofac": 19680,
        "uk": 6334,
        "eu": 6457,
        "bis_dpl": 461,
        "mofcom": 193,
        "uel": 82,
        "mfa": 138,
    }


def test_bundled_snapshots_are_small() -> None:
    total = sum(bundled_path(code).stat().st_size for code in SOURCES)
    assert total < 4_000_000


@needs_shared
@pytest.mark.parametrize("code", ["mofcom", "uel", "mfa", "un", "bis_dpl"])
def test_bundled_snapshot_is_what_the_shared_data_builds(tmp_path: Path, code: str) -> None:
    write_snapshot(SOURCES[code].parse_default(SHARED), tmp_path / f"{code}.jsonl.gz")
    assert (tmp_path / f"{code}.jsonl.gz").read_bytes() == bundled_path(code).read_bytes()
