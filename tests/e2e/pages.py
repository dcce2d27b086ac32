"""What the browser tests do on any page: sign in, switch language, read the flash messages."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

OpenPage = Callable[..., Page]  # the new_page fixture: new_page(user=None, *, fresh=False)


def sign_in(page: Page, user: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button.primary")
    expect(page.locator("header .who")).to_contain_text(user)


def switch_language(page: Page, lang: str) -> None:
    """Press the header's language button and wait for the page to come back in `lang`."""
    page.click(f"header form.lang button[data-lang={lang}]")
    expect(page.locator("html")).to_have_attribute("lang", lang)


def press(page: Page, target: Locator) -> None:
    """Click a button or link that loads another page, and wait until that page has loaded.

    (A click returns once the navigation starts: reading the page right after it could read
    the page before.)
    """
    with page.expect_navigation():
        target.click()


def urlpath(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url)


def messages(page: Page) -> list[str]:
    """The messages the last step left on the page (Django's messages framework)."""
    return [m.strip() for m in page.locator("main p.message").all_inner_texts()]
