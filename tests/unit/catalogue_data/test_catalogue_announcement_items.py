"""The curated item entries: nothing in them is invented, and the extractor agrees with them.

Data: ../shared/data/cn-mofcom-notices (full texts of 2025 Nos. 10, 57, 58, 62 ...),
../shared/data/cn-dual-use-control-list (the text of 1C902-1C908, whose announcement 2025 No. 18
is not in the data) and ../shared/data/cn-dual-use-licence-catalogue-hs-2026.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_records import top_code
from exportctl.reference.formats import notices
from exportctl.reference.formats.rawfile import read_raw

from .shared_data import CONTROL_LIST, DUAL_USE_HS

CURATED = notices.load_curated_items(
    read_raw(
        Path(notices.__file__).parents[1]
        / "snapshot"
        / "catalogue"
        / "items_from_announcements.yaml"
    )
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def list_texts(shared: Path) -> dict[str, str]:
    doc = json.loads(CONTROL_LIST.read_text(encoding="utf-8"))
    return {r["controlCode"]: r["description"] for r in doc["records"]}


@pytest.fixture(scope="module")
def catalogue_hs(shared: Path) -> set[str]:
    return set(json.loads(DUAL_USE_HS.read_text(encoding="utf-8"))["codes"])


@pytest.mark.parametrize("entry", CURATED.entries, ids=lambda e: e.code)
def test_every_curated_entry_occurs_in_the_text_it_cites(
    entry, notice_texts, list_texts, catalogue_hs
) -> None:
    verified_in = CURATED.verified_in[entry.code]
    if verified_in == notices.LIST_SOURCE:
        source = _squash(list_texts[top_code(entry.code)])
        assert top_code(entry.code) in list_texts
        for hs in entry.hs_codes:  # the list prints no HS codes: they must be in the catalogue
            assert hs in catalogue_hs, hs
    else:
        announcement, text = notice_texts[verified_in]
        source = _squash(text)
        assert entry.code in source
        for hs in entry.hs_codes:
            assert hs in source, hs
        assert notices.canonical_key(entry.source_announcement) == announcement.key
        assert entry.effective_from == announcement.effective
    for line in entry.text_zh.splitlines():
        assert _squash(line) in source, line


@pytest.mark.parametrize(
    "key",
    [
        "商务部公告2025年第10号",
        "商务部公告2025年第57号",
        "商务部公告2025年第58号",
        "商务部公告2025年第62号",
    ],
)
def test_the_curated_file_and_the_extractor_agree(key: str, notice_texts) -> None:
    _, text = notice_texts[key]
    extracted = {i.code: i for i in notices.extract_items(text)}
    curated = {e.code: e for e in CURATED.entries if CURATED.verified_in[e.code] == key}
    assert set(curated) == set(extracted)
    for code, entry in curated.items():
        assert entry.text_zh == extracted[code].text_zh
        assert entry.hs_codes == extracted[code].hs_codes


def test_codes_introduced_by_2025_no_10_have_all_their_sub_items_printed_there(
    notice_texts, list_texts
) -> None:
    _, text = notice_texts["商务部公告2025年第10号"]
    for code, number, _, _ in CURATED.introduced:
        if notices.canonical_key(number) != "商务部公告2025年第10号":
            continue
        printed = {i.code for i in notices.extract_items(text) if i.code.startswith(f"{code}.")}
        assert printed, code
        # Every sub-item letter the list's (degraded) snippet still shows is one No. 10 prints.
        for letter in re.findall(r"(?:^|[：；。])([a-h])．", list_texts[code]):
            assert f"{code}.{letter}" in printed


def test_1c902a_hs_codes_include_2805301910_and_its_text_mentions_samarium() -> None:
    entry = next(e for e in CURATED.entries if e.code == "1C902.a")
    assert "2805301910" in entry.hs_codes
    assert "钐" in entry.text_zh
    assert entry.parent == "1C902"
    assert entry.text_degraded  # the list lost its item numbers ("：．金属钐")


def test_1c902a_hs_code_is_printed_in_the_2026_dual_use_catalogue(catalogue_hs) -> None:
    assert "2805301910" in catalogue_hs


def test_the_repackager_parser_collected_exclusions_as_controlled_codes(notice_texts) -> None:
    # 2025 No. 10 says "非1C226、1C241项下管制的钨": 1C226/1C241 are exclusions, not its items.
    _, text = notice_texts["商务部公告2025年第10号"]
    raw = json.loads(
        __import__("gzip").decompress(
            (
                CONTROL_LIST.parents[1] / "cn-mofcom-notices" / "china-dual-use-notices.json.gz"
            ).read_bytes()
        )
    )
    row = next(
        r
        for r in raw["records"]
        if r.get("noticeNumber") == "商务部公告2025年第10号" and r.get("hsCodes")
    )
    gaps = notices.parser_discrepancies(tuple(row["controlCodes"]), text)
    assert {"1C226", "1C229", "1C241"} <= set(gaps["only_in_parser"])
    assert gaps["only_in_text"] == ()


def test_2025_no_58_spells_out_8_digit_tariff_lines_the_parser_missed(notice_texts) -> None:
    _, text = notice_texts["商务部公告2025年第58号"]
    items = {i.code: i for i in notices.extract_items(text)}
    assert items["3A001"].hs_codes == ("85076000",)
    assert items["3C901.a.2"].hs_codes == ("28539030", "28539050")


def test_1e101b_printed_twice_keeps_both_printings() -> None:
    entry = next(e for e in CURATED.entries if e.code == "1E101.b")
    assert entry.text_zh.count("\n") == 1
    assert "1C117.b" in entry.text_zh and "1C117.d" in entry.text_zh


# ---- the curated file refuses mistakes ---------------------------------------------------------

_GOOD = """\
format: exportctl-announcement-items/1
entries:
  - code: 1C117.d
    parent: 1C117
    text_zh: "钨相关材料"
    hs_codes: ["2841801000"]
    announcement: 商务部 海关总署公告2025年第10号
    effective_from: 2025-02-04
    citation: "一（一）"
    verified_in: 商务部公告2025年第10号
"""


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (("code: 1C117.d", "code: 1c117.d"), "does not match"),
        (("parent: 1C117", "parent: 1C118"), "parent"),
        (('["2841801000"]', '["284180100"]'), "8- or 10-digit"),
        (("effective_from: 2025-02-04", "effective_from: 2025-02-30"), "must be a date"),
        (('    citation: "一（一）"\n', ""), "citation"),
        (("    verified_in:", "    verifed_in:"), "unknown field"),
    ],
)
def test_a_bad_curated_entry_is_refused_naming_it(tmp_path: Path, change, reason) -> None:
    path = tmp_path / "items.yaml"
    path.write_text(_GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(MalformedFile, match=reason) as err:
        notices.load_curated_items(read_raw(path))
    assert err.value.location.startswith("items.yaml")


def test_a_duplicate_curated_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "items.yaml"
    path.write_text(_GOOD + _GOOD.split("entries:\n", 1)[1], encoding="utf-8")
    with pytest.raises(MalformedFile, match=r"duplicate code 1C117\.d"):
        notices.load_curated_items(read_raw(path))
