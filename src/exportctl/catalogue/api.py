"""Control list API."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from exportctl.catalogue.models import ControlEntry, HSCode
from exportctl.catalogue.search import search_entries, search_hs_codes
from exportctl.core.errors import NotFound
from exportctl.web.api_access import require

router = Router(tags=["control list"])


class EntryOut(Schema):
    code: str
    parent: str | None
    category: int
    group: str
    text_zh: str
    title_en: str
    reason: str
    text_degraded: bool
    source_announcement: str
    effective_from: date | None
    hs_codes: list[str]


class EntryHitOut(EntryOut):
    score: float
    matched_by: str


class EntryDetailOut(EntryOut):
    status_history: list[dict[str, object]]
    children: list[EntryOut]
    source_url: str


class HSCodeOut(Schema):
    code: str
    name_zh: str
    name_en: str
    in_dual_use_catalogue: bool
    in_export_licence_goods: bool


def _entry(e: ControlEntry) -> dict[str, object]:
    return {
        "code": e.code,
        "parent": e.parent.code if e.parent_id and e.parent else None,
        "category": e.category,
        "group": e.group,
        "text_zh": e.text_zh,
        "title_en": e.title_en,
        "reason": e.reason,
        "text_degraded": e.text_degraded,
        "source_announcement": e.source_announcement,
        "effective_from": e.effective_from,
        "hs_codes": sorted(link.hs_code for link in e.hs_links.all()),
    }


@router.get("/entries", response=list[EntryHitOut], summary="Search or browse the control list")
def entries(
    request: HttpRequest, q: str = "", category: int | None = None, group: str | None = None
) -> list[dict[str, object]]:
    require(request, "reference.view")
    if q:
        return [
            {**_entry(h.entry), "score": h.score, "matched_by": h.why} for h in search_entries(q)
        ]
    qs = ControlEntry.objects.filter(parent__isnull=True).prefetch_related("hs_links")
    if category is not None:
        qs = qs.filter(category=category)
    if group:
        qs = qs.filter(group=group.upper())
    return [{**_entry(e), "score": 0.0, "matched_by": "browse"} for e in qs]


@router.get(
    "/entries/{code}", response=EntryDetailOut, summary="One control list entry with sub-items"
)
def entry(request: HttpRequest, code: str) -> dict[str, object]:
    require(request, "reference.view")
    e = ControlEntry.objects.select_related("parent").filter(code=code).first()
    if e is None:
        raise NotFound(f"no control list entry {code!r}")
    return {
        **_entry(e),
        "status_history": e.status_history,
        "children": [_entry(c) for c in e.children.order_by("code").prefetch_related("hs_links")],
        "source_url": e.source_url,
    }


@router.get("/hs-codes", response=list[HSCodeOut], summary="Search HS codes by digits or words")
def hs_codes(request: HttpRequest, q: str) -> list[HSCode]:
    require(request, "reference.view")
    return search_hs_codes(q)
