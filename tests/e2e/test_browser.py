"""What an exporter and an auditor see in the browser, in Simplified Chinese and in English."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import OpenPage, switch_language, urlpath

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXPORTER_ORG = "演示甲材料科技有限公司"  # accounts/demo.py
OTHER_ORG = "演示乙电子有限公司"
MOFCOM_ANNOUNCEMENT = re.compile(r"商务部公告\d{4}年第\d+号")
UEL_ANNOUNCEMENT = re.compile(r"不可靠实体清单工作机制公告〔\d{4}〕\d+号")
SERVER_ERROR = re.compile(r"^.*(?:Internal Server Error|Error handling request).*$", re.M)


def header_vocabulary(lang: str) -> dict[str, str]:
    """What the page header can say (navigation, roles, sign out), msgid -> text in `lang`."""
    from django.utils import translation

    from exportctl.accounts.roles import Role
    from exportctl.web.context import NAV

    with translation.override("en"):  # English has no catalogue: a lazy label gives its msgid
        msgids = [str(label) for _, label, _ in NAV] + [str(label) for label in Role.labels]
    msgids += ["Administration", "Export control", "Sign out"]
    with translation.override(lang):
        return {m: translation.gettext(m) for m in msgids}


@pytest.fixture(scope="session")
def vocabulary() -> dict[str, dict[str, str]]:
    return {lang: header_vocabulary(lang) for lang in ("zh-hans", "en")}


def nav_labels(page: Page) -> list[str]:
    return [label.strip() for label in page.locator("header nav a").all_inner_texts()]


def status_of(page: Page, path: str) -> int:
    response = page.goto(path)
    assert response is not None, path
    return response.status


def test_exporter_sees_own_organisation_but_not_the_audit_trail(new_page: OpenPage) -> None:
    page = new_page("exporter")
    assert "本单位" in nav_labels(page)
    assert "审计日志" not in nav_labels(page)
    assert page.locator("header nav a[href='/audit/']").count() == 0
    assert page.locator("header nav a[href='/admin/']").count() == 0

    page.click("header nav a[href='/organisation/']")
    expect(page.locator("h1")).to_contain_text(EXPORTER_ORG)
    expect(page.locator("main")).not_to_contain_text(OTHER_ORG)

    assert status_of(page, "/audit/") == 403
    assert status_of(page, "/audit/?verify=1") == 403
    # The admin sends users without the list administrator role to its sign-in form.
    for path in ("/admin/", "/admin/accounts/user/"):
        assert status_of(page, path) == 200
        assert urlpath(page).startswith("/admin/login/"), page.url
        expect(page.locator("p.errornote")).to_contain_text(
            "exporter"
        )  # "……没有这个页面的访问权限"
        assert page.locator("#content-main .module, #content-main table").count() == 0


def test_auditor_sees_the_exporter_sign_in_and_an_intact_chain(new_page: OpenPage) -> None:
    new_page("exporter", fresh=True)  # the sign-in the auditor must find
    page = new_page("auditor")
    assert "审计日志" in nav_labels(page)
    assert "本单位" not in nav_labels(page)

    page.click("header nav a[href='/audit/']")
    expect(page.locator("h1")).to_have_text("审计日志")
    # Newest first: the exporter's sign-in is on the first page, shown as 登录 (accounts.sign_in).
    rows = page.locator("table.results tbody tr")
    exporter_sign_ins = rows.filter(has=page.locator("td[title='accounts.sign_in']")).filter(
        has=page.locator("td", has_text=re.compile(r"^exporter#\d+$"))
    )
    expect(exporter_sign_ins.first).to_be_visible()
    expect(exporter_sign_ins.first.locator("td[title='accounts.sign_in']")).to_have_text("登录")

    page.click("main form button[type=submit]")
    expect(page.locator("[data-verify=ok]")).to_contain_text("哈希链完整")
    assert page.locator("[data-verify=broken]").count() == 0

    assert status_of(page, "/organisation/") == 403


@pytest.mark.parametrize("query", ["钐", "samarium", "2805301910"])
def test_control_list_search_finds_samarium_1C902(new_page: OpenPage, query: str) -> None:
    page = new_page("exporter")
    page.goto("/control-list/")
    page.fill("form.search input[name=q]", query)
    page.click("form.search button[type=submit]")
    codes = page.locator("table.results tbody td:first-child a").all_inner_texts()
    assert any(c == "1C902" or c.startswith("1C902.") for c in codes), codes


@pytest.mark.parametrize("query", ["洛克希德", "Lockheed Martin"])
def test_party_search_shows_designations_with_announcement_numbers(
    new_page: OpenPage, query: str
) -> None:
    page = new_page("exporter")
    page.goto("/parties/")
    page.fill("form.search input[name=q]", query)
    page.click("form.search button[type=submit]")
    rows = page.locator("table.results tbody tr").filter(has_text="洛克希德·马丁公司")
    expect(rows.first).to_be_visible()
    designations = rows.locator(".designation").all_inner_texts()
    assert any(MOFCOM_ANNOUNCEMENT.search(d) for d in designations), designations
    assert any(UEL_ANNOUNCEMENT.search(d) for d in designations), designations


def test_language_buttons_switch_the_same_page(new_page: OpenPage) -> None:
    page = new_page("exporter")
    page.goto("/control-list/1C902/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("main dl.facts")).to_contain_text("管制理由")
    assert "管制清单" in nav_labels(page)

    switch_language(page, "en")
    assert urlpath(page) == "/control-list/1C902/"
    expect(page.locator("main dl.facts")).to_contain_text("Reason for control")
    expect(page.locator("h1")).to_contain_text("1C902")
    assert "Control list" in nav_labels(page)
    expect(page.locator("header .who")).to_contain_text("Exporter compliance officer")

    switch_language(page, "zh-hans")
    assert urlpath(page) == "/control-list/1C902/"
    expect(page.locator("main dl.facts")).to_contain_text("管制理由")
    expect(page.locator("header .who")).to_contain_text("出口经营者合规人员")


def test_sign_in_page_in_both_languages(new_page: OpenPage) -> None:
    page = new_page()
    page.goto("/")
    assert urlpath(page).startswith("/accounts/login/"), page.url
    expect(page.locator("main h1")).to_have_text("登录")
    switch_language(page, "en")
    assert urlpath(page).startswith("/accounts/login/"), page.url
    expect(page.locator("main h1")).to_have_text("Sign in")
    expect(page.locator("main label").first).to_contain_text("User name")


# Expected status per role; /admin/ answers 200 with its sign-in form for the other roles.
ROLE_ONLY = {
    "/organisation/": {"exporter": 200, "auditor": 403, "listadmin": 403},
    "/audit/": {"exporter": 403, "auditor": 200, "listadmin": 200},
    "/audit/?verify=1": {"exporter": 403, "auditor": 200, "listadmin": 200},
}
EVERYONE = [
    "/",
    "/control-list/",
    "/control-list/?q=钐",
    "/control-list/?category=1&group=C",
    "/control-list/1C902/",
    "/control-list/hs/2805301910/",
    "/parties/",
    "/parties/?q=Lockheed%20Martin",
    "/parties/lists/",
]


@pytest.mark.parametrize("user", ["exporter", "auditor", "listadmin"])
def test_every_page_renders_in_chinese_and_english(
    new_page: OpenPage, server: Any, vocabulary: dict[str, dict[str, str]], user: str
) -> None:
    """The pages above, and every page the user's navigation links to, in both languages."""
    log_mark = len(server.lines)
    page = new_page(user)
    page.goto("/parties/?q=洛克希德·马丁公司")
    entity = page.locator("table.results tbody a").first.get_attribute("href")
    page.goto("/parties/lists/")
    import_run = page.locator("main table").nth(1).locator("tbody a").first.get_attribute("href")
    assert entity and import_run
    pages = {path: 200 for path in [*EVERYONE, entity, import_run]}
    pages.update({path: statuses[user] for path, statuses in ROLE_ONLY.items()})
    nav = page.evaluate("[...document.querySelectorAll('header nav a')].map(a => a.pathname)")
    pages.update({path: 200 for path in nav if not path.startswith("/admin/")})

    for lang in ("zh-hans", "en"):
        page.goto("/")
        if page.locator("html").get_attribute("lang") != lang:
            switch_language(page, lang)
        for path, expected in pages.items():
            status = status_of(page, path)
            assert status == expected, f"{user} {lang} {path}: {status}"
            if status == 200:
                check_language(page, lang, f"{user} {lang} {path}", vocabulary)
        check_admin(page, user, lang)
        assert status_of(page, "/api/docs") == 200

    # Django logs a 500 as "Internal Server Error: <path>", gunicorn an escaped exception as
    # "Error handling request"; 403s and 404s are logged too, with tracebacks, and are expected.
    errors = SERVER_ERROR.findall(server.output(log_mark))
    assert not errors, server.output(log_mark)


def check_language(
    page: Page, lang: str, where: str, vocabulary: dict[str, dict[str, str]]
) -> None:
    # One round trip for what the walk checks on each page (a locator call per item is slow).
    seen = page.evaluate(HEADER_SCRIPT)
    labels = [label.strip() for label in seen["nav"]]
    assert seen["lang"] == lang, f"{where}: <html lang={seen['lang']!r}>"
    assert labels, f"{where}: no navigation"
    expected = vocabulary[lang]
    assert set(labels) <= set(expected.values()), f"{where}: not in the {lang} navigation: {labels}"
    if lang == "zh-hans":
        english = sorted(
            msgid for msgid in expected if re.search(rf"\b{re.escape(msgid)}\b", seen["header"])
        )
        assert not english, f"{where}: English in the Chinese header: {english}"


HEADER_SCRIPT = """() => ({
  lang: document.documentElement.lang,
  nav: [...document.querySelectorAll("header nav a")].map((a) => a.innerText),
  header: document.querySelector("header")?.innerText ?? "",
})"""


def check_admin(page: Page, user: str, lang: str) -> None:
    assert status_of(page, "/admin/") == 200
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if user != "listadmin":
        assert urlpath(page).startswith("/admin/login/"), page.url
        return
    assert urlpath(page) == "/admin/"
    # The app names are ours: they must follow the language too.
    expect(page.locator("#content-main")).to_contain_text(
        "管制清单" if lang == "zh-hans" else "Control lists"
    )


def test_stylesheet_is_served(new_page: OpenPage) -> None:
    page = new_page("exporter")
    hrefs = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)")
    assert hrefs
    for href in hrefs:
        assert page.request.get(href).status == 200, href


def test_screenshots_for_the_readme(new_page: OpenPage, tmp_path: Path) -> None:
    """The README's pictures, in Chinese; written to docs/ only when asked to, never by CI."""
    target = DOCS if os.environ.get("EXPORTCTL_UPDATE_SCREENSHOTS") == "1" else tmp_path
    if target == DOCS and not has_chinese_font():
        pytest.fail(
            "no Chinese font (apt-get install fonts-noto-cjk): screenshots would show boxes"
        )
    target.mkdir(exist_ok=True)
    page = new_page("exporter")
    page.goto("/control-list/1C902/")
    expect(page.locator("h1")).to_contain_text("1C902")
    page.screenshot(path=target / "screenshot-control-list.png", full_page=True)
    page.goto("/parties/?q=洛克希德")
    expect(page.locator("table.results .designation").first).to_be_visible()
    page.screenshot(path=target / "screenshot-parties.png", full_page=True)


def has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())
