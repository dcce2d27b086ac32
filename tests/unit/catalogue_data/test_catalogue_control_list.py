"""The control list parser: 189 top-level codes, degraded text flagged, bad files refused.

Data: ../shared/data/cn-dual-use-control-list/china-control-list.json (June 2026 consolidated
list, code level; see its PROVENANCE.md).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_records import (
    CODE_PATTERN,
    SOURCE_ITEM_TYPE_BY_GROUP,
    SOURCE_REASON_BY_DIGIT,
    is_text_degraded,
)
from exportctl.reference.formats.control_list import parse_control_list
from exportctl.reference.formats.rawfile import read_raw

from .shared_data import CONTROL_LIST, needs_shared


@pytest.fixture(scope="module")
def entries(shared: Path):
    return parse_control_list(read_raw(CONTROL_LIST))


def test_the_list_has_189_top_level_codes(entries) -> None:
    assert len(entries) == 189
    assert all(e.parent is None and "." not in e.code for e in entries)
    assert len({e.code for e in entries}) == 189


def test_every_code_matches_the_official_pattern(entries) -> None:
    assert all(CODE_PATTERN.match(e.code) for e in entries)


def test_category_and_group_are_the_first_two_characters(entries) -> None:
    for e in entries:
        assert (e.category, e.group) == (int(e.code[0]), e.code[1])


def test_the_derived_reason_and_item_type_follow_the_code_characters(entries) -> None:
    # The repackager derived them from the code; MOFCOM's FAQ Q5 gives the same meanings.
    for e in entries:
        assert e.reason == SOURCE_REASON_BY_DIGIT[e.code[2]], e.code
        assert e.item_type == SOURCE_ITEM_TYPE_BY_GROUP[e.code[1]], e.code
        assert e.reason_derived


def test_1c902_is_the_samarium_entry(entries) -> None:
    entry = next(e for e in entries if e.code == "1C902")
    assert entry.text_zh.startswith("钐相关物项")


def test_no_list_text_is_complete_and_most_show_lost_digits(entries) -> None:
    assert not any(e.text_complete for e in entries)
    assert sum(e.text_degraded for e in entries) > 100


@pytest.mark.parametrize(
    ("text", "degraded"),
    [
        ("额定电压大于kV", True),  # the number before kV was lost
        ("工作压力为1.5～MPa", True),  # the upper bound was lost
        ("管制编码第位为数字", True),  # the ordinal was lost
        ("：．金属钐；．含钐的合金", True),  # the item numbers "1．", "2．" were lost
        ("硼-10（B）同位素", True),  # the superscript 10 was lost
        ("铟相关物项：a．磷化铟。3D软件", True),  # a heading ran into the text
        ("弹性极限超过800MPa", False),
        ("氢气通过量大于等于1000kg/h", False),
        ("密度大于17.5g/cm³", False),
        ("一个或多个", False),
        ("压实密度大于等于2.5 g/cm3且克容量大于等于156 mAh/g", False),
    ],
)
def test_degraded_text_is_recognised(text: str, degraded: bool) -> None:
    assert is_text_degraded(text) is degraded


# ---- bad files ---------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, payload: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(payload)
    return path


def _doc(*codes: str) -> dict:
    return {
        "sourceId": "china-control-list",
        "records": [
            {"recordId": c, "controlCode": c, "description": "钐相关物项", "itemType": "材料"}
            for c in codes
        ],
    }


def test_a_truncated_file_is_refused_with_line_and_column(tmp_path: Path) -> None:
    raw = json.dumps(_doc("1C902", "1C903"), ensure_ascii=False).encode("utf-8")[:-20]
    with pytest.raises(MalformedFile) as err:
        parse_control_list(read_raw(_write(tmp_path, "list.json", raw)))
    assert err.value.location.startswith("list.json line 1")


def test_a_truncated_gzip_file_is_refused(tmp_path: Path) -> None:
    raw = gzip.compress(json.dumps(_doc("1C902")).encode("utf-8"))[:-12]
    with pytest.raises(MalformedFile, match="gzip"):
        parse_control_list(read_raw(_write(tmp_path, "list.json.gz", raw)))


def test_a_file_in_a_chinese_legacy_encoding_is_refused(tmp_path: Path) -> None:
    raw = json.dumps(_doc("1C902"), ensure_ascii=False).encode("gb18030")
    with pytest.raises(MalformedFile, match="GB18030") as err:
        parse_control_list(read_raw(_write(tmp_path, "list.json", raw)))
    assert err.value.location.startswith("list.json")


def test_a_duplicate_code_is_refused_naming_both_records(tmp_path: Path) -> None:
    raw = json.dumps(_doc("1C902", "1C903", "1C902")).encode("utf-8")
    with pytest.raises(MalformedFile, match="duplicate") as err:
        parse_control_list(read_raw(_write(tmp_path, "list.json", raw)))
    assert "records[2]" in err.value.location
    assert "records[0]" in err.value.message


@pytest.mark.parametrize("code", ["1X902", "1c902", "1C90", "C902", "1C902.A", "1C902..a"])
def test_a_code_not_matching_the_pattern_is_refused_naming_the_record(
    tmp_path: Path, code: str
) -> None:
    raw = json.dumps(_doc("1C901", code)).encode("utf-8")
    with pytest.raises(MalformedFile, match="does not match") as err:
        parse_control_list(read_raw(_write(tmp_path, "list.json", raw)))
    assert "records[1]" in err.value.location


def test_a_sub_item_in_the_code_level_file_is_refused(tmp_path: Path) -> None:
    raw = json.dumps(_doc("1C902.a")).encode("utf-8")
    with pytest.raises(MalformedFile, match="sub-item"):
        parse_control_list(read_raw(_write(tmp_path, "list.json", raw)))


def test_a_record_without_description_is_refused(tmp_path: Path) -> None:
    doc = _doc("1C902")
    del doc["records"][0]["description"]
    with pytest.raises(MalformedFile, match="description") as err:
        parse_control_list(read_raw(_write(tmp_path, "list.json", json.dumps(doc).encode())))
    assert "records[0]" in err.value.location


@needs_shared
def test_the_real_file_parses_without_error() -> None:
    assert parse_control_list(read_raw(CONTROL_LIST))
