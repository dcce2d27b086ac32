"""Malformed inputs are refused with MalformedFile naming the file, line, record or element."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats import bis_dpl, eu_fsf, mofcom, ofac_json, uk_json, un_xml

SHARED = Path(__file__).resolve().parents[3] / "../shared/data"
UN_FILE = SHARED / "un-sc-consolidated-list/un-consolidated-2026-02-27.xml.gz"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not present: {SHARED}")

UN_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS>{people}</INDIVIDUALS>
<ENTITIES/></CONSOLIDATED_LIST>
"""
PERSON = (
    "<INDIVIDUAL><DATAID>{id}</DATAID><FIRST_NAME>{name}</FIRST_NAME><UN_LIST_TYPE>DRC</UN_LIST_TYPE>"
    "<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER><LISTED_ON>2012-12-31</LISTED_ON></INDIVIDUAL>"
)


def un_xml_text(*people: tuple[str, str]) -> str:
    return UN_TEMPLATE.format(people="".join(PERSON.format(id=i, name=n) for i, n in people))


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def envelope(*records: dict[str, object]) -> str:
    document = {"sourceId": "x", "capturedAt": "2026-08-12", "records": list(records)}
    return json.dumps(document, ensure_ascii=False)


def test_small_valid_un_xml_parses(tmp_path: Path) -> None:
    snapshot = un_xml.parse(write(tmp_path / "un.xml", un_xml_text(("1", "ERIC"), ("2", "FRANK"))))
    assert [r.key for r in snapshot.records] == ["1", "2"]


@needs_shared
def test_truncated_un_xml_names_the_line_and_the_last_record(tmp_path: Path) -> None:
    xml = gzip.decompress(UN_FILE.read_bytes())
    path = write(tmp_path / "un.xml", xml[: len(xml) // 2])
    with pytest.raises(MalformedFile) as caught:
        un_xml.parse(path)
    assert "not well-formed" in caught.value.message
    assert caught.value.location and "line" in caught.value.location
    assert "after DATAID" in caught.value.location


@needs_shared
def test_truncated_gzip_is_refused(tmp_path: Path) -> None:
    raw = UN_FILE.read_bytes()
    path = write(tmp_path / "un.xml.gz", raw[: len(raw) // 2])
    with pytest.raises(MalformedFile, match="gzip stream is truncated"):
        un_xml.parse(path)


def test_utf16_xml_is_refused_saying_utf16(tmp_path: Path) -> None:
    text = un_xml_text(("1", "ERIC")).replace("UTF-8", "UTF-16")
    path = write(tmp_path / "un.xml", text.encode("utf-16"))
    with pytest.raises(MalformedFile, match="UTF-16"):
        un_xml.parse(path)


def test_gb18030_json_is_refused_saying_gb18030_and_the_line(tmp_path: Path) -> None:
    text = envelope(
        {"recordId": "1", "sourceList": "SDN", "entityName": "中国某公司", "entityType": "Entity"}
    )
    path = write(tmp_path / "ofac.json", text.replace(", ", ",\n").encode("gb18030"))
    with pytest.raises(MalformedFile, match="GB18030") as caught:
        ofac_json.parse(path)
    assert caught.value.location == "ofac.json line 5"  # the line of "entityName"


def test_duplicate_un_dataid_is_refused_naming_both_records(tmp_path: Path) -> None:
    path = write(tmp_path / "un.xml", un_xml_text(("7", "ERIC"), ("7", "FRANK")))
    with pytest.raises(MalformedFile, match="duplicate record id '7'") as caught:
        un_xml.parse(path)
    assert caught.value.location == "un.xml INDIVIDUAL #2 (DATAID 7)"


def test_un_individual_without_a_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "un.xml", un_xml_text(("1", "ERIC"), ("2", "")))
    with pytest.raises(MalformedFile, match="missing required field: name") as caught:
        un_xml.parse(path)
    assert caught.value.location == "un.xml INDIVIDUAL #2 (DATAID 2)"


def test_ofac_record_without_a_name_is_refused_with_its_index(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ofac.json",
        envelope({"recordId": "36", "sourceList": "SDN", "entityType": "Entity"}),
    )
    with pytest.raises(MalformedFile, match="entityName") as caught:
        ofac_json.parse(path)
    assert caught.value.location == "ofac.json records[0] (recordId '36')"


def test_uk_duplicate_record_id_is_refused(tmp_path: Path) -> None:
    row = {
        "recordId": "AFG0001",
        "entityName": "X",
        "designationType": "Entity",
        "designatedOn": "29/06/2012",
    }
    path = write(tmp_path / "uk.json", envelope(row, row))
    with pytest.raises(MalformedFile, match="duplicate record id 'AFG0001'") as caught:
        uk_json.parse(path)
    assert caught.value.location == "uk.json records[1] (recordId 'AFG0001')"


def test_uk_bad_designation_date_is_refused(tmp_path: Path) -> None:
    row = {
        "recordId": "A1",
        "entityName": "X",
        "designationType": "Entity",
        "designatedOn": "2012-06-29",
    }
    with pytest.raises(MalformedFile, match="designatedOn"):
        uk_json.parse(write(tmp_path / "uk.json", envelope(row)))


def test_eu_subject_without_a_name_is_refused_with_its_line(tmp_path: Path) -> None:
    good = {
        "eu_reference_number": "EU.1.1",
        "subject_type": {"code": "person"},
        "name_aliases": [{"whole_name": "A"}],
    }
    bad = {"eu_reference_number": "EU.2.2", "subject_type": {"code": "person"}, "name_aliases": []}
    path = write(tmp_path / "eu.jsonl", f"{json.dumps(good)}\n{json.dumps(bad)}\n")
    with pytest.raises(MalformedFile, match="name") as caught:
        eu_fsf.parse(path)
    assert caught.value.location == "eu.jsonl line 2 (EU.2.2)"


def test_eu_broken_json_line_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "eu.jsonl", '{"eu_reference_number": "EU.1.1",\n')
    with pytest.raises(MalformedFile, match="invalid JSON") as caught:
        eu_fsf.parse(path)
    assert caught.value.location and caught.value.location.startswith("eu.jsonl line 1 column")


BIS_HEADER = "\t".join(f'"{c}"' for c in bis_dpl.COLUMNS)


def bis_row(name: str, columns: int = 12) -> str:
    values = [
        name,
        "1 MAIN ST",
        "TRIPOLI",
        "",
        "LY",
        "",
        "09/01/1981",
        "",
        "Y",
        "2000-04-05",
        "",
        "46 F.R. 1",
    ]
    return "\t".join(f'"{v}"' for v in values[:columns])


def test_bis_row_without_a_name_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "dpl.txt", f"{BIS_HEADER}\n{bis_row('A')}\n{bis_row('')}\n")
    with pytest.raises(MalformedFile, match="Name") as caught:
        bis_dpl.parse(path)
    assert caught.value.location == "dpl.txt line 3"


def test_bis_row_with_missing_columns_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "dpl.txt", f"{BIS_HEADER}\n{bis_row('A', columns=10)}\n")
    with pytest.raises(MalformedFile, match="10 columns, expected 12"):
        bis_dpl.parse(path)


def test_bis_file_with_another_header_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedFile, match="header"):
        bis_dpl.parse(write(tmp_path / "dpl.txt", "Name\tCountry\n"))


def hub_row(record_id: str, name: str) -> dict[str, object]:
    return {
        "recordId": record_id,
        "listOrdinal": int(record_id.rsplit("-", 1)[1]),
        "entityName": name,
        "entityNameEn": "",
        "measureType": "export_control_control_list",
        "noticeNumber": "商务部公告2025年第1号",
        "noticeTitle": "商务部公告2025年第1号 公布将2家美国实体列入出口管制管控名单",
        "publishedAt": "2025-01-02",
        "restrictionSummary": "一、禁止向上述2家美国实体出口两用物项。",
    }


def mofcom_folder(tmp_path: Path, *rows: dict[str, object]) -> Path:
    folder = tmp_path / "cn-mofcom-controlled-parties"
    folder.mkdir()
    write(folder / "china-control-entities.json", envelope(*rows))
    return folder


def test_mofcom_hub_file_alone_parses_and_reads_countries_from_the_title(tmp_path: Path) -> None:
    folder = mofcom_folder(tmp_path, hub_row("商务部公告2025年第1号-1", "通用动力公司"))
    snapshot = mofcom.parse_source("mofcom", folder / "china-control-entities.json")
    (entity,) = snapshot.records
    assert entity.key == "商务部公告2025年第1号-1" and entity.countries == ("US",)
    assert entity.designations[0].measure_codes == ("dual_use_export_ban",)


def test_mofcom_entity_without_any_name_is_refused(tmp_path: Path) -> None:
    folder = mofcom_folder(tmp_path, hub_row("商务部公告2025年第1号-1", ""))
    with pytest.raises(MalformedFile, match="name") as caught:
        mofcom.parse_source("mofcom", folder)
    assert (
        caught.value.location
        == "china-control-entities.json records[0] (recordId '商务部公告2025年第1号-1')"
    )


def test_mofcom_duplicate_record_id_is_refused(tmp_path: Path) -> None:
    row = hub_row("商务部公告2025年第1号-1", "通用动力公司")
    folder = mofcom_folder(tmp_path, row, row)
    with pytest.raises(MalformedFile, match="duplicate record id"):
        mofcom.parse_source("mofcom", folder)


def test_ammitto_entity_without_a_name_is_refused_naming_the_entity(tmp_path: Path) -> None:
    folder = tmp_path / "cn-mofcom-controlled-parties"
    lists = folder / "ammitto-data-cn/sources/sanction-lists/anti-sanction-list"
    lists.mkdir(parents=True)
    write(
        lists / "20230407.yml",
        "announcement:\n  title:\n  - zh-Hans: 关于对美国某机构采取反制措施的决定\n"
        "  publish_date: '2023-04-07'\n  document_id: 第1号\n"
        "sanction_details:\n  entities:\n    - name:\n        zh-Hans: 哈德逊研究所\n"
        "      measures:\n        - zh-Hans: 冻结在我国境内的动产、不动产和其他各类财产\n"
        "    - name: {}\n",
    )
    with pytest.raises(MalformedFile, match="name") as caught:
        mofcom.parse_source("mfa", folder)
    assert caught.value.location == "20230407.yml entities[1]"


def test_ammitto_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "cn-mofcom-controlled-parties"
    lists = folder / "ammitto-data-cn/sources/sanction-lists/anti-sanction-list"
    lists.mkdir(parents=True)
    write(lists / "bad.yml", "announcement:\n  title: [unclosed\n")
    with pytest.raises(MalformedFile, match="invalid YAML") as caught:
        mofcom.parse_source("mfa", folder)
    assert caught.value.location and caught.value.location.startswith("bad.yml line")
