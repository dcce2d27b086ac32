"""Source B of the Chinese lists: ammitto/data-cn announcement YAML (one file per announcement)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.fields import iso_date, required_text
from exportctl.reference.formats.mofcom_terms import (
    MFA,
    MOFCOM_CONTROL,
    MOFCOM_WATCH,
    UEL,
    Listing,
    announcement_number,
    article_number,
    legal_basis,
)
from exportctl.reference.formats.names import clean, clean_zh
from exportctl.reference.formats.rawfile import read_raw
from exportctl.reference.records import DesignationStatus, StatusChange

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LAWS = {
    UEL: "cn/mofcom-unreliable-entity-list-provisions",
    MFA: "cn/npc-anti-foreign-sanctions-law",
}
# Measures of an investigation notice are procedural: the entity is not (yet) listed.
_PROCEDURAL = {
    "investigation",
    "provide_information",
    "allow_statement",
    "cooperate_investigation",
    "report_violation",
}
_ACTIONS: dict[str, DesignationStatus] = {"suspend": "suspended", "stop": "removed"}


def load_yaml(path: Path) -> dict[str, Any]:
    """A YAML file as a mapping, with the line of a syntax error."""
    raw = read_raw(path)
    try:
        doc = yaml.load(raw.text(), Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise MalformedFile(
            f"invalid YAML: {exc.problem}", location=f"{raw.name} line {line}"
        ) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("announcement"), dict):
        raise MalformedFile("expected a mapping with an 'announcement'", location=raw.name)
    return doc


def read_listings(
    path: Path, list_code: str, organisations: dict[str, str]
) -> tuple[list[Listing], int]:
    """The entities of one announcement file, and how many investigation-only ones were skipped."""
    doc = load_yaml(path)
    ann = doc["announcement"]
    published = iso_date(ann.get("publish_date"), f"{path.name} publish_date", what="publish_date")
    document_id = required_text(ann.get("document_id"), "announcement.document_id", path.name)
    title = _title(ann.get("title"))
    if list_code == MOFCOM_CONTROL and "关注名单" in title:
        list_code = MOFCOM_WATCH
    number = announcement_number(list_code, document_id, published.year if published else None)
    if number is None:
        raise MalformedFile(
            f"document_id {document_id!r} is not an announcement number", location=path.name
        )
    details = doc.get("sanction_details") or {}
    articles = [
        n
        for i in details.get("instruments") or []
        if i.get("id") == _LAWS.get(list_code)
        for n in (article_number(a) for a in i.get("articles") or [])
        if n
    ]
    content = "".join(clean(ann.get("content")).split())
    listings, skipped = [], 0
    for ordinal, entity in enumerate(details.get("entities") or [], start=1):
        location = f"{path.name} entities[{ordinal - 1}]"
        names = entity.get("name") or {}
        zh, en = clean(names.get("zh-Hans")), clean(names.get("en"))
        if not (zh or en):
            raise MalformedFile("missing required field: name (zh-Hans or en)", location=location)
        measures = entity.get("measures") or []
        if measures and all(set(m.get("type") or []) <= _PROCEDURAL for m in measures):
            skipped += 1
            continue
        person_title = entity.get("title") or {}
        listings.append(
            Listing(
                list_code=list_code,
                announcement=number,
                ordinal=ordinal,
                origin=path.name,
                name_zh=zh,
                name_en=en,
                # The annex printed only English when the English is in the text and the zh is not.
                zh_official=not (
                    zh
                    and en
                    and "".join(zh.split()) not in content
                    and "".join(en.split()) in content
                ),
                schema="Person" if entity.get("type") == "individual" else "Organization",
                zh_context=[title, clean(person_title.get("zh-Hans"))],
                title=title or None,
                published=published,
                effective=iso_date(entity.get("effective_date"), location, what="effective_date")
                or published,
                authority=organisations.get(clean(ann.get("authority"))),
                legal_basis=legal_basis(list_code, articles),
                measures=tuple(
                    clean_zh(m.get("zh-Hans")).rstrip("。")
                    for m in measures
                    if clean(m.get("zh-Hans"))
                ),
                reason="".join(clean_zh(r.get("zh-Hans")) for r in entity.get("reason") or [])
                or None,
                source_url=_url(ann.get("url")),
                remarks=_person_remarks(person_title, entity.get("gender")),
            )
        )
    return listings, skipped


def read_status_updates(path: Path) -> list[tuple[str, StatusChange, date | None]]:
    """Suspend/stop decisions of a UEL update: (target announcement, change, date published)."""
    doc = load_yaml(path)
    ann = doc["announcement"]
    title = _title(ann.get("title"))
    updates = []
    for index, mod in enumerate(
        (doc.get("measure_modifications") or {}).get("modifications") or []
    ):
        location = f"{path.name} modifications[{index}]"
        action = clean(mod.get("action"))
        if action not in _ACTIONS:
            raise MalformedFile(f"unknown action {action!r}", location=location)
        target = announcement_number(
            UEL, required_text(mod.get("target_announcement_id"), "target", location)
        )
        start = iso_date(mod.get("effective_date"), location, what="effective_date")
        if target is None or start is None:
            raise MalformedFile("missing target announcement or effective_date", location=location)
        note = clean(mod.get("notes"))
        if action == "stop":
            note = f"{note} (measures stopped: recorded as removed)"
        until = iso_date(mod.get("until_date"), location, what="until_date")
        published = iso_date(
            ann.get("publish_date"), f"{path.name} publish_date", what="publish_date"
        )
        change = StatusChange(
            _ACTIONS[action], start, until, f"{title}（{published}）", note or None
        )
        updates.append((target, change, published))
    return updates


def organisations(path: Path) -> dict[str, str]:
    """Organisation ids of the ammitto vocabulary -> Chinese names."""
    doc = yaml.load(read_raw(path).text(), Loader=_Loader)
    return {o["id"]: o["name"]["zh-Hans"] for o in (doc or {}).get("organizations") or []}


def _title(value: Any) -> str:
    # Titles are a list of one-language mappings, sometimes one mapping with both languages.
    items = value if isinstance(value, list) else [value]
    return next(
        (clean(i.get("zh-Hans")) for i in items if isinstance(i, dict) and i.get("zh-Hans")), ""
    )


def _url(value: Any) -> str | None:
    url = clean(value)
    # ammitto's 〔2023〕1号 URL is a placeholder (art_123456), per its PROVENANCE.md.
    return None if not url or "art_123456" in url else url


def _person_remarks(title: dict[str, Any], gender: Any) -> list[str]:
    position = " / ".join(t for t in (clean(title.get("zh-Hans")), clean(title.get("en"))) if t)
    return [r for r in (position, f"gender: {clean(gender)}" if clean(gender) else "") if r]
