"""Read the yearly holiday files (`exportctl-calendar/1`); fail naming the file, entry and reason.

Source of the data: the State Council General Office's yearly holiday notice, one file per
notice (see rules/calendar/README.md for the format). Reading files is the only I/O here;
`parse_year` is pure. Bundled years and administrator-imported years are merged by passing
several directories to `load_calendar`; a later directory's file replaces an earlier one's year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from exportctl.core.calendar.model import (
    AdjustedWorkingDay,
    CalendarSource,
    Holiday,
    YearArrangement,
)
from exportctl.core.calendar.validate import ERROR_CODE, check_arrangement, refuse
from exportctl.core.calendar.working import WorkingCalendar
from exportctl.core.errors import MalformedFile
from exportctl.core.text import gettext_noop

FORMAT = "exportctl-calendar/1"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP = {"format", "year", "source", "holidays", "working_days"}
_SOURCE = {"authority_zh", "authority_en", "extracted_from", "note"}
_HOLIDAY = {"date", "name_zh", "name_en", "authority"}
_WORKING = {"date", "for_zh", "for_en", "authority"}


# libyaml's parser when present: the pure-Python one takes about a second for the 23 files.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[valid-type,misc]  # base picked at import time
    """A safe loader that leaves dates as text, so a bad date is reported with its entry."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_calendar(*directories: Path | str) -> WorkingCalendar:
    """Every `YYYY.yaml` in the directories, merged; a later directory wins for its years."""
    arrangements: list[YearArrangement] = []
    for directory in map(Path, directories):
        if not directory.is_dir():
            raise MalformedFile("not a directory", location=str(directory), code=ERROR_CODE)
        for path in sorted(directory.glob("*.yaml")):
            arrangement = import_year(path)
            if path.stem != str(arrangement.year):
                raise MalformedFile(
                    f"holds year {arrangement.year}; name it {arrangement.year}.yaml",
                    location=path.name,
                    code=ERROR_CODE,
                )
            arrangements.append(arrangement)
    return WorkingCalendar.from_years(arrangements)


def import_year(path: Path | str) -> YearArrangement:
    """One year's arrangement from a file (bundled, or supplied by an administrator)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedFile(
            f"cannot read calendar file: {exc}", location=path.name, code=ERROR_CODE
        ) from exc
    return parse_year(text, path.name)


def parse_year(text: str, source: str) -> YearArrangement:
    """Parse and validate one year's arrangement (pure); `source` names it in errors."""
    try:
        doc = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise MalformedFile(f"invalid YAML: {exc}", location=source, code=ERROR_CODE) from exc
    if not isinstance(doc, dict):
        refuse(
            source,
            "top",
            gettext_noop("expected a mapping with format, year, source, holidays"),
        )
    _no_unknown(doc, _TOP, source, "top")
    if doc.get("format") != FORMAT:
        refuse(
            source,
            "format",
            gettext_noop("format must be %(expected)s, not %(actual)s"),
            expected=repr(FORMAT),
            actual=repr(doc.get("format")),
        )
    year = doc.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 < year < 2200:
        refuse(
            source,
            "year",
            gettext_noop("year %(year)s is not a year (e.g. 2027)"),
            year=repr(year),
        )
    arrangement = YearArrangement(
        year=year,
        source=_source(doc.get("source"), source),
        holidays=tuple(
            Holiday(
                date=_date(entry, where, source),
                name_zh=_text(entry, "name_zh", where, source),
                name_en=_text(entry, "name_en", where, source),
                authority=_optional(entry, "authority", where, source),
            )
            for where, entry in _entries(doc, "holidays", _HOLIDAY, source)
        ),
        working_days=tuple(
            AdjustedWorkingDay(
                date=_date(entry, where, source),
                for_zh=_text(entry, "for_zh", where, source),
                for_en=_text(entry, "for_en", where, source),
                authority=_optional(entry, "authority", where, source),
            )
            for where, entry in _entries(doc, "working_days", _WORKING, source)
        ),
        file=source,
    )
    check_arrangement(arrangement)
    return arrangement


def _source(value: Any, source: str) -> CalendarSource:
    if not isinstance(value, dict):
        refuse(
            source,
            "source",
            gettext_noop("source must be a mapping: authority_zh, authority_en, extracted_from"),
        )
    _no_unknown(value, _SOURCE, source, "source")
    return CalendarSource(
        authority_zh=_text(value, "authority_zh", "source", source),
        authority_en=_text(value, "authority_en", "source", source),
        extracted_from=_text(value, "extracted_from", "source", source),
        note=_optional(value, "note", "source", source),
    )


def _entries(
    doc: Mapping[str, Any], section: str, allowed: set[str], source: str
) -> list[tuple[str, Mapping[str, Any]]]:
    value = doc.get(section)
    if value is None and section == "working_days":
        return []
    if not isinstance(value, list):
        refuse(source, section, gettext_noop("%(section)s must be a list"), section=section)
    entries: list[tuple[str, Mapping[str, Any]]] = []
    for index, entry in enumerate(value):
        where = f"{section}[{index}]"
        if not isinstance(entry, dict):
            refuse(source, where, gettext_noop("entry is not a mapping"))
        _no_unknown(entry, allowed, source, where)
        entries.append((where, entry))
    return entries


def _date(entry: Mapping[str, Any], where: str, source: str) -> date:
    value = entry.get("date")
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        refuse(
            source,
            where,
            gettext_noop("date %(value)s is not an ISO date (YYYY-MM-DD)"),
            value=repr(value),
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        refuse(source, where, gettext_noop("date %(value)s does not exist"), value=repr(value))


def _text(entry: Mapping[str, Any], key: str, where: str, source: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        refuse(source, where, gettext_noop("missing %(key)s"), key=key)
    return value.strip()


def _optional(entry: Mapping[str, Any], key: str, where: str, source: str) -> str | None:
    return None if entry.get(key) is None else _text(entry, key, where, source)


def _no_unknown(value: Mapping[str, Any], allowed: set[str], source: str, where: str) -> None:
    unknown = set(value) - allowed
    if unknown:
        refuse(
            source,
            where,
            gettext_noop("unknown field(s) %(fields)s"),
            fields=str(sorted(map(str, unknown))),
        )
