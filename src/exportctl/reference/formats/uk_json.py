"""UK Sanctions List (FCDO), as repackaged by compliance_hub (JSON envelope)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.countries import iso2_in_address
from exportctl.reference.formats.fields import KeyRegistry, required_text, to_date
from exportctl.reference.formats.hub_json import (
    captured_on,
    load_records,
    row_location,
    source_updated,
)
from exportctl.reference.formats.names import clean, script_of, unique, unique_names
from exportctl.reference.formats.provenance_md import make_provenance
from exportctl.reference.formats.rawfile import read_raw
from exportctl.reference.records import Designation, EntityRecord, Name, Schema, SourceSnapshot

SOURCE = "uk"
LIST_CODE = "uk_sanctions"
PUBLISHER = "UK Foreign, Commonwealth & Development Office (FCDO)"
_SCHEMAS: dict[str, Schema] = {"Individual": "Person", "Entity": "Organization", "Ship": "Vessel"}
# UK measure names -> the measure codes the Chinese lists use where the two agree.
_MEASURE_CODES = {
    "asset freeze": "asset_freeze",
    "travel ban": "entry_ban",
    "arms embargo": "arms_embargo",
    "targeted arms embargo": "arms_embargo",
    "trust services sanctions": "trust_services_ban",
    "director disqualification sanction": "director_disqualification",
    "prohibition of port entry": "port_entry_ban",
    "chartering of ships": "ship_chartering_ban",
    "de-flag": "deflagging",
}


def parse(path: Path | str) -> SourceSnapshot:
    """Parse the JSON into one record per UK unique id (e.g. AFG0001)."""
    raw = read_raw(path)
    doc, rows = load_records(raw)
    keys = KeyRegistry(raw.name)
    records = []
    for index, row in enumerate(rows):
        location = row_location(raw, index, row)
        uid = required_text(row.get("recordId"), "recordId", location)
        keys.add(uid, location)
        records.append(_record(row, uid, location))
    provenance = make_provenance(
        raw, PUBLISHER, list_date=source_updated(doc), retrieved=captured_on(doc, raw)
    )
    return SourceSnapshot(SOURCE, provenance, sorted(records, key=lambda r: r.key))


def _record(row: dict[str, Any], uid: str, location: str) -> EntityRecord:
    primary = required_text(row.get("entityName"), "entityName", location)
    kind = clean(row.get("designationType"))
    if kind not in _SCHEMAS:
        raise MalformedFile(f"unknown designationType {kind!r}", location=location)
    names = [Name(primary, "primary", script=script_of(primary))]
    names += [
        Name(a, "alias", script=script_of(a)) for a in map(clean, _list(row, "aliases", location))
    ]
    names += [
        Name(n, "original_script", script=script_of(n))
        for n in map(clean, _list(row, "namesNonLatin", location))
    ]
    measures = unique(
        clean(m) for text in _list(row, "measures", location) for m in re.split(r"\s*\|\s*", text)
    )
    addresses = unique(clean(a) for a in _list(row, "addresses", location))
    designation = Designation(
        list_code=LIST_CODE,
        authority=PUBLISHER,
        published=to_date(row.get("designatedOn"), "%d/%m/%Y", location, what="designatedOn"),
        programmes=unique(clean(r) for r in _list(row, "regimes", location)),
        measures=measures,
        measure_codes=unique(_MEASURE_CODES.get(m.casefold()) for m in measures),
        source_url=clean(row.get("sourceUrl")) or None,
    )
    return EntityRecord(
        source=SOURCE,
        key=uid,
        schema=_SCHEMAS[kind],
        names=unique_names(names),
        countries=unique(iso2_in_address(a) for a in addresses),
        addresses=addresses,
        designations=(designation,),
    )


def _list(row: dict[str, Any], field: str, location: str) -> list[Any]:
    value = row.get(field) or []
    if not isinstance(value, list):
        raise MalformedFile(f"{field} is not a list", location=location)
    return value
