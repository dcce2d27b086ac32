"""`exportctl screen name|pairs|file`: the fixed screening interfaces."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from exportctl.cli.bootstrap import setup
from exportctl.cli.output import console, emit_json, fail

app = typer.Typer(help="Screen parties against every loaded list.", no_args_is_help=True)
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("name")
def name(
    query: Annotated[str, typer.Argument(help="The name, in any script.")],
    schema: Annotated[str | None, typer.Option("--schema", help="person | organization")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166-1 alpha-2")] = None,
    birth_date: Annotated[str | None, typer.Option("--birth-date")] = None,
    as_json: JSON = False,
) -> None:
    """Screen one name; print every hit at or above the alert threshold with its explanation."""
    setup()
    from exportctl.core.errors import ExportControlError
    from exportctl.screening.services import make_query, run_query

    try:
        hits = run_query(make_query(query, schema, country, birth_date))
    except ExportControlError as exc:
        fail(exc.code, exc.message, as_json=as_json)
    rows = [
        {
            "hit_id": f"{h.source}:{h.entity_key}",
            "hit_name": h.matched_name,
            "caption": h.caption,
            "score": h.score,
            "lists": sorted({d.list_code for d in h.designations}),
            "announcements": sorted({d.announcement for d in h.designations if d.announcement}),
            "explanation_en": h.text_en,
            "explanation_zh": h.text_zh,
        }
        for h in hits
    ]
    if as_json:
        emit_json({"query": query, "hits": rows})
        return
    if not rows:
        console.print("no hit at the alert threshold")
    for r in rows:
        console.print(
            f"[bold]{r['score']:.2f}[/bold] {r['caption']} ({r['hit_id']})", highlight=False
        )
        console.print(r["explanation_en"], highlight=False)
        console.print()


@app.command("pairs")
def pairs(
    infile: Annotated[Path, typer.Argument(help="CSV with name1,name2[,schema]")],
    out: Annotated[Path, typer.Option("--out", help="Output CSV")],
) -> None:
    """Score name pairs; every input column passes through, plus score and match."""
    from exportctl.core.screening.match import score_names
    from exportctl.core.screening.score import DEFAULT_THRESHOLD

    try:
        text = infile.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        fail("malformed_file", f"{infile}: cannot read as UTF-8 text ({exc})")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = list(reader.fieldnames or [])
    if "name1" not in fields or "name2" not in fields:
        fail(
            "malformed_file",
            f"{infile} row 1: columns name1 and name2 are required (found: {', '.join(fields)})",
        )
    columns = fields + [c for c in ("score", "match") if c not in fields]
    rows = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("scoring", total=None)
        for row in reader:
            schema = (row.get("schema") or "").strip() or None
            result = score_names(row["name1"] or "", row["name2"] or "", schema)
            row["score"] = f"{result.score:.4f}"
            row["match"] = "true" if result.score >= DEFAULT_THRESHOLD else "false"
            rows.append(row)
            progress.advance(task)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    console.print(f"{len(rows)} pairs scored -> {out}")


@app.command("file")
def file(
    infile: Annotated[
        Path, typer.Argument(help="CSV or XLSX with name[,id,schema,country,birth_date]")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output CSV")],
    lists: Annotated[
        str | None,
        typer.Option("--lists", help="Comma-separated list codes to report (default: all)"),
    ] = None,
    all_hits: Annotated[
        bool, typer.Option("--all-hits", help="One row per hit above the threshold")
    ] = False,
) -> None:
    """Screen every row of a file against every loaded list."""
    setup()
    from exportctl.core.errors import ExportControlError
    from exportctl.reference.lists import LISTS
    from exportctl.screening.files import read_rows, screen_rows, write_csv
    from exportctl.screening.index_cache import current_index

    wanted = {c.strip() for c in lists.split(",")} if lists else None
    if wanted and (unknown := wanted - set(LISTS)):
        fail(
            "invalid_input",
            f"unknown list(s) {', '.join(sorted(unknown))}; known: {', '.join(LISTS)}",
        )
    try:
        header, rows = read_rows(infile.read_bytes(), infile.name)
        loaded = current_index()
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("screening", total=len(rows))
            columns, results = screen_rows(
                rows,
                header,
                all_hits=all_hits,
                lists=wanted,
                loaded=loaded,
                progress=lambda n: progress.update(task, completed=n),
            )
    except ExportControlError as exc:
        fail(exc.code, exc.message)
    except OSError as exc:
        fail("invalid_input", f"{infile}: {exc.strerror}")
    write_csv(columns, results, out)
    table = Table("rows", "matches", "output")
    table.add_row(str(len(rows)), str(sum(1 for r in results if r["match"] == "true")), str(out))
    console.print(table)
