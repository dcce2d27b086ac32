"""US BIS Denied Persons List: the official tab-separated, quoted text (one row per address)."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.countries import iso2
from exportctl.reference.formats.fields import required_text, to_date
from exportctl.reference.formats.names import clean, script_of, unique
from exportctl.reference.formats.provenance_md import make_provenance
from exportctl.reference.formats.rawfile import read_raw
from exportctl.reference.records import Designation, EntityRecord, Name, SourceSnapshot

SOURCE = "bis_dpl"
LIST_CODE = "us_bis_dpl"
PUBLISHER = "U.S. Department of Commerce, Bureau of Industry and Security (BIS)"
COLUMNS = (
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
)
Row = dict[str, str]
_FR_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")


def parse(path: Path | str) -> SourceSnapshot:
    """Parse the DPL; the rows of one name and effective date (one order) make one record."""
    raw = read_raw(path)
    reader = csv.reader(io.StringIO(raw.text(), newline=""), delimiter="\t", quotechar='"')
    header = next(reader, None)
    if header is None or tuple(clean(h) for h in header) != COLUMNS:
        raise MalformedFile(
            f"header is {header!r}, expected the DPL columns {COLUMNS}",
            location=f"{raw.name} line 1",
        )
    groups: dict[str, list[tuple[str, Row]]] = {}
    rows = 0
    for values in reader:
        location = f"{raw.name} line {reader.line_num}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(COLUMNS):
            raise MalformedFile(
                f"{len(values)} columns, expected {len(COLUMNS)}", location=location
            )
        row = {c: clean(v) for c, v in zip(COLUMNS, values, strict=True)}
        name = required_text(row["Name"], "Name", location)
        # The DPL has no record ids: a person and an order's effective date identify a listing.
        effective = to_date(row["Effective_Date"], "%m/%d/%Y", location, what="Effective_Date")
        groups.setdefault(f"{name}|{effective}", []).append((location, row))
        rows += 1
    records = [_record(key, group) for key, group in groups.items()]
    notes = (
        f"{rows} rows (one per address) grouped into {len(records)} denied persons by name and "
        "effective date; the file has no list date (this edition is from September 2022)"
    )
    provenance = make_provenance(raw, PUBLISHER, notes=notes)
    return SourceSnapshot(SOURCE, provenance, sorted(records, key=lambda r: r.key))


def _record(key: str, group: list[tuple[str, Row]]) -> EntityRecord:
    first = group[0][1]
    rows = [row for _, row in group]
    designations = []
    for location, row in group:
        designation = Designation(
            list_code=LIST_CODE,
            announcement=row["FR_Citation"] or None,
            title="Denial order" + (" (standard)" if row["Standard_Order"].upper() == "Y" else ""),
            authority=PUBLISHER,
            published=_latest_notice(row["FR_Citation"]),
            effective=to_date(row["Effective_Date"], "%m/%d/%Y", location, what="Effective_Date"),
        )
        # Checked so a bad expiry never passes silently; kept in remarks (the order lapses then).
        to_date(row["Expiration_Date"], "%m/%d/%Y", location, what="Expiration_Date")
        if designation not in designations:
            designations.append(designation)
    expiry = unique(f"Expiration_Date {r['Expiration_Date']}" for r in rows if r["Expiration_Date"])
    actions = unique(f"Action: {r['Action']}" for r in rows if r["Action"])
    return EntityRecord(
        source=SOURCE,
        key=key,
        # The DPL does not say whether a name is a person or a firm.
        schema="LegalEntity",
        names=(Name(first["Name"], "primary", script=script_of(first["Name"])),),
        countries=unique(iso2(r["Country"]) for r in rows),
        addresses=unique(_address(r) for r in rows),
        designations=tuple(designations),
        remarks="\n".join((*expiry, *actions)) or None,
    )


def _latest_notice(citation: str) -> date | None:
    """The newest Federal Register date a citation names ("87 F.R. 52741 8/29/2022" -> 2022-08-29)."""
    found = []
    for month, day, year in _FR_DATE.findall(citation):
        full = int(year) if len(year) == 4 else (2000 if int(year) < 50 else 1900) + int(year)
        # Citations are free text kept verbatim in `announcement`; a bad token only loses this date.
        with contextlib.suppress(ValueError):
            found.append(date(full, int(month), int(day)))
    return max(found, default=None)


def _address(row: Row) -> str:
    parts: Iterable[str] = (
        row[c] for c in ("Street_Address", "City", "State", "Postal_Code", "Country")
    )
    return ", ".join(p for p in parts if p)
