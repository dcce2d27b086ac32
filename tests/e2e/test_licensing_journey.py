"""A single licence from draft to licence in the browser, each step by the person who takes it.

The exporter applies in Chinese and, after the supplement request, carries on in English; the
authority's officer, reviewer and approver work in Chinese. The server's today is fixed
(conftest.SERVER_TODAY), so the time limit, the pause and the licence validity are exact.
"""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date, timedelta

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import SERVER_TODAY
from tests.e2e.pages import OpenPage, messages, press, switch_language, urlpath

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("screening_index")]

END_USER = "Technische Universität München"
SUPPLEMENT_NOTE = (
    "请补充最终用户的身份证明文件 / please add the end user's registration certificate"
)
EXPERT_NOTE = "稀土材料专家组：钐金属纯度与用途"
REVIEW_REASONS = "最终用户为高校，民用科研，数量与用途相符"
CONDITIONS = "仅限慕尼黑工业大学民用科研使用"
LICENCE_NUMBER = re.compile(r"^\d{2}-00-\d{6}$")  # YY-CC-NNNNNN, CC 00: the central authority
WORKING_DAYS_LEFT = re.compile(r"剩余 45 个工作日")  # accepted today: all 45 days are left
# Regulations Art. 15: a single licence is valid for at most one year from issue.
VALID_UNTIL = (date.fromisoformat(SERVER_TODAY) + timedelta(days=365)).isoformat()


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF showing `text` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def tiny_png() -> bytes:
    """A 1 x 1 grey PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1 x 1, 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def test_single_licence_from_draft_to_licence(new_page: OpenPage) -> None:
    exporter = new_page("exporter")
    case_path, reference = create_draft(exporter, "DE")
    contract = tiny_pdf("Contract DE-2026-001")
    upload(exporter, "contract", "contract.pdf", contract, "application/pdf")
    assert messages(exporter) == ["材料已上传。"]
    fill_application(exporter)
    press(exporter, exporter.locator("#application-form button[value=submit]"))  # then the case
    assert urlpath(exporter) == case_path
    expect(status(exporter)).to_have_attribute("data-status", "draft")
    step(exporter, "submit")
    expect(status(exporter)).to_have_attribute("data-status", "submitted")
    # The determination ran on submission and the end user was screened.
    expect(exporter.locator("[data-outcome]")).to_have_attribute("data-outcome", "licence_required")
    expect(exporter.locator("main h3:text-is('交易方筛查') + ul")).to_contain_text(END_USER)
    # The contract is kept as uploaded and served back as a download, never inline.
    document = exporter.locator("main a[href^='/licensing/documents/']", has_text="contract.pdf")
    served = exporter.request.get(document.get_attribute("href") or "")
    assert served.status == 200 and served.body() == contract
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["content-disposition"].startswith("attachment")

    officer = new_page("officer")
    expect_notification(officer, reference, case_path)
    officer.goto(case_path)
    step(officer, "request_supplement", note=SUPPLEMENT_NOTE)
    expect(status(officer)).to_have_attribute("data-status", "supplement_requested")

    resubmit_in_english(new_page, case_path, reference)

    officer.goto(case_path)
    step(officer, "accept")
    expect(status(officer)).to_have_attribute("data-status", "accepted")
    expect(officer.locator("main .clock")).to_contain_text(WORKING_DAYS_LEFT)
    officer.goto("/licensing/queue/")
    row = officer.locator(f"table.results tr[data-ref='{reference}']")
    expect(row.locator(".clock")).to_contain_text(WORKING_DAYS_LEFT)
    expect(row.locator(f"a[href='{case_path}']")).to_be_visible()

    officer.goto(case_path)
    step(officer, "start_review")
    expect(status(officer)).to_have_attribute("data-status", "under_review")
    consult_experts(officer, case_path, reference)

    reviewer = new_page("reviewer")
    expect_notification(reviewer, reference, case_path)
    reviewer.goto(case_path)
    assert reviewer.locator("form[data-step=approve]").count() == 0
    assert reviewer.locator("form[data-step=deny]").count() == 0
    propose = reviewer.locator("form[data-step=propose]")
    propose.locator("select[name=decision]").select_option("approve")
    propose.locator("input[name=conditions]").fill(CONDITIONS)
    propose.locator("input[name=factors][value=end_user_use]").check()
    step(reviewer, "propose", note=REVIEW_REASONS)
    expect(status(reviewer)).to_have_attribute("data-status", "proposed")
    assert reviewer.locator("form[data-step=approve]").count() == 0  # four eyes

    approver = new_page("approver")
    expect_notification(approver, reference, case_path)
    approver.goto(case_path)
    proposals = approver.locator("main section.card").filter(
        has=approver.locator("h2", has_text="审查意见")
    )
    expect(proposals).to_contain_text(REVIEW_REASONS)
    expect(proposals.locator(".factor")).to_have_text(["Art. 13(6): end user and end use"])
    step(approver, "approve")
    expect(status(approver)).to_have_attribute("data-status", "approved")

    see_the_licence(new_page, case_path, reference)


def create_draft(page: Page, destination: str) -> tuple[str, str]:
    """Create a single-licence draft from the dashboard; return its case path and reference."""
    page.goto("/licensing/")
    form = page.locator("main form[action='/licensing/new/']")
    form.locator("select[name=kind]").select_option("single")
    form.locator("input[name=destination]").fill(destination)
    press(page, form.locator("button[type=submit]"))
    assert re.fullmatch(r"/licensing/\d+/edit/", urlpath(page)), page.url
    reference = page.locator("main h1").inner_text().split()[0]
    assert re.fullmatch(r"EC\d{4}-\d{6}", reference), reference
    return urlpath(page).removesuffix("edit/"), reference


def upload(page: Page, kind: str, name: str, content: bytes, mime: str = "") -> None:
    """Upload a document from the edit page (its own form: unsaved fields are not kept)."""
    form = page.locator("main form[enctype='multipart/form-data']")
    form.locator("select[name=kind]").select_option(kind)
    form.locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": mime or "application/octet-stream", "buffer": content}]
    )
    press(page, form.locator("button[type=submit]"))


def fill_application(page: Page) -> None:
    """The application, one item, the end user and the signed certificate (Arts. 16, 24)."""
    form = page.locator("#application-form")
    fields = {
        "contract_number": "DE-2026-001",
        "contract_date": "2026-02-20",
        "end_use_statement_zh": "用于慕尼黑工业大学材料科学实验室的钐钴永磁材料研究。",
        "end_use_statement_en": "Research on samarium-cobalt permanent magnets at TUM.",
        "legal_representative": "张伟",
        "handler": "李娜",
        "handler_phone": "+86 21 5555 0100",
        "items-0-control_code": "1C902.a",
        "items-0-description": "钐金属 samarium metal",
        "items-0-hs_code": "2805301910",
        "items-0-quantity": "100",
        "items-0-unit": "kg",
        "items-0-value_cny": "250000",
        "parties-0-name": END_USER,
        "parties-0-country": "DE",
        "parties-0-address": "Arcisstraße 21, 80333 München",
        "cert-end_user": END_USER,
        "cert-address": "Arcisstraße 21, 80333 München",
        "cert-items": "1C902.a samarium metal, 100 kg",
        "cert-end_use": "Research on samarium-cobalt permanent magnets",
        "cert-signatory": "Prof. Dr. Anna Schmidt",
        "cert-signed_on": "2026-02-25",
    }
    for name, value in fields.items():
        form.locator(f"[name='{name}']").fill(value)
    form.locator("select[name=end_use_category]").select_option("civil")
    form.locator("select[name='parties-0-role']").select_option("end_user")
    form.locator("input[name='cert-no_retransfer']").check()
    form.locator("input[name='cert-no_change_of_use']").check()


def status(page: Page) -> Locator:
    return page.locator("main h1 [data-status]")


def step(page: Page, name: str, note: str = "") -> None:
    """Press the case page's button for step `name` (with a note) and wait for the answer."""
    form = page.locator(f"main form.step[data-step={name}]")
    if note:
        form.locator("input[name=note]").fill(note)
    press(page, form.locator("button[type=submit]"))
    assert messages(page) in (["已完成。"], ["Done."]), f"{name}: {messages(page)}"


def expect_notification(page: Page, reference: str, case_path: str) -> None:
    """The newest notification of the waiting person names the case and links to it."""
    page.goto("/licensing/notifications/")
    newest = page.locator("main ul li").first
    expect(newest).to_have_class("unread")
    expect(newest.locator("a")).to_contain_text(reference)
    expect(newest.locator("a")).to_have_attribute("href", case_path)


def resubmit_in_english(new_page: OpenPage, case_path: str, reference: str) -> None:
    """The exporter reads the supplement request, switches to English, adds a document, resubmits."""
    exporter = new_page("exporter")
    exporter.goto("/licensing/")
    notice = exporter.locator("main section.card li").first  # the dashboard's notifications
    expect(notice.locator("a")).to_contain_text(reference)
    press(exporter, notice.locator("a"))
    assert urlpath(exporter) == case_path
    expect(exporter.locator("li[data-action=request_supplement] .note")).to_have_text(
        SUPPLEMENT_NOTE
    )
    expect(status(exporter)).to_have_text("要求补正材料")

    switch_language(exporter, "en")
    expect(status(exporter)).to_have_text("Supplement requested")
    expect(exporter.locator("main section.actions h2")).to_have_text("Next steps")
    expect(exporter.locator("form[data-step=resubmit] button")).to_have_text("Resubmit")
    press(exporter, exporter.get_by_role("link", name="Edit the application"))
    assert urlpath(exporter) == f"{case_path}edit/"
    # What was saved comes back; the dates only in English (test_saved_dates_come_back_in_chinese).
    expect(exporter.locator("[name=contract_date]")).to_have_value("2026-02-20")
    expect(exporter.locator("[name='cert-signed_on']")).to_have_value("2026-02-25")
    expect(exporter.locator("[name='cert-no_retransfer']")).to_be_checked()

    upload(exporter, "id_documents", "registration.pdf", b"MZ\x90\x00 not a PDF", "application/pdf")
    assert messages(exporter) == ["The file's content does not match its type."]
    upload(exporter, "id_documents", "registration.png", tiny_png(), "image/png")
    assert messages(exporter) == ["Document uploaded."]
    documents = exporter.locator("main section.card").last.locator("ul li")
    expect(documents).to_have_count(2)
    expect(documents.last).to_contain_text("registration.png")
    expect(documents.last).to_contain_text("Identity documents")

    exporter.locator("#application-form [name=handler_phone]").fill("+86 21 5555 0199")
    press(exporter, exporter.locator("#application-form button[value=submit]"))
    assert urlpath(exporter) == case_path
    step(exporter, "resubmit")
    expect(status(exporter)).to_have_text("Submitted")
    expect(exporter.locator("li[data-action=resubmit]")).to_contain_text("Resubmit")


def consult_experts(officer: Page, case_path: str, reference: str) -> None:
    """Route the case to expert consultation: the clock stops (Art. 17 ¶3), then restarts."""
    pause = officer.locator("main form.step[data-step=pause_clock]")
    pause.locator("select[name=reason]").select_option("expert_consultation")
    pause.locator("input[name=note]").fill(EXPERT_NOTE)
    press(officer, pause.locator("button[type=submit]"))
    assert messages(officer) == ["已完成。"]
    expect(officer.locator("main p.warning")).to_contain_text("专家咨询")
    expect(officer.locator("main p.warning")).to_contain_text(SERVER_TODAY)
    expect(officer.locator("main .clock")).to_have_class(re.compile(r"\bpaused\b"))
    expect(officer.locator("main .clock")).to_contain_text("已中止计算")
    expect(officer.locator("li[data-action=pause_clock] .note")).to_have_text(EXPERT_NOTE)
    assert officer.locator("form[data-step=pause_clock]").count() == 0
    officer.goto("/licensing/queue/")
    expect(officer.locator(f"tr[data-ref='{reference}']")).to_have_class(re.compile(r"\bpaused\b"))

    officer.goto(case_path)
    step(officer, "resume_clock", note="专家意见：民用科研，无异议")
    expect(officer.locator("main p.warning")).to_have_count(0)
    expect(officer.locator("main .clock")).not_to_have_class(re.compile(r"\bpaused\b"))
    expect(officer.locator("li[data-action=resume_clock]")).to_be_visible()


def see_the_licence(new_page: OpenPage, case_path: str, reference: str) -> None:
    """The exporter finds the licence on the case page and its own page, in both languages."""
    exporter = new_page("exporter")
    expect_notification(exporter, reference, case_path)
    exporter.goto(case_path)
    expect(status(exporter)).to_have_attribute("data-status", "approved")
    link = exporter.locator("main a[data-licence]")
    number = link.inner_text()
    assert LICENCE_NUMBER.match(number), number
    issued = exporter.locator("main p.ok")
    expect(issued).to_contain_text("许可证已签发")
    expect(issued).to_contain_text(f"有效期至 {VALID_UNTIL}")
    # What stays with the authority: the proposal, the Art. 13 factors, the audit trail.
    headings = exporter.locator("main h2").all_inner_texts()
    assert not {"审查意见", "审计日志"} & {h.strip() for h in headings}, headings
    expect(exporter.locator("main")).not_to_contain_text("Art. 13(6)")
    assert exporter.locator("main li[data-action=propose]").count() == 0

    press(exporter, link)
    licence_path = urlpath(exporter)
    assert re.fullmatch(r"/licensing/licences/\d+/", licence_path), licence_path
    expect(exporter.locator("main h1")).to_contain_text(f"许可证 {number}")
    facts = exporter.locator("main dl.facts")
    expect(fact(facts, "类型")).to_have_text("单项许可")
    expect(fact(facts, "有效期至")).to_have_text(VALID_UNTIL)
    expect(fact(facts, "最终用户")).to_have_text(END_USER)
    expect(fact(facts, "许可条件")).to_have_text(CONDITIONS)
    expect(facts.locator(f"a[href='{case_path}']")).to_have_text(reference)
    line = exporter.locator("main table tbody tr").first
    expect(line).to_contain_text("1C902.a")
    expect(line).to_contain_text("2805301910")
    expect(line).to_contain_text("100.000 kg")

    switch_language(exporter, "en")
    assert urlpath(exporter) == licence_path
    expect(exporter.locator("main h1")).to_contain_text(f"Licence {number}")
    expect(fact(facts, "Kind")).to_have_text("Single licence")
    expect(fact(facts, "Valid until")).to_have_text(VALID_UNTIL)


def fact(facts: Locator, term: str) -> Locator:
    """The value of a `dl.facts` entry: the <dd> after the <dt> reading `term`."""
    return facts.locator(f"dt:text-is('{term}') + dd")


def test_a_draft_is_saved_before_the_certificate_is_ready(new_page: OpenPage) -> None:
    exporter = new_page("exporter")
    create_draft(exporter, "DE")
    form = exporter.locator("#application-form")
    form.locator("[name=contract_number]").fill("DE-2026-002")
    press(exporter, form.locator("button[value=stay]"))
    assert messages(exporter) == ["已保存。"]
    expect(exporter.locator("#application-form [name=contract_number]")).to_have_value(
        "DE-2026-002"
    )
    missing = exporter.locator("main div.warning li")  # said in the page's language
    expect(missing.filter(has_text="最终用户和最终用途证明文件（条例第二十四条）")).to_have_count(1)
    expect(missing.filter(has_text="合同号")).to_have_count(0)


def test_saved_dates_come_back_in_chinese(new_page: OpenPage) -> None:
    exporter = new_page("exporter")
    create_draft(exporter, "DE")
    form = exporter.locator("#application-form")
    form.locator("[name=contract_date]").fill("2026-02-20")
    press(exporter, form.locator("button[value=stay]"))
    assert messages(exporter) == ["已保存。"]
    expect(exporter.locator("[name=contract_date]")).to_have_value("2026-02-20", timeout=1_000)
