"""EU Consolidated Financial Sanctions List: JSON Lines mirroring the official FSF XML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.fields import KeyRegistry, iso_date, required_text
from exportctl.reference.formats.names import clean, script_of, unique, unique_names
from exportctl.reference.formats.provenance_md import make_provenance
from exportctl.reference.formats.rawfile import RawFile, loads_json, read_raw
from exportctl.reference.records import (
    Designation,
    EntityRecord,
    Identifier,
    Name,
    Schema,
    SourceSnapshot,
)

SOURCE = "eu"
LIST_CODE = "eu_fsf"
PUBLISHER = "European Commission (DG FISMA), Financial Sanctions Files"
_SCHEMAS: dict[str, Schema] = {"person": "Person", "enterprise": "Organization"}
_UNKNOWN_COUNTRY = "00"  # FSF code for "UNKNOWN"


def parse(path: Path | str) -> SourceSnapshot:
    """Parse the JSON Lines: FSF subjects keyed by EU reference number, vessels by IMO number."""
    raw = read_raw(path)
    keys = KeyRegistry(raw.name)
    records = []
    for number, row in _rows(raw):
        location = f"{raw.name} line {number}"
        record = _vessel(row, location) if "vessel_name" in row else _subject(row, location)
        keys.add(record.key, location)
        records.append(record)
    latest = max(
        (d.published for r in records for d in r.designations if d.published), default=None
    )
    notes = (
        f"the file carries no list date; its latest regulation was published {latest}"
        if latest
        else None
    )
    provenance = make_provenance(raw, PUBLISHER, notes=notes)
    return SourceSnapshot(SOURCE, provenance, sorted(records, key=lambda r: r.key))


def _rows(raw: RawFile) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(raw.text().splitlines(), start=1):
        if line.strip():
            row = loads_json(line, raw.name, first_line=number)
            if not isinstance(row, dict):
                raise MalformedFile(
                    "line is not a JSON object", location=f"{raw.name} line {number}"
                )
            rows.append((number, row))
    return rows


def _subject(row: dict[str, Any], location: str) -> EntityRecord:
    ref = required_text(row.get("eu_reference_number"), "eu_reference_number", location)
    location = f"{location} ({ref})"
    kind = clean((row.get("subject_type") or {}).get("code"))
    if kind not in _SCHEMAS:
        raise MalformedFile(f"unknown subject_type.code {kind!r}", location=location)
    names = [_name(a) for a in row.get("name_aliases") or []]
    names = [n for n in names if n.value]
    if not names:
        raise MalformedFile(
            "missing required field: name (no name_aliases with a whole_name)", location=location
        )
    names[0] = Name(names[0].value, "primary", names[0].lang, names[0].script)
    countries = [c.get("country_iso2_code") for c in row.get("citizenships") or []]
    countries += [a.get("country_iso2_code") for a in row.get("addresses") or []]
    identifiers = [
        Identifier(
            clean(i.get("identification_type_code")) or "id", clean(i.get("number")), _country(i)
        )
        for i in row.get("identifications") or []
        if clean(i.get("number"))
    ]
    if clean(row.get("united_nation_id")):
        identifiers.append(Identifier("un_reference", clean(row.get("united_nation_id"))))
    details = clean(row.get("designation_details"))
    remarks = "\n".join(r for r in (clean(row.get("remark")), details) if r)
    return EntityRecord(
        source=SOURCE,
        key=ref,
        schema=_SCHEMAS[kind],
        names=unique_names(names),
        countries=unique(c for c in countries if c and c != _UNKNOWN_COUNTRY),
        addresses=unique(_address(a) for a in row.get("addresses") or []),
        identifiers=tuple(dict.fromkeys(identifiers)),
        birth_dates=unique(_birth_date(b) for b in row.get("birthdates") or []),
        designations=tuple(_designation(r, location) for r in row.get("regulations") or []),
        remarks=remarks or None,
    )


def _vessel(row: dict[str, Any], location: str) -> EntityRecord:
    imo = required_text(row.get("imo_number"), "imo_number", location)
    name = required_text(row.get("vessel_name"), "vessel_name", f"{location} (IMO {imo})")
    return EntityRecord(
        source=SOURCE,
        key=f"IMO{imo}",
        schema="Vessel",
        names=(Name(name, "primary", script=script_of(name)),),
        identifiers=(Identifier("imo", imo),),
        designations=(
            Designation(
                list_code=LIST_CODE,
                authority="European Union",
                effective=iso_date(
                    row.get("date_of_application"), location, what="date_of_application"
                ),
            ),
        ),
    )


def _name(alias: dict[str, Any]) -> Name:
    value = clean(alias.get("whole_name"))
    lang = clean(alias.get("name_language")).lower() or None
    return Name(value, "alias", lang=lang, script=script_of(value))


def _designation(regulation: dict[str, Any], location: str) -> Designation:
    return Designation(
        list_code=LIST_CODE,
        announcement=clean(regulation.get("number_title")) or None,
        title=clean(regulation.get("regulation_type")) or None,
        authority="European Union",
        published=iso_date(regulation.get("publication_date"), location, what="publication_date"),
        effective=iso_date(
            regulation.get("entry_into_force_date"), location, what="entry_into_force_date"
        ),
        programmes=unique([clean(regulation.get("programme"))]),
        source_url=clean(regulation.get("publication_url")) or None,
    )


def _birth_date(birth: dict[str, Any]) -> str | None:
    if clean(birth.get("birthdate")):
        return clean(birth.get("birthdate"))[:10]
    year, month = birth.get("year"), birth.get("month_of_year")
    if not year:
        return None
    return f"{int(year):04d}-{int(month):02d}" if month else f"{int(year):04d}"


def _address(address: dict[str, Any]) -> str:
    parts = ("street", "zip_code", "city", "region", "place")
    text = ", ".join(p for p in (clean(address.get(k)) for k in parts) if p)
    country = clean(address.get("country_description"))
    if country and country != "UNKNOWN":
        text = f"{text}, {country}" if text else country
    return text


def _country(item: dict[str, Any]) -> str | None:
    code = clean(item.get("country_iso2_code"))
    return code if code and code != _UNKNOWN_COUNTRY else None
