"""Screening in the browser: hits with their explanation, four-eyes review, files, re-screening.

The demo has one exporter per organisation, so the four-eyes confirmation is shown with the
authority's staff (one organisation): the case officer proposes, the reviewer confirms.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import OpenPage, messages, press, switch_language, urlpath

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("screening_index")]

LISTED = "Lockheed Martin Corporation"  # 商务部公告2025年第1号 (control list) and the UEL
CONTROL_LIST = {"zh-hans": "出口管制管控名单", "en": "MOFCOM Export Control Control List"}
RECORDED = {"zh-hans": "处理决定已记录。", "en": "Decision recorded."}
FOUR_EYES = {
    "zh-hans": "双人复核原则：提议确认为真实命中的人员不得自行确认或驳回该提议",
    "en": "four eyes: the person who proposed a true match cannot confirm or reject it",
}


def screen(page: Page, name: str, country: str = "") -> str:
    """Screen a name on /screening/; return the path of the screened party's page."""
    page.goto("/screening/")
    form = page.locator("main form.screen-form")
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=country]").fill(country)
    press(page, form.locator("button[type=submit]"))
    path = urlpath(page)
    assert re.fullmatch(r"/screening/parties/\d+/", path), page.url
    return path


def hit(page: Page, matched_name: str, list_name: str) -> Locator:
    """The hit card for `matched_name` on the list called `list_name` (in the page's language)."""
    return (
        page.locator("main section.hit")
        .filter(has=page.locator("p strong", has_text=re.compile(rf"^{re.escape(matched_name)}$")))
        .filter(has=page.locator("span.tag", has_text=list_name))
    )


def decide(page: Page, card: Locator, action: str, reason: str = "") -> None:
    card.locator("input[name=reason]").fill(reason)
    press(page, card.locator(f"button[name=action][value={action}]"))


def test_exporter_reviews_hits_and_cannot_confirm_its_own_proposal(new_page: OpenPage) -> None:
    exporter = new_page("exporter")
    subject_path = screen(exporter, LISTED)
    expect(exporter.locator("main h1")).to_contain_text(LISTED)
    cards = exporter.locator("main section.hit")
    expect(cards.first).to_be_visible()
    for card in cards.all():  # every hit says why it matched and where the party is listed
        expect(card.locator("pre.explanation")).to_contain_text("阈值 0.70")
        expect(card.locator("span.tag").first).to_be_visible()
        expect(card.locator("h2 a")).to_have_attribute("href", re.compile(r"^/parties/\d+/$"))

    exact = hit(exporter, LISTED, CONTROL_LIST["zh-hans"])
    expect(exact).to_have_count(1)
    expect(exact.locator("h2")).to_contain_text("洛克希德·马丁公司")
    expect(exact.locator("h2 small")).to_contain_text("1.00")
    explanation = exact.locator("pre.explanation")
    expect(explanation).to_contain_text("“lockheed”对应“lockheed”：完全一致")
    expect(explanation).to_contain_text("列入：出口管制管控名单（商务部公告2025年第1号）")
    expect(explanation).to_contain_text("禁止向上述28家美国实体出口两用物项")

    # A sister company shares two words: not the party screened.
    ventures = hit(exporter, "Lockheed Martin Ventures", CONTROL_LIST["zh-hans"])
    expect(ventures).to_have_attribute("data-status", "open")
    decide(exporter, ventures, "false_positive", "风险投资子公司，非本次交易对象")
    assert messages(exporter) == [RECORDED["zh-hans"]]
    expect(ventures).to_have_attribute("data-status", "false_positive")
    expect(ventures.locator("ul.decisions")).to_contain_text("风险投资子公司，非本次交易对象")
    expect(ventures.locator("button[value=reopen]")).to_be_visible()

    decide(exporter, exact, "propose_true_match", "名称与国家一致")
    assert messages(exporter) == [RECORDED["zh-hans"]]
    expect(exact).to_have_attribute("data-status", "true_match_proposed")
    decide(exporter, exact, "confirm_true_match")
    assert messages(exporter) == [FOUR_EYES["zh-hans"]]
    expect(exact).to_have_attribute("data-status", "true_match_proposed")

    # Another organisation's exporter cannot see the screened party, nor find it in its list.
    other = new_page("exporter2")
    response = other.goto(subject_path)
    assert response is not None and response.status == 404, subject_path
    other.goto("/screening/")
    assert other.locator(f"main table a[href='{subject_path}']").count() == 0


def test_the_second_person_confirms_a_true_match(new_page: OpenPage) -> None:
    officer = new_page("officer")
    subject_path = screen(officer, LISTED, "US")
    switch_language(officer, "en")
    proposed = hit(officer, LISTED, CONTROL_LIST["en"])
    decide(officer, proposed, "propose_true_match", "Same name and country as the listing")
    assert messages(officer) == [RECORDED["en"]]
    decide(officer, proposed, "confirm_true_match")
    assert messages(officer) == [FOUR_EYES["en"]]

    reviewer = new_page("reviewer")
    reviewer.goto(subject_path)
    switch_language(reviewer, "en")
    card = hit(reviewer, LISTED, CONTROL_LIST["en"])
    expect(card.locator("h2 small")).to_contain_text("True match proposed")
    expect(card.locator("ul.decisions")).to_contain_text("officer · True match proposed")
    press(reviewer, card.get_by_role("button", name="Confirm true match"))
    assert messages(reviewer) == [RECORDED["en"]]
    expect(card).to_have_attribute("data-status", "true_match")
    expect(card.locator("h2 small")).to_contain_text("True match (confirmed)")
    expect(card.locator("ul.decisions li").last).to_contain_text("reviewer · True match confirmed")
    expect(card.locator("button[name=action]")).to_have_count(0)  # nothing left to decide


def test_a_file_of_parties_is_screened_and_the_result_downloaded(new_page: OpenPage) -> None:
    exporter = new_page("exporter")
    exporter.goto("/screening/file/")
    rows = [("Technische Universität München", "DE"), (LISTED, "US"), ("Siemens AG", "DE")]
    upload_file(exporter, "parties.csv", csv_bytes(["name", "country"], rows))
    assert re.fullmatch(r"/screening/file/\d+/", urlpath(exporter)), exporter.url
    expect(exporter.locator("main h1")).to_have_text("parties.csv")
    expect(exporter.locator("main p:not(.subnav)").first).to_contain_text("已筛查 3 行")
    matches = exporter.locator("main table.results tbody tr.match")
    expect(matches).to_have_count(1)
    expect(matches).to_contain_text(LISTED)
    expect(matches).to_contain_text("mofcom_control")

    with exporter.expect_download() as download:
        exporter.click("#download")
    assert re.fullmatch(r"screening-\d+\.csv", download.value.suggested_filename)
    result = list(csv.DictReader(io.StringIO(read_download(download.value, "utf-8-sig"))))
    assert [r["name"] for r in result] == [name for name, _ in rows]
    by_name = {r["name"]: r for r in result}
    assert by_name[LISTED]["match"] == "true"
    assert "mofcom_control" in by_name[LISTED]["list"].split(";")
    assert by_name[LISTED]["hit_name"] == LISTED
    assert "Lockheed Martin Corporation" in by_name[LISTED]["explanation"]
    assert {by_name[n]["match"] for n in ("Siemens AG", "Technische Universität München")} == {
        "false"
    }


def test_a_malformed_file_is_refused_naming_the_row(new_page: OpenPage) -> None:
    exporter = new_page("exporter")
    exporter.goto("/screening/file/")
    data = b"name,country\nACME GmbH,DE\nBeta Trading Ltd,HK,extra cell\n"
    upload_file(exporter, "broken.csv", data)
    assert urlpath(exporter) == "/screening/file/"
    assert messages(exporter) == ["broken.csv row 3: 3 cells but the header has 2 columns"]
    expect(exporter.locator("main table a", has_text="broken.csv")).to_have_count(0)


def test_a_list_import_rescreens_and_shows_the_new_hit(
    new_page: OpenPage, server: Any, tmp_path: Path
) -> None:
    """Last in this module: the import changes the lists, so the next screening re-indexes."""
    name = "Nordlicht Präzisionsoptik GmbH"
    exporter = new_page("exporter")
    subject_path = screen(exporter, name, "DE")
    expect(exporter.locator("main section.hit")).to_have_count(0)

    snapshot = tmp_path / "mofcom.jsonl.gz"
    add_listed_party(snapshot, key="e2e-rescreen-1", name_zh="北极光精密光学有限公司", name=name)
    done = server.exportctl("lists", "import", "mofcom", str(snapshot), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout)
    assert (summary["status"], summary["added"]) == ("applied", 1), summary

    exporter.goto("/screening/rescreens/")
    new_hit = exporter.locator("main table.results tbody tr").filter(has_text=name)
    expect(new_hit).to_have_count(1)
    expect(new_hit).to_contain_text("北极光精密光学有限公司")
    expect(new_hit.locator(f"a[href='{subject_path}']")).to_be_visible()
    exporter.goto(subject_path)
    expect(hit(exporter, name, CONTROL_LIST["zh-hans"])).to_have_attribute("data-status", "open")

    other = new_page("exporter2")
    other.goto("/screening/rescreens/")
    expect(other.locator("main table.results")).not_to_contain_text(name)


def add_listed_party(path: Path, *, key: str, name_zh: str, name: str) -> None:
    """The bundled MOFCOM snapshot plus one new control-listed German party, written to `path`."""
    from exportctl.reference.parties_snapshot import read_bundled, write_snapshot
    from exportctl.reference.records import Name

    bundled = read_bundled("mofcom")
    model = next(r for r in bundled.records if r.designations[0].list_code == "mofcom_control")
    designation = dataclasses.replace(
        model.designations[0],
        announcement="商务部公告2026年第99号（测试）",
        published=date(2026, 2, 27),
        effective=date(2026, 2, 27),
        status_history=(),
    )
    added = dataclasses.replace(
        model,
        key=key,
        names=(Name(name_zh, "primary", "zh", "Hani"), Name(name, "translation", "en", "Latn")),
        countries=("DE",),
        designations=(designation,),
    )
    write_snapshot(dataclasses.replace(bundled, records=[*bundled.records, added]), path)


def csv_bytes(header: list[str], rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def upload_file(page: Page, name: str, data: bytes) -> None:
    form = page.locator("#file-form")
    form.locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    press(page, form.locator("button[type=submit]"))


def read_download(download: Any, encoding: str) -> str:
    return Path(download.path()).read_text(encoding=encoding)
