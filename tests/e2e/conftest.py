"""The real system under a browser: `exportctl run` in a subprocess, headless Debian Chromium.

The server gets a fresh data directory and, when DATABASE_URL points at PostgreSQL, a fresh
database of its own, so a browser run never touches the database pytest-django manages.
Under pytest-xdist each worker is one session and starts its own server.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import pytest

from tests.e2e.pages import OpenPage, press, sign_in

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 300  # migrate + import every bundled list on a cold data directory
INDEX_SECONDS = 300  # a cold screening index: built (~30 s) or loaded from the data directory
# The server's "today" (EXPORTCTL_TODAY): a working day in a year with calendar data, so time
# limits, pauses and licence validity come out the same on every run.
SERVER_TODAY = "2026-03-02"
# `  officer    case_officer     <password>   <organisation>` after "Demo accounts": see cli/main.py
DEMO_ACCOUNT_LINE = re.compile(r"^\s+(?P<user>\w+)\s+(?P<role>[a-z_]+)\s+(?P<password>\S+)\s+\S")


@dataclass
class Server:
    """A running `exportctl run`: its base URL, demo passwords and everything it printed."""

    url: str
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    passwords: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)  # data directory, database, today

    def output(self, since: int = 0) -> str:
        return "".join(self.lines[since:])

    def exportctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run an `exportctl` command on this server's data directory and database."""
        return subprocess.run(
            [*_exportctl_command(), *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=STARTUP_SECONDS,
            check=False,
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _exportctl_command() -> list[str]:
    script = Path(sys.executable).parent / "exportctl"
    return [str(script)] if script.exists() else [sys.executable, "-m", "exportctl.cli.main"]


def _parse_passwords(output: str) -> dict[str, str]:
    _, marker, accounts = output.partition("Demo accounts")
    if not marker:
        return {}
    return {
        m["user"]: m["password"]
        for line in accounts.splitlines()
        if (m := DEMO_ACCOUNT_LINE.match(line))
    }


def _collect(stream: IO[str], lines: list[str]) -> None:
    """Keep reading the server's output so its pipe never fills up and blocks it."""
    for line in stream:
        lines.append(line)


def _is_postgres(url: str) -> bool:
    return urlparse(url).scheme in {"postgres", "postgresql"}


def _create_postgres_database(url: str) -> tuple[str, str]:
    """Create `<db>_e2e_<pid>` next to the database of `url`; return its URL and name."""
    import psycopg
    from psycopg import sql

    parsed = urlparse(url)
    name = f"{unquote(parsed.path.lstrip('/')) or 'exportctl'}_e2e_{os.getpid()}"
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return parsed._replace(path=f"/{name}").geturl(), name


def _drop_postgres_database(url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        urlparse(url)._replace(path="/postgres").geturl(), autocommit=True
    ) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _wait_for_health(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"exportctl run exited with {server.process.returncode}:\n{server.output()[-4000:]}"
            )
        try:
            with urllib.request.urlopen(f"{server.url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(
        f"exportctl run did not answer /health in {STARTUP_SECONDS}s:\n{server.output()[-4000:]}"
    )


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`exportctl run` on a free port with a fresh data directory (and PostgreSQL database)."""
    env = {
        **os.environ,
        "EXPORTCTL_DATA_DIR": str(tmp_path_factory.mktemp("exportctl-data")),
        "EXPORTCTL_SECRET_KEY": secrets.token_urlsafe(32),
        "EXPORTCTL_DEBUG": "0",  # the production error pages, as users see them
        "PYTHONUNBUFFERED": "1",  # the demo passwords are printed before the server blocks
        "COLUMNS": "200",  # Rich wraps at 80 columns when stdout is a pipe
        "EXPORTCTL_TODAY": SERVER_TODAY,
    }
    database_url = env.pop("DATABASE_URL", "")
    created: tuple[str, str] | None = None
    if _is_postgres(database_url):
        created = _create_postgres_database(database_url)
        env["DATABASE_URL"] = created[0]
    port = _free_port()
    process = subprocess.Popen(
        [*_exportctl_command(), "run", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    running = Server(url=f"http://127.0.0.1:{port}", process=process, env=env)
    assert process.stdout is not None
    reader = threading.Thread(target=_collect, args=(process.stdout, running.lines), daemon=True)
    reader.start()
    try:
        _wait_for_health(running)
        running.passwords = _parse_passwords(running.output())
        assert {"exporter", "auditor", "listadmin"} <= running.passwords.keys(), running.output()
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        if created is not None:
            _drop_postgres_database(database_url, created[1])


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def signed_in() -> dict[str, Any]:
    """Browser storage (the session cookie) of each user's first sign-in, to reuse it."""
    return {}


@pytest.fixture
def new_page(server: Server, browser: Browser, signed_in: dict[str, Any]) -> Iterator[OpenPage]:
    """Open a page in a fresh browser context, signed in as `user` when given.

    A user signs in through the form once per session; later pages reuse that session cookie,
    unless `fresh=True` asks for a new sign-in (which the audit trail records). Either way a
    signed-in page starts on the home page.
    """
    # `server` comes first so that it starts before the browser and stops after it: gunicorn
    # stops at once when no browser connection is left open, instead of waiting for them.
    contexts = []

    def open_page(user: str | None = None, *, fresh: bool = False) -> Page:
        # A Chinese browser (Accept-Language zh-CN), as the authority's and exporters' staff use.
        context = browser.new_context(
            base_url=server.url,
            locale="zh-CN",
            viewport={"width": 1280, "height": 900},
            storage_state=None if user is None or fresh else signed_in.get(user),
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        if user is not None and (fresh or user not in signed_in):
            sign_in(page, user, server.passwords[user])
            signed_in[user] = context.storage_state()
        elif user is not None:
            page.goto("/")
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screening_index(server: Server, browser: Browser) -> None:
    """Screen one name, so the server holds its screening index before the tests need it.

    The first screening (of a name, a file, an application's parties or a determination's)
    loads the index of every listed party, or builds it when the data directory has none: the
    test that happened to screen first would wait for it under a click's 15 s. The customs
    officer screens: no other test looks at the customs organisation's screened parties.
    """
    context = browser.new_context(base_url=server.url, locale="zh-CN")
    context.set_default_timeout(INDEX_SECONDS * 1000)
    try:
        page = context.new_page()
        sign_in(page, "customs", server.passwords["customs"])
        page.goto("/screening/")
        page.fill("input[name=name]", "Index warm-up")
        press(page, page.locator("main form.screen-form button[type=submit]"))
        assert "/screening/parties/" in page.url, page.url
    finally:
        context.close()
