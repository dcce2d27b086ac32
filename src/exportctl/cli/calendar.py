"""`exportctl calendar`: working days on the PRC calendar, statutory deadlines, holiday data.

The bundled years (rules/calendar/) are merged with the years an administrator imported into
$EXPORTCTL_DATA_DIR/calendar/ (default ./var/calendar/); an imported year replaces the bundled one.
No Django: these commands only read and write calendar files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

import exportctl
from exportctl.calendar_store import BUNDLED_DIR, import_year_text, imported_dir, working_calendar
from exportctl.cli.output import EXIT_INVALID, emit_json
from exportctl.core.calendar import (
    Deadline,
    Pause,
    YearArrangement,
    compute_deadline,
    deadline_for_rule,
)
from exportctl.core.errors import ExportControlError
from exportctl.core.rules import load_rules
from exportctl.core.rules.model import Deadline as DeadlineRule

app = typer.Typer(
    help="PRC working days (holidays, adjusted working weekends) and statutory deadlines.",
    no_args_is_help=True,
)
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]
PAUSES = Annotated[
    list[str] | None,
    typer.Option(
        "--pause",
        help="Days not counted, FIRST..LAST or REASON:FIRST..LAST (inclusive; repeatable).",
    ),
]
RULES_DIR = Path(exportctl.__file__).parent / "rules"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PAUSE = re.compile(r"^(?:(?P<reason>[a-z_]+):)?(?P<first>[0-9-]+)\.\.(?P<last>[0-9-]+)$")
NO_RULE = "no rule: plain working-day count"
T = TypeVar("T")


# ignore_unknown_options: a negative N ("-1") reaches _count and gets a one-line reason.
@app.command("add-working-days", context_settings={"ignore_unknown_options": True})
def add_working_days(
    start: Annotated[str, typer.Argument(help="Event day, YYYY-MM-DD (not counted).")],
    n: Annotated[str, typer.Argument(help="Working days to add (0 or more).")],
    pause: PAUSES = None,
    explain: Annotated[bool, typer.Option("--explain", help="Say what was skipped.")] = False,
    as_json: JSON = False,
) -> None:
    """Print the date N working days after START (exit 2 when the calendar lacks a year)."""
    count = _count(n)
    pauses = [_pause(p) for p in pause or []]
    deadline = _run(
        lambda: compute_deadline(working_calendar(), _date(start), count, NO_RULE, pauses)
    )
    _print_deadline(deadline, explain=explain, as_json=as_json)


@app.command("deadline")
def deadline(
    rule_id: Annotated[str, typer.Argument(help="A working-day rule of rules/deadlines.yaml.")],
    start: Annotated[str, typer.Argument(help="The event day the period runs from (not counted).")],
    pause: PAUSES = None,
    as_json: JSON = False,
) -> None:
    """A statutory deadline with its citation, e.g. d-licence-decision-45-working-days."""
    rule = _rule(rule_id)
    pauses = [_pause(p) for p in pause or []]
    result = _run(lambda: deadline_for_rule(working_calendar(), rule, _date(start), pauses))
    _print_deadline(result, explain=True, as_json=as_json)


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="A year's arrangement (exportctl-calendar/1 YAML).")],
) -> None:
    """Validate a year's holiday arrangement and copy it into the calendar data directory."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _refuse("malformed_file", f"{file}: cannot read: {exc}")
    done = _run(lambda: import_year_text(text, file.name))
    arrangement, target, replaces = done.arrangement, done.target, done.replaces
    typer.echo(
        f"imported {arrangement.year}: {len(arrangement.holidays)} holidays, "
        f"{len(arrangement.working_days)} adjusted working days -> {target} ({replaces})"
    )


@app.command("show")
def show(
    year: Annotated[str, typer.Argument(help="The notice year, e.g. 2025.")],
    as_json: JSON = False,
) -> None:
    """List a year's holidays and adjusted working days, with the notice they come from."""
    if not re.fullmatch(r"\d{4}", year):
        _refuse("invalid_input", f"year {year!r} is not a four-digit year")
    arrangement = _run(lambda: working_calendar().arrangement(int(year)))
    imported = (imported_dir() / f"{year}.yaml").is_file()
    if as_json:
        emit_json(_arrangement_json(arrangement, imported))
        return
    source = arrangement.source
    typer.echo(f"{arrangement.year}: {source.authority_zh}")
    typer.echo(f"  {source.authority_en}")
    where = imported_dir() / arrangement.file if imported else BUNDLED_DIR / arrangement.file
    typer.echo(f"  extracted from: {source.extracted_from}; file: {where}")
    if source.note:
        typer.echo(f"  note: {source.note}")
    typer.echo("Holidays (days off):")
    by_name = groupby(
        sorted(arrangement.holidays, key=lambda h: h.date),
        key=lambda h: (h.name_zh, h.name_en, h.authority),
    )
    for (name_zh, name_en, authority), group in by_name:
        for run in _runs([h.date for h in group]):
            span = f"{run[0]}..{run[-1]}" if len(run) > 1 else str(run[0])
            typer.echo(
                f"  {span:<22} {name_zh} {name_en}" + (f" [{authority}]" if authority else "")
            )
    typer.echo("Adjusted working days (weekend days worked):")
    for w in sorted(arrangement.working_days, key=lambda w: w.date):
        typer.echo(f"  {w.date} {w.date.strftime('%a')}         for {w.for_zh} {w.for_en}")
    if not arrangement.working_days:
        typer.echo("  none")


def _runs(days: list[date]) -> list[list[date]]:
    """Consecutive dates grouped: [1, 2, 3, 5] -> [[1, 2, 3], [5]]."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _print_deadline(result: Deadline, *, explain: bool, as_json: bool) -> None:
    if as_json:
        emit_json(_deadline_json(result))
    if result.due is None:
        _refuse("calendar_year_unknown", result.unknown_reason or "unknown")
    if as_json:
        return
    typer.echo(result.due.isoformat())
    if explain:
        typer.echo(result.explain())


def _deadline_json(d: Deadline) -> dict[str, Any]:
    return {
        "start": d.start,
        "working_days": d.working_days,
        "due": d.due,
        "unknown_reason": d.unknown_reason,
        "citation": d.citation,
        "rule_id": d.rule_id,
        "confidence": d.confidence,
        "confidence_note": d.confidence_note,
        "paused": [{"first": p.first, "last": p.last, "reason": p.reason} for p in d.paused],
        "paused_working_days": list(d.paused_working_days),
        "holidays_skipped": [
            {"date": h.date, "name_zh": h.name_zh, "name_en": h.name_en} for h in d.holidays_skipped
        ],
        "adjusted_working_days": [w.date for w in d.adjusted_working_days],
        "calendar_sources": list(d.calendar_sources),
        "explanation": d.explain(),
    }


def _arrangement_json(a: YearArrangement, imported: bool) -> dict[str, Any]:
    return {
        "year": a.year,
        "origin": "imported" if imported else "bundled",
        "source": vars(a.source),
        "holidays": [vars(h) for h in a.holidays],
        "working_days": [vars(w) for w in a.working_days],
    }


def _rule(rule_id: str) -> DeadlineRule:
    rules = _run(lambda: load_rules(RULES_DIR / "deadlines.yaml"))
    working = {r.id: r for r in rules if isinstance(r, DeadlineRule) and r.unit == "working_days"}
    if rule_id not in working:
        _refuse(
            "invalid_input",
            f"no working-day rule {rule_id!r}; known: {', '.join(sorted(working))}",
        )
    return working[rule_id]


def _date(text: str) -> date:
    if not _ISO.match(text):
        _refuse("invalid_input", f"{text!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        _refuse("invalid_input", f"{text!r} is not a date that exists")


def _count(text: str) -> int:
    if not re.fullmatch(r"\d+", text):
        _refuse(
            "invalid_input", f"N must be a whole number of working days, 0 or more, not {text!r}"
        )
    return int(text)


def _pause(text: str) -> Pause:
    match = _PAUSE.match(text)
    if match is None:
        _refuse("invalid_input", f"pause {text!r} is not FIRST..LAST or REASON:FIRST..LAST")
    first, last = _date(match["first"]), _date(match["last"])
    return _run(lambda: Pause(first, last, match["reason"] or "pause"))


def _run(action: Callable[[], T]) -> T:
    """Call `action`; an ExportControlError becomes exit 2 with one line (code and reason)."""
    try:
        return action()
    except ExportControlError as exc:
        _refuse(exc.code, exc.message)


def _refuse(code: str, message: str) -> NoReturn:
    # Plain echo, not Rich: Rich wraps at 80 columns off a terminal, and this must stay one line.
    typer.echo(f"error ({code}): {message}", err=True)
    raise typer.Exit(EXIT_INVALID)
