"""Where the working-day calendar lives: bundled years plus administrators' imported years.

Shared by the CLI (`exportctl calendar ...`), the licensing clock and the administrator's page.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from exportctl.core.calendar import WorkingCalendar, YearArrangement, load_calendar, parse_year

BUNDLED_DIR = Path(__file__).resolve().parent / "rules" / "calendar"


def imported_dir() -> Path:
    """$EXPORTCTL_DATA_DIR/calendar (default ./var/calendar): imported years, which win."""
    return Path(os.environ.get("EXPORTCTL_DATA_DIR", "var")).resolve() / "calendar"


def calendar_dirs() -> list[Path]:
    extra = imported_dir()
    return [BUNDLED_DIR, *([extra] if extra.is_dir() else [])]


def working_calendar() -> WorkingCalendar:
    """Bundled years, then imported years over them."""
    return load_calendar(*calendar_dirs())


@dataclass(frozen=True)
class Imported:
    arrangement: YearArrangement
    target: Path
    replaces: str  # "a new year", "replaces the bundled year", "replaces the earlier import"


def import_year_text(text: str, name: str) -> Imported:
    """Validate a year's arrangement against the loaded years, then write it atomically."""
    arrangement = parse_year(text, name)
    target = imported_dir() / f"{arrangement.year}.yaml"
    current = working_calendar()
    others = [current.arrangement(y) for y in current.years if y != arrangement.year]
    WorkingCalendar.from_years([*others, arrangement])  # cross-year overlaps are refused here
    if target.exists():
        replaces = "replaces the earlier import"
    elif arrangement.year in current.years:
        replaces = "replaces the bundled year"
    else:
        replaces = "a new year"
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target, then rename: a failed write leaves the old file untouched.
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{arrangement.year}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, target)
    return Imported(arrangement, target, replaces)
