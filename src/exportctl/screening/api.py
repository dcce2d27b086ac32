"""Screening API: screen a party (kept for review), list screened parties, decide on hits."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from exportctl.screening import queries
from exportctl.screening.models import Hit
from exportctl.screening.services import decide, screen_party
from exportctl.web.api_access import require

router = Router(tags=["screening"])


class ScreenIn(Schema):
    name: str
    schema_: str | None = None
    country: str | None = None
    birth_date: str | None = None


class DecisionIn(Schema):
    action: (
        str  # false_positive | propose_true_match | confirm_true_match | reject_proposal | reopen
    )
    reason: str = ""


class HitOut(Schema):
    id: int
    entity_id: int
    entity_name: str
    matched_name: str
    score: float
    lists: list[str]
    status: str
    explanation_en: str
    explanation_zh: str


class SubjectOut(Schema):
    id: int
    name: str
    schema_: str
    country: str
    last_screened_at: datetime
    list_version: str
    hits: list[HitOut]


def _hit(h: Hit) -> dict[str, object]:
    return {
        "id": h.pk,
        "entity_id": h.entity_id,
        "entity_name": h.entity.caption,
        "matched_name": h.matched_name,
        "score": h.score,
        "lists": h.list_codes,
        "status": h.status,
        "explanation_en": h.explanation_en,
        "explanation_zh": h.explanation_zh,
    }


def _subject(s) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": s.pk,
        "name": s.name,
        "schema_": s.schema,
        "country": s.country,
        "last_screened_at": s.last_screened_at,
        "list_version": s.list_version,
        "hits": [_hit(h) for h in s.hits.select_related("entity")],
    }


@router.post("/screen", response=SubjectOut, summary="Screen one party against every list")
def screen(request: HttpRequest, body: ScreenIn) -> dict[str, object]:
    require(request, "screening.run")
    outcome = screen_party(
        request.organisation,
        request.user,
        body.name,
        schema=body.schema_,  # type: ignore[attr-defined]
        country=body.country,
        birth_date=body.birth_date,
        context="api",
    )
    return _subject(outcome.subject)


@router.get("/parties", response=list[SubjectOut], summary="Screened parties you may see")
def subjects(request: HttpRequest) -> list[dict[str, object]]:
    require(request, "screening.run")
    return [_subject(s) for s in queries.subjects(request.user)[:200]]


@router.get("/parties/{pk}", response=SubjectOut, summary="One screened party with its hits")
def subject(request: HttpRequest, pk: int) -> dict[str, object]:
    require(request, "screening.run")
    return _subject(queries.subject(request.user, pk))


@router.post(
    "/hits/{pk}/decision",
    response=HitOut,
    summary="Review a hit (a true match needs a second person)",
)
def decision(request: HttpRequest, pk: int, body: DecisionIn) -> dict[str, object]:
    require(request, "screening.review")
    return _hit(decide(queries.hit(request.user, pk), request.user, body.action, body.reason))
