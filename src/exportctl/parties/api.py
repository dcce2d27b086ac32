"""Listed parties and list status API."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from exportctl.parties.models import Entity, ImportRun
from exportctl.parties.services import get_entity, list_status, search_entities
from exportctl.web.api_access import require

router = Router(tags=["listed parties"])
lists_router = Router(tags=["lists"])
router.lists_router = lists_router  # type: ignore[attr-defined]


class DesignationOut(Schema):
    list_code: str
    announcement: str
    title: str
    authority: str
    published: date | None
    effective: date | None
    legal_basis: str
    programmes: list[str]
    measures: list[str]
    measure_codes: list[str]
    status: str
    status_history: list[dict[str, object]]
    source_url: str


class NameOut(Schema):
    value: str
    kind: str
    lang: str
    script: str


class EntityOut(Schema):
    id: int
    source: str
    key: str
    schema_: str
    caption: str
    countries: list[str]
    designations: list[DesignationOut]


class EntityDetailOut(EntityOut):
    names: list[NameOut]
    addresses: list[str]
    identifiers: list[dict[str, object]]
    birth_dates: list[str]
    remarks: str
    removed: bool


class ListStatusOut(Schema):
    list: str
    name_zh: str
    name_en: str
    chinese: bool
    entries: int
    latest_announcement: str | None
    imported_at: str | None
    source: str | None


class ImportRunOut(Schema):
    id: int
    source: str
    started_at: str
    actor_label: str
    file_name: str
    file_sha256: str
    status: str
    added: int
    changed: int
    removed: int
    unchanged: int
    error: str


def _entity(e: Entity, detail: bool = False) -> dict[str, object]:
    out: dict[str, object] = {
        "id": e.pk,
        "source": e.source,
        "key": e.key,
        "schema_": e.schema,
        "caption": e.caption,
        "countries": e.countries,
        "designations": list(e.designations.all()),
    }
    if detail:
        out.update(
            names=list(e.names.all()),
            addresses=e.addresses,
            identifiers=e.identifiers,
            birth_dates=e.birth_dates,
            remarks=e.remarks,
            removed=e.removed_at is not None,
        )
    return out


@router.get(
    "", response=list[EntityOut], summary="Search listed parties by name (exact and normalised)"
)
def search(request: HttpRequest, q: str, list: str | None = None) -> list[dict[str, object]]:
    require(request, "reference.view")
    return [_entity(e) for e in search_entities(q, list_code=list)]


@router.get(
    "/{entity_id}", response=EntityDetailOut, summary="One listed party with every designation"
)
def entity(request: HttpRequest, entity_id: int) -> dict[str, object]:
    require(request, "reference.view")
    return _entity(get_entity(entity_id), detail=True)


@lists_router.get(
    "/status",
    response=list[ListStatusOut],
    summary="Entries, newest announcement and import per list",
)
def status(request: HttpRequest) -> list[dict[str, object]]:
    require(request, "reference.view")
    return [s.as_dict() for s in list_status()]


@lists_router.get("/imports", response=list[ImportRunOut], summary="Import runs, newest first")
def imports(request: HttpRequest) -> list[dict[str, object]]:
    require(request, "reference.view")
    return [
        {
            **{f: getattr(r, f) for f in ImportRunOut.model_fields if f != "started_at"},
            "started_at": r.started_at.isoformat(),
        }
        for r in ImportRun.objects.all()[:100]
    ]
