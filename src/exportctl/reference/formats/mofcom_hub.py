"""Source A of the Chinese lists: compliance_hub's MOFCOM snapshots (a JSON row per entity)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.fields import KeyRegistry, iso_date, required_text
from exportctl.reference.formats.hub_json import captured_on, load_records, row_location
from exportctl.reference.formats.mofcom_terms import (
    MOFCOM_CONTROL,
    MOFCOM_WATCH,
    UEL,
    Listing,
    announcement_number,
    cited_articles,
    legal_basis,
    numbered_items,
)
from exportctl.reference.formats.names import clean
from exportctl.reference.formats.rawfile import RawFile

_LIST_CODES = {
    "export_control_control_list": MOFCOM_CONTROL,
    "export_control_watch_list": MOFCOM_WATCH,
    "unreliable_entity_list": UEL,
}
# Authorities as the hub abbreviates them -> the full names the ammitto vocabulary uses.
_AUTHORITIES = {"商务部": "中华人民共和国商务部"}
_DEFAULT_AUTHORITY = {UEL: "不可靠实体清单工作机制"}


def read_listings(raw: RawFile) -> list[Listing]:
    """Entity rows of a compliance_hub file; notice rows (no entity) are skipped."""
    _, rows = load_records(raw)
    keys = KeyRegistry(raw.name)
    listings = []
    for index, row in enumerate(rows):
        if row.get("recordType") == "notice":
            continue
        location = row_location(raw, index, row)
        keys.add(required_text(row.get("recordId"), "recordId", location), location)
        listings.append(_listing(row, raw.name, location))
    return listings


def _listing(row: dict[str, Any], origin: str, location: str) -> Listing:
    kind = clean(row.get("measureType"))
    if kind not in _LIST_CODES:
        raise MalformedFile(f"unknown measureType {kind!r}", location=location)
    list_code = _LIST_CODES[kind]
    number = required_text(row.get("noticeNumber"), "noticeNumber", location)
    announcement = announcement_number(list_code, number)
    if announcement is None:
        raise MalformedFile(
            f"noticeNumber {number!r} is not an announcement number", location=location
        )
    name_zh, name_en = clean(row.get("entityName")), clean(row.get("entityNameEn"))
    if not (name_zh or name_en):
        raise MalformedFile(
            "missing required field: name (entityName or entityNameEn)", location=location
        )
    ordinal = row.get("listOrdinal")
    if not isinstance(ordinal, int) or ordinal < 1:
        raise MalformedFile(f"listOrdinal {ordinal!r} is not a positive integer", location=location)
    summary = clean(row.get("restrictionSummary"))
    # A summary cut off mid-sentence (the watch-list rows end in "（见") gives no measures.
    complete = summary.endswith(("。", "；", "执行。"))
    authorities = [
        _AUTHORITIES.get(a, a) for a in map(clean, row.get("issuingAuthorities") or []) if a
    ]
    return Listing(
        list_code=list_code,
        announcement=announcement,
        ordinal=ordinal,
        origin=origin,
        name_zh=name_zh,
        name_en=name_en,
        aliases=[a for a in map(clean, row.get("aliases") or []) if a],
        addresses=[a for a in map(clean, row.get("addresses") or []) if a],
        postal_code=clean(row.get("postalCode")),
        country_hints=[
            h for h in (clean(row.get("countryCode")), clean(row.get("countryName"))) if h
        ],
        zh_context=[clean(row.get("noticeTitle"))],
        title=re.sub(r"^\S*?第\d+号\s*", "", clean(row.get("noticeTitle"))) or None,
        published=iso_date(row.get("publishedAt"), location, what="publishedAt"),
        effective=iso_date(row.get("effectiveFrom"), location, what="effectiveFrom"),
        authority="、".join(authorities) or _DEFAULT_AUTHORITY.get(list_code),
        legal_basis=legal_basis(list_code, cited_articles(summary, "不可靠实体清单规定")),
        measures=numbered_items(summary) if complete else (),
        source_url=clean(row.get("sourceUrl")) or None,
    )


def notice_measures(raw: RawFile, numbers: set[str]) -> dict[str, tuple[str, ...]]:
    """Measure paragraphs of full notice texts (cn-mofcom-notices), for the numbers asked for."""
    _, rows = load_records(raw)
    found: dict[str, tuple[str, ...]] = {}
    for row in rows:
        number = announcement_number(MOFCOM_CONTROL, clean(row.get("noticeNumber")))
        if number in numbers and row.get("contentText"):
            found[number] = _measure_paragraphs(str(row["contentText"]))
    return found


def _measure_paragraphs(text: str) -> tuple[str, ...]:
    out = []
    for paragraph in (clean(p) for p in text.splitlines()):
        if paragraph.startswith(("本公告", "附件")):
            break
        # The designation sentence ("决定将…列入") is not a measure; the ones after it are.
        if "决定将" not in paragraph and re.search(r"不得|禁止|不予批准|应当提交|不受", paragraph):
            out.append(paragraph)
    return tuple(out)


def captured(raw: RawFile) -> date | None:
    """When compliance_hub fetched the file (`capturedAt`)."""
    doc, _ = load_records(raw)
    return captured_on(doc, raw)
