"""Field checks shared by the parsers: required text, dates in a stated format, unique keys."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.names import clean


def required_text(value: Any, what: str, location: str) -> str:
    """The cleaned text, or MalformedFile naming the missing field."""
    text = clean(value)
    if not text:
        raise MalformedFile(f"missing required field: {what}", location=location)
    return text


def to_date(value: Any, fmt: str, location: str, *, what: str = "date") -> date | None:
    """Parse a date in `fmt` (strptime); empty gives None, anything else unparsable is an error."""
    text = clean(value)
    if not text:
        return None
    try:
        return datetime.strptime(text, fmt).date()
    except ValueError as exc:
        raise MalformedFile(
            f"{what} {text!r} is not a date in the form {fmt}", location=location
        ) from exc


def iso_date(value: Any, location: str, *, what: str = "date") -> date | None:
    """Parse an ISO date (YYYY-MM-DD, a datetime prefix is allowed)."""
    text = clean(value)
    return to_date(text[:10], "%Y-%m-%d", location, what=what) if text else None


class KeyRegistry:
    """Remembers record keys and refuses a duplicate, naming both places."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._seen: dict[str, str] = {}

    def add(self, key: str, location: str) -> None:
        if key in self._seen:
            raise MalformedFile(
                f"duplicate record id {key!r} (first seen at {self._seen[key]})", location=location
            )
        self._seen[key] = location

    def __contains__(self, key: object) -> bool:
        return key in self._seen
