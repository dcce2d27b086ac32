"""The compliance_hub JSON envelope `{sourceId, capturedAt, metadata, records[]}`."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.fields import iso_date
from exportctl.reference.formats.rawfile import RawFile


def load_records(raw: RawFile) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The envelope and its records; anything but a list of objects is refused with its index."""
    doc = raw.json()
    if not isinstance(doc, dict) or not isinstance(doc.get("records"), list):
        raise MalformedFile("expected a JSON object with a 'records' list", location=raw.name)
    for index, row in enumerate(doc["records"]):
        if not isinstance(row, dict):
            raise MalformedFile(
                "record is not a JSON object", location=f"{raw.name} records[{index}]"
            )
    return doc, doc["records"]


def row_location(raw: RawFile, index: int, row: dict[str, Any]) -> str:
    """Where a record sits: file, index and its id when it has one."""
    rid = row.get("recordId")
    return f"{raw.name} records[{index}]" + (f" (recordId {rid!r})" if rid else "")


def captured_on(doc: dict[str, Any], raw: RawFile) -> date | None:
    """The date the repackager fetched the list (`capturedAt`)."""
    return iso_date(doc.get("capturedAt"), f"{raw.name} capturedAt")


def source_updated(doc: dict[str, Any]) -> date | None:
    """The publisher's list date in `metadata.sourceUpdatedAt` (ISO, RFC 2822 or DD-Mon-YYYY)."""
    value = str((doc.get("metadata") or {}).get("sourceUpdatedAt") or "").split(" / ")[0].strip()
    if not value:
        return None
    for parse in (date.fromisoformat, lambda v: parsedate_to_datetime(v).date(), _dd_mon_yyyy):
        try:
            return parse(value)
        except (TypeError, ValueError):
            continue
    return None


def _dd_mon_yyyy(value: str) -> date:
    return datetime.strptime(value, "%d-%b-%Y").date()
