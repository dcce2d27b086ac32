"""`exportctl determine CASE.json [--json]` and `exportctl determine --batch IN.jsonl --out OUT.jsonl`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.progress import Progress

from exportctl.cli.bootstrap import setup
from exportctl.cli.output import EXIT_INVALID, console, emit_json


def _print_human(result: dict[str, Any]) -> None:
    console.print(
        f"[bold]{result['outcome']}[/bold]  licence types: {', '.join(result['licence_types']) or '-'}  "
        f"policy: {result['policy'] or '-'}  time limit: {result['review_time_limit_working_days'] or 'none'} working days",
        highlight=False,
    )
    for step in result["trace"]:
        console.print(
            f"- [{step['result']}] {step['citation']}: {step['explanation_en']}", highlight=False
        )
    for w in result["warnings"]:
        console.print(f"[yellow]warning[/yellow] {w['message']}", highlight=False)
    console.print(
        f"rules {result['rules_version']}; data as of {result['data_as_of']}", highlight=False
    )


def _jsonl_line(result: dict[str, Any]) -> bytes:
    """One output line. orjson: a determination is ~6 KB of JSON (the trace in two languages),
    which the standard encoder took longer to write (~70 µs) than the rules took to decide; the
    same JSON values, without the optional spaces. Anything orjson refuses (an integer beyond 64
    bits echoed from the input) goes through the standard encoder."""
    try:
        return orjson.dumps(result) + b"\n"
    except orjson.JSONEncodeError:
        return json.dumps(result, ensure_ascii=False).encode("utf-8") + b"\n"


def determine(
    case_file: Annotated[
        Path | None, typer.Argument(help="A case as JSON (see the README for the fields).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the determination as JSON.")
    ] = False,
    batch: Annotated[
        Path | None, typer.Option("--batch", help="JSON Lines in: one case per line.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="JSON Lines out (with --batch).")
    ] = None,
) -> None:
    """Decide whether a transaction needs a licence, with the trace of every rule applied."""
    setup()
    from exportctl.determination import services

    if batch is not None:
        if out is None or case_file is not None:
            emit_json(
                {
                    "error": {
                        "code": "invalid_input",
                        "message": "use --batch IN.jsonl --out OUT.jsonl (and no CASE file)",
                    }
                }
            )
            raise typer.Exit(EXIT_INVALID)
        lines = batch.read_text(encoding="utf-8").splitlines()
        decide = services.batch_determiner()
        errors = 0
        with (
            out.open("wb") as fh,
            Progress(console=console, transient=True) as progress,
        ):
            task = progress.add_task("deciding", total=len(lines))
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    fh.write(b"\n")
                    continue
                try:
                    result = decide(json.loads(line))
                except ValueError as exc:
                    result = {"error": {"code": "invalid_json", "message": f"line {number}: {exc}"}}
                errors += "error" in result
                fh.write(_jsonl_line(result))
                if number % 64 == 0:  # advance() locks and samples the speed: not per line
                    progress.update(task, completed=number)
        console.print(f"{len(lines)} cases, {errors} invalid -> {out}")
        return
    if case_file is None:
        emit_json(
            {"error": {"code": "invalid_input", "message": "give a CASE.json file or --batch"}}
        )
        raise typer.Exit(EXIT_INVALID)
    try:
        data = json.loads(case_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        emit_json({"error": {"code": "invalid_json", "message": f"{case_file}: {exc}"}})
        raise typer.Exit(EXIT_INVALID) from None
    result = services.determine(data)
    if "error" in result:
        emit_json(result)
        raise typer.Exit(EXIT_INVALID)
    if as_json:
        emit_json(result)
    else:
        _print_human(result)
    sys.stdout.flush()
