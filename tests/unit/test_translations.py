"""The Simplified Chinese catalogue is complete, not fuzzy, and compiled from the current .po."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "exportctl" / "locale"
PO = LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


@dataclass
class Entry:
    """One message of a .po file, as gettext tools read it."""

    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)

    @property
    def key(self) -> str | tuple[str, int]:
        """The key Python's GNUTranslations uses for this message in its catalogue."""
        msgid = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        return (msgid, 0) if self.msgid_plural is not None else msgid


def _unquote(text: str) -> str:
    body = text.strip()
    if not (body.startswith('"') and body.endswith('"')):
        raise ValueError(f"not a quoted PO string: {text!r}")
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), body[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """Parse a .po file into entries (obsolete `#~` entries are skipped, as msgfmt does)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    field_name = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry = None
            continue
        if line.startswith("#~"):
            continue
        if entry is None:
            entry = Entry(line=number)
            entries.append(entry)
        if line.startswith("#,"):
            entry.flags.update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, field_name, _unquote(line))
        else:
            field_name, _, value = line.partition(" ")
            _append(entry, field_name, _unquote(value), start=True)
    return entries


def _append(entry: Entry, field_name: str, text: str, start: bool = False) -> None:
    if field_name == "msgctxt":
        entry.msgctxt = text if start else (entry.msgctxt or "") + text
    elif field_name == "msgid":
        entry.msgid = text if start else entry.msgid + text
    elif field_name == "msgid_plural":
        entry.msgid_plural = text if start else (entry.msgid_plural or "") + text
    elif m := re.fullmatch(r"msgstr(?:\[(\d+)\])?", field_name):
        index = int(m.group(1) or 0)
        entry.msgstr[index] = text if start else entry.msgstr.get(index, "") + text
    else:
        raise ValueError(f"unexpected PO keyword {field_name!r} in entry at line {entry.line}")


@pytest.fixture(scope="module")
def po_entries() -> list[Entry]:
    return parse_po(PO)


@pytest.fixture(scope="module")
def messages(po_entries: list[Entry]) -> list[Entry]:
    """Every entry but the header."""
    return [e for e in po_entries if e.msgid]


@pytest.fixture(scope="module")
def mo_catalogue() -> dict[object, str]:
    with MO.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def test_catalogue_has_messages(messages: list[Entry]) -> None:
    assert len(messages) > 100, f"{PO} looks truncated: {len(messages)} messages"


def test_no_message_has_an_empty_translation(messages: list[Entry]) -> None:
    empty = [
        f"line {e.line}: {e.msgid!r}"
        for e in messages
        if not e.msgstr or not all(s.strip() for s in e.msgstr.values())
    ]
    assert not empty, "untranslated:\n" + "\n".join(empty)


def test_no_entry_is_fuzzy(po_entries: list[Entry]) -> None:
    # The header counts too: msgfmt skips a fuzzy header and the plural rule with it.
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in po_entries if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy entries (review, then remove the flag):\n" + "\n".join(fuzzy)


def test_chinese_has_one_plural_form(po_entries: list[Entry], messages: list[Entry]) -> None:
    header = po_entries[0]
    assert header.msgid == "", "the .po must start with its header"
    assert "Plural-Forms: nplurals=1; plural=0;" in header.msgstr[0]
    plurals = [e for e in messages if e.msgid_plural is not None]
    assert plurals, "the catalogue has plural messages (home page count)"
    wrong = [f"line {e.line}: {sorted(e.msgstr)}" for e in plurals if sorted(e.msgstr) != [0]]
    assert not wrong, "Chinese plural messages need exactly msgstr[0]:\n" + "\n".join(wrong)


def test_placeholders_survive_translation(messages: list[Entry]) -> None:
    def names(text: str) -> set[str]:
        return {a or b for a, b in PLACEHOLDER.findall(text)}

    wrong = [
        f"line {e.line}: {e.msgid!r} -> {s!r}"
        for e in messages
        for s in e.msgstr.values()
        if names(s) != names(e.msgid)
    ]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_mo_is_not_older_than_po() -> None:
    # Git does not keep modification times and checks out django.mo before django.po, so a
    # fresh clone may show the .mo a moment older; an edit after the last compile is minutes.
    slack_seconds = 5
    assert MO.exists(), f"{MO} is missing: run `make messages`"
    assert MO.stat().st_mtime + slack_seconds >= PO.stat().st_mtime, (
        f"{MO.name} is older than {PO.name}: run `make messages` (django-admin compilemessages)"
    )


def test_mo_has_exactly_the_po_messages(messages: list[Entry], mo_catalogue: dict) -> None:
    po_keys = {e.key for e in messages}
    mo_keys = {k for k in mo_catalogue if k not in ("", ("", 0))}
    assert mo_keys == po_keys, (
        "compiled .mo differs from the .po: run `make messages`\n"
        f"only in .po: {sorted(map(str, po_keys - mo_keys))[:20]}\n"
        f"only in .mo: {sorted(map(str, mo_keys - po_keys))[:20]}"
    )


def test_mo_has_the_po_translations(messages: list[Entry], mo_catalogue: dict) -> None:
    stale = [
        f"line {e.line}: {e.msgid!r}" for e in messages if mo_catalogue.get(e.key) != e.msgstr[0]
    ]
    assert not stale, "compiled .mo has other translations: run `make messages`\n" + "\n".join(
        stale
    )


def test_po_has_every_message_marked_in_the_source(tmp_path: Path) -> None:
    """makemessages over a copy of the package adds nothing to and removes nothing from the .po."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("gettext tools (xgettext, msgmerge) are not installed")
    package = PO.parents[3]
    copy = tmp_path / "exportctl"
    shutil.copytree(
        package,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"),
    )
    # A subprocess without settings: only the copy's own locale/ directory is written to.
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "LANG": "C.UTF-8"}
    django_admin = [sys.executable, "-m", "django", "makemessages"]
    subprocess.run(
        [*django_admin, "-l", "zh_Hans", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {e.key for e in parse_po(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")}
    ours = {e.key for e in parse_po(PO)}
    missing, obsolete = sorted(map(str, fresh - ours)), sorted(map(str, ours - fresh))
    assert not missing and not obsolete, (
        "the .po is out of date: run `make messages`, translate, compile\n"
        f"new in the source: {missing}\nno longer in the source: {obsolete}"
    )
