"""`exportctl catalogue search|show` and `exportctl parties search|show`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from exportctl.cli.bootstrap import setup
from exportctl.cli.output import console, emit_json, fail

catalogue_app = typer.Typer(help="The Dual-Use Items Export Control List.", no_args_is_help=True)
parties_app = typer.Typer(
    help="Listed parties (exact and normalised name search).", no_args_is_help=True
)
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@catalogue_app.command("search")
def catalogue_search(query: str, as_json: JSON = False) -> None:
    """Search by control code, HS code, Chinese or English words (ranked)."""
    setup()
    from exportctl.catalogue.search import search_entries
    from exportctl.core.errors import ExportControlError

    try:
        hits = search_entries(query)
    except ExportControlError as exc:
        fail(exc.code, exc.message, as_json=as_json)
    rows = [
        {
            "code": h.entry.code,
            "score": round(h.score, 3),
            "matched_by": h.why,
            "text_zh": h.entry.text_zh[:120],
        }
        for h in hits
    ]
    if as_json:
        emit_json(rows)
        return
    table = Table("code", "matched by", "text")
    for r in rows:
        table.add_row(r["code"], r["matched_by"], r["text_zh"])
    console.print(table)


@catalogue_app.command("show")
def catalogue_show(code: str, as_json: JSON = False) -> None:
    """One entry with its sub-items, HS codes, source announcement and status history."""
    setup()
    from exportctl.catalogue.models import ControlEntry

    entry = ControlEntry.objects.filter(code=code).first()
    if entry is None:
        fail("not_found", f"no control list entry {code!r}", as_json=as_json)
    data = {
        "code": entry.code,
        "text_zh": entry.text_zh,
        "title_en": entry.title_en,
        "reason": entry.reason,
        "text_degraded": entry.text_degraded,
        "source_announcement": entry.source_announcement,
        "effective_from": entry.effective_from,
        "status_history": entry.status_history,
        "hs_codes": sorted(link.hs_code for link in entry.hs_links.all()),
        "sub_items": [c.code for c in entry.children.order_by("code")],
    }
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/bold]: {value}", highlight=False)


@parties_app.command("search")
def parties_search(
    query: str,
    list_code: Annotated[str | None, typer.Option("--list")] = None,
    as_json: JSON = False,
) -> None:
    """Find listed parties by name in any script."""
    setup()
    from exportctl.core.errors import ExportControlError
    from exportctl.parties.services import search_entities

    try:
        results = list(search_entities(query, list_code=list_code))
    except ExportControlError as exc:
        fail(exc.code, exc.message, as_json=as_json)
    rows = [
        {
            "id": e.pk,
            "name": e.caption,
            "schema": e.schema,
            "countries": e.countries,
            "designations": [
                {
                    "list": d.list_code,
                    "announcement": d.announcement,
                    "published": d.published,
                    "status": d.status,
                }
                for d in e.designations.all()
            ],
        }
        for e in results
    ]
    if as_json:
        emit_json(rows)
        return
    table = Table("id", "name", "designations")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["name"],
            "; ".join(
                f"{d['list']} {d['announcement']} ({d['status']})" for d in r["designations"]
            ),
        )
    console.print(table)


@parties_app.command("show")
def parties_show(entity_id: int, as_json: JSON = False) -> None:
    """One listed party with names and designations."""
    setup()
    from exportctl.core.errors import NotFound
    from exportctl.parties.services import get_entity

    try:
        e = get_entity(entity_id)
    except NotFound as exc:
        fail(exc.code, exc.message, as_json=as_json)
    data = {
        "id": e.pk,
        "source": e.source,
        "key": e.key,
        "schema": e.schema,
        "caption": e.caption,
        "names": [n.value for n in e.names.all()],
        "countries": e.countries,
        "designations": [
            {
                "list": d.list_code,
                "announcement": d.announcement,
                "published": d.published,
                "effective": d.effective,
                "measures": d.measures,
                "status": d.status,
                "status_history": d.status_history,
            }
            for d in e.designations.all()
        ],
    }
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/bold]: {value}", highlight=False)
