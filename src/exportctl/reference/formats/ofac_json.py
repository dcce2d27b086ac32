"""US OFAC SDN and Non-SDN Consolidated lists, as repackaged by compliance_hub (JSON envelope)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.countries import iso2, iso2_in_address
from exportctl.reference.formats.fields import KeyRegistry, required_text
from exportctl.reference.formats.hub_json import (
    captured_on,
    load_records,
    row_location,
    source_updated,
)
from exportctl.reference.formats.names import clean, script_of, unique, unique_names
from exportctl.reference.formats.provenance_md import make_provenance
from exportctl.reference.formats.rawfile import read_raw
from exportctl.reference.records import (
    Designation,
    EntityRecord,
    Identifier,
    Name,
    Schema,
    SourceSnapshot,
)

SOURCE = "ofac"
LIST_CODE = "ofac_sdn"
PUBLISHER = "U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)"
_SCHEMAS: dict[str, Schema] = {
    "Individual": "Person",
    "Entity": "Organization",
    "Vessel": "Vessel",
    "Aircraft": "Aircraft",
}
# OFAC "ID" rows that describe rather than identify; kept as remarks, not matched as identifiers.
_FACTS = {
    "Gender",
    "Target Type",
    "Vessel Year of Build",
    "Aircraft Model",
    "Aircraft Operator",
    "Issuer Name",
}
# ID rows whose value is a country (flag state, registration country).
_COUNTRY_FACTS = {
    "Former Vessel Flag",
    "Other Vessel Flag",
    "Nationality of Registration",
    "Registration Country",
}


def parse(path: Path | str) -> SourceSnapshot:
    """Parse the JSON: one record per list row, keyed by OFAC uid (Non-SDN rows: "<uid>-cons")."""
    raw = read_raw(path)
    doc, rows = load_records(raw)
    keys = KeyRegistry(raw.name)
    records = []
    for index, row in enumerate(rows):
        location = row_location(raw, index, row)
        uid = required_text(row.get("recordId"), "recordId", location)
        listed_on = required_text(row.get("sourceList"), "sourceList", location)
        # 93 uids are on both lists; each list row stays a record, as OFAC publishes them.
        key = uid if listed_on == "SDN" else f"{uid}-cons"
        keys.add(key, location)
        records.append(_record(row, key, listed_on, location))
    on_both = sum(1 for r in records if r.key.endswith("-cons") and r.key[:-5] in keys)
    notes = f"{on_both} OFAC uids are on both the SDN and the Non-SDN list (one record per list)"
    provenance = make_provenance(
        raw, PUBLISHER, list_date=source_updated(doc), retrieved=captured_on(doc, raw), notes=notes
    )
    return SourceSnapshot(SOURCE, provenance, sorted(records, key=lambda r: r.key))


def _record(row: dict[str, Any], key: str, listed_on: str, location: str) -> EntityRecord:
    primary = required_text(row.get("entityName"), "entityName", location)
    kind = clean(row.get("entityType"))
    if kind not in _SCHEMAS:
        raise MalformedFile(f"unknown entityType {kind!r}", location=location)
    names = [Name(primary, "primary", script=script_of(primary))]
    names += [
        Name(a, "alias", script=script_of(a)) for a in map(clean, _list(row, "aliases", location))
    ]
    addresses = unique(clean(a) for a in _list(row, "addresses", location))
    identifiers: list[Identifier] = []
    facts: list[str] = []
    countries = [iso2_in_address(a) for a in addresses]
    for item in _list(row, "identificationNumbers", location):
        kind_id, value = clean(item.get("type")), clean(item.get("number"))
        if not value:
            continue
        if _is_fact(kind_id):
            facts.append(f"{kind_id} {value}")
            if kind_id in _COUNTRY_FACTS:
                countries.append(iso2(value))
        else:
            country = iso2(clean(item.get("country")))
            identifiers.append(Identifier(kind_id or "identifier", value, country))
            countries.append(country)
    designation = Designation(
        list_code=LIST_CODE,
        announcement=listed_on,
        authority=PUBLISHER,
        programmes=unique(clean(p) for p in _list(row, "programs", location)),
        source_url=clean(row.get("sourceUrl")) or None,
    )
    return EntityRecord(
        source=SOURCE,
        key=key,
        schema=_SCHEMAS[kind],
        names=unique_names(names),
        countries=unique(countries),
        addresses=addresses,
        identifiers=tuple(dict.fromkeys(identifiers)),
        designations=(designation,),
        remarks="\n".join(dict.fromkeys(facts)) or None,
    )


def _is_fact(kind: str) -> bool:
    return (
        kind in _FACTS
        or kind in _COUNTRY_FACTS
        or kind.endswith((":", "-"))
        or "Date" in kind
        or "Information" in kind
    )


def _list(row: dict[str, Any], field: str, location: str) -> list[Any]:
    value = row.get(field) or []
    if not isinstance(value, list):
        raise MalformedFile(f"{field} is not a list", location=location)
    return value
