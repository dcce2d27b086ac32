"""`exportctl lists import|status`: the party lists and the catalogue."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from exportctl.cli.bootstrap import setup
from exportctl.cli.output import console, emit_json, fail

app = typer.Typer(help="Import reference lists and show their status.", no_args_is_help=True)


def _actor(username: str | None) -> Any:
    if not username:
        return None
    from exportctl.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        fail("invalid_input", f"no user {username!r}")
    return user


def all_sources() -> list[str]:
    from exportctl.catalogue.services import CATALOGUE_SOURCES
    from exportctl.reference.sources import SOURCES

    return [*CATALOGUE_SOURCES, *SOURCES]


def import_one(source: str, path: Path | None, actor: Any) -> dict[str, Any]:
    """Import one source (catalogue or party list) and return its summary."""
    from exportctl.catalogue.services import CATALOGUE_SOURCES, import_catalogue
    from exportctl.parties.services import import_source

    started = time.perf_counter()
    if source in CATALOGUE_SOURCES:
        summary = import_catalogue(source, path, actor=actor)
    else:
        summary = import_source(source, path, actor=actor).summary()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary


def build_screening_index() -> None:
    """Build (or load) the screening index of the current list version, so screening starts warm."""
    from exportctl.screening.index_cache import current_index

    started = time.perf_counter()
    with console.status("building the screening index of all lists..."):
        loaded = current_index()
    console.print(
        f"  screening index {loaded.version[:40]}... ready in {time.perf_counter() - started:.1f}s"
    )


@app.command("import")
def import_(
    source: Annotated[str, typer.Argument(help="Source code, or 'all' for every bundled source.")],
    file: Annotated[
        Path | None,
        typer.Argument(
            help="File in the official format or an exportctl snapshot; default: the bundled snapshot."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    user: Annotated[
        str | None, typer.Option("--user", help="Record the import as this user.")
    ] = None,
) -> None:
    """Import a list: transactional and idempotent; a bad file changes nothing."""
    setup()
    from exportctl.core.errors import ExportControlError

    sources = all_sources()
    if source != "all" and source not in sources:
        fail(
            "invalid_input",
            f"unknown source {source!r}; known: all, {', '.join(sources)}",
            as_json=as_json,
        )
    if source == "all" and file is not None:
        fail("invalid_input", "give a FILE only with a single source", as_json=as_json)
    actor = _actor(user)
    todo = sources if source == "all" else [source]
    results = []
    with Progress(console=console, transient=True, disable=as_json) as progress:
        task = progress.add_task("importing", total=len(todo))
        for code in todo:
            progress.update(task, description=f"importing {code}")
            try:
                results.append(import_one(code, file, actor))
            except ExportControlError as exc:
                fail(exc.code, f"{code}: {exc.message}", as_json=as_json)
            progress.advance(task)
    from exportctl.screening.models import Rescreen

    for r in results:
        rescreen = (
            Rescreen.objects.filter(import_run_id=r.get("run_id")).first()
            if r.get("run_id")
            else None
        )
        if rescreen is not None:
            r["rescreen"] = {"parties": rescreen.subjects_checked, "new_hits": rescreen.new_hits}
    if any(r.get("status") == "applied" for r in results) and not as_json:
        build_screening_index()
    if as_json:
        emit_json(results if source == "all" else results[0])
        return
    table = Table("source", "status", "added", "changed", "removed", "unchanged", "seconds")
    for r in results:
        table.add_row(
            r["source"],
            r["status"],
            *(str(r.get(k, "")) for k in ("added", "changed", "removed", "unchanged", "seconds")),
        )
    console.print(table)
    for r in results:
        if "rescreen" in r:
            console.print(
                f"re-screening after {r['source']}: {r['rescreen']['parties']} screened parties, "
                f"[bold]{r['rescreen']['new_hits']} new hits[/bold] (see /screening/rescreens/)"
            )


@app.command("status")
def status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Per list: entries, newest announcement or list date, import date."""
    setup()
    from exportctl.catalogue.services import catalogue_status
    from exportctl.parties.services import list_status

    rows = [s.as_dict() for s in list_status()]
    catalogue = catalogue_status()
    if as_json:
        emit_json({"lists": rows, "catalogue": catalogue})
        return
    table = Table("list", "name", "entries", "latest", "imported")
    for r in rows:
        table.add_row(
            r["list"],
            r["name_en"],
            str(r["entries"]),
            r["latest_announcement"] or "-",
            (r["imported_at"] or "-")[:16],
        )
    for r in catalogue:
        table.add_row(
            r["list"],
            r["name_en"],
            str(r["entries"]),
            r["latest_announcement"] or "-",
            (r["imported_at"] or "-")[:16],
        )
    console.print(table)
