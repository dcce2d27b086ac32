"""The Dual-Use Items Export Control List, code level, from `cn-dual-use-control-list`.

Source: 《中华人民共和国两用物项出口管制清单》, issued by 商务部 工业和信息化部 海关总署 国家密码局
公告2024年第51号 (effective 2024-12-01); the JSON was extracted from the June 2026 consolidated PDF.
One record per 5-character code; descriptions are truncated snippets that lost digits, so every
entry carries `text_complete=False` and `text_degraded` where the loss shows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_records import (
    CODE_PATTERN,
    ControlEntry,
    is_text_degraded,
)
from exportctl.reference.formats.fields import KeyRegistry
from exportctl.reference.formats.hub_json import load_records, row_location
from exportctl.reference.formats.rawfile import RawFile

SOURCE = "cn-dual-use-control-list"
LIST_ANNOUNCEMENT = "商务部 工业和信息化部 海关总署 国家密码局公告2024年第51号"
LIST_EFFECTIVE = date(2024, 12, 1)
LIST_CITATION = (
    "《中华人民共和国两用物项出口管制清单》（{announcement}附件1；2026年6月合并版 PDF）{code}项"
)


def parse_control_list(raw: RawFile) -> tuple[ControlEntry, ...]:
    """All top-level entries; a bad code, a duplicate or a missing field raises MalformedFile."""
    _, rows = load_records(raw)
    if not rows:
        raise MalformedFile("the file has no records", location=raw.name)
    seen = KeyRegistry(raw.name)
    entries = []
    for index, row in enumerate(rows):
        location = row_location(raw, index, row)
        code = _code(row, location)
        seen.add(code, location)
        entries.append(_entry(row, code, location))
    return tuple(entries)


def _code(row: dict[str, Any], location: str) -> str:
    code = row.get("controlCode")
    if not isinstance(code, str) or not code.strip():
        raise MalformedFile("missing controlCode", location=location)
    code = code.strip()
    if not CODE_PATTERN.match(code):
        raise MalformedFile(
            f"control code {code!r} does not match {CODE_PATTERN.pattern}", location=location
        )
    if "." in code:
        raise MalformedFile(
            f"control code {code!r} is a sub-item; this file holds top-level codes only",
            location=location,
        )
    return code


def _entry(row: dict[str, Any], code: str, location: str) -> ControlEntry:
    text = row.get("description")
    if not isinstance(text, str):
        raise MalformedFile(f"{code}: description is missing or not text", location=location)
    text = text.strip() or None
    return ControlEntry(
        code=code,
        parent=None,
        category=int(code[0]),
        group=code[1],
        text_zh=text,
        title_en=None,  # the list is published in Chinese only
        reason=_optional_text(row, "controlReasonDerived", location),
        reason_derived=True,  # derived by the extractor from the 3rd character, not printed
        item_type=_optional_text(row, "itemType", location),
        text_degraded=is_text_degraded(text),
        text_complete=False,
        hs_codes=(),  # the list prints no HS codes; they come from announcements
        source_announcement=LIST_ANNOUNCEMENT,
        effective_from=LIST_EFFECTIVE,
        source_url=_optional_text(row, "sourceUrl", location),
        source=SOURCE,
        citation=LIST_CITATION.format(announcement=LIST_ANNOUNCEMENT, code=code),
    )


def _optional_text(row: dict[str, Any], key: str, location: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedFile(f"{key} is not text", location=location)
    return value.strip() or None
