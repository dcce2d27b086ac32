"""UN Security Council Consolidated List: the official XML (sc-sanctions.xsd) to EntityRecords."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.countries import iso2
from exportctl.reference.formats.fields import KeyRegistry, iso_date, required_text
from exportctl.reference.formats.names import clean, script_of, unique, unique_names
from exportctl.reference.formats.provenance_md import make_provenance
from exportctl.reference.formats.rawfile import RawFile, read_raw
from exportctl.reference.records import (
    Designation,
    EntityRecord,
    Identifier,
    Name,
    SourceSnapshot,
)

SOURCE = "un"
LIST_CODE = "un_sc"
PUBLISHER = "United Nations Security Council"
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ADDRESS_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")


def parse(path: Path | str) -> SourceSnapshot:
    """Parse the consolidated XML (gzipped or not) into one record per INDIVIDUAL and ENTITY."""
    raw = read_raw(path)
    raw.text()  # the UN publishes UTF-8: refuse a re-encoded file before the XML parser guesses
    records, generated = _read(raw)
    provenance = make_provenance(raw, PUBLISHER, list_date=generated)
    return SourceSnapshot(SOURCE, provenance, sorted(records, key=lambda r: r.key))


def _read(raw: RawFile) -> tuple[list[EntityRecord], date | None]:
    records: list[EntityRecord] = []
    keys = KeyRegistry(raw.name)
    counts = {"INDIVIDUAL": 0, "ENTITY": 0}
    generated: date | None = None
    last = "the start of the file"
    try:
        for event, elem in ET.iterparse(io.BytesIO(raw.data), events=("start", "end")):
            if event == "start":
                if generated is None:
                    generated = _root_date(elem, raw)
                continue
            if elem.tag in counts:
                counts[elem.tag] += 1
                record = _record(elem, f"{raw.name} {elem.tag} #{counts[elem.tag]}", keys)
                records.append(record)
                last = f"DATAID {record.key}"
                elem.clear()
    except ET.ParseError as exc:
        line, column = exc.position
        raise MalformedFile(
            f"XML is not well-formed ({exc}); is the file truncated?",
            location=f"{raw.name} line {line} column {column}, after {last}",
        ) from exc
    return records, generated


def _root_date(root: ET.Element, raw: RawFile) -> date:
    """The root must be CONSOLIDATED_LIST; its dateGenerated is the list date."""
    if root.tag != "CONSOLIDATED_LIST":
        raise MalformedFile(
            f"root element is <{root.tag}>, expected <CONSOLIDATED_LIST>", location=raw.name
        )
    generated = iso_date(root.get("dateGenerated"), f"{raw.name} dateGenerated")
    if generated is None:
        raise MalformedFile("CONSOLIDATED_LIST has no dateGenerated", location=raw.name)
    return generated


def _record(elem: ET.Element, location: str, keys: KeyRegistry) -> EntityRecord:
    dataid = required_text(elem.findtext("DATAID"), "DATAID", location)
    location = f"{location} (DATAID {dataid})"
    keys.add(dataid, location)
    person = elem.tag == "INDIVIDUAL"
    prefix = "INDIVIDUAL" if person else "ENTITY"
    primary = " ".join(p for p in (clean(elem.findtext(t)) for t in _NAME_PARTS) if p)
    primary = required_text(primary, "name (FIRST_NAME..FOURTH_NAME)", location)
    names = [Name(primary, "primary", script=script_of(primary))]
    original = clean(elem.findtext("NAME_ORIGINAL_SCRIPT"))
    if original:
        names.append(Name(original, "original_script", script=script_of(original)))
    for alias in elem.iter(f"{prefix}_ALIAS"):
        value = clean(alias.findtext("ALIAS_NAME"))
        if value:
            # UN "Low" quality aliases are too vague to match on alone (OpenSanctions: weakAlias).
            low = clean(alias.findtext("QUALITY")).lower() == "low"
            names.append(Name(value, "weak_alias" if low else "alias", script=script_of(value)))
    addresses = [a for a in (_address(a) for a in elem.iter(f"{prefix}_ADDRESS")) if a]
    countries = [clean(v.text) for v in elem.findall("NATIONALITY/VALUE")]
    countries += [clean(a.findtext("COUNTRY")) for a in elem.iter(f"{prefix}_ADDRESS")]
    positions = [clean(v.text) for v in elem.findall("DESIGNATION/VALUE")]
    remarks = "\n".join(
        r for r in (clean(elem.findtext("COMMENTS1")), "; ".join(p for p in positions if p)) if r
    )
    designation = Designation(
        list_code=LIST_CODE,
        announcement=clean(elem.findtext("REFERENCE_NUMBER")) or None,
        authority=PUBLISHER,
        published=iso_date(elem.findtext("LISTED_ON"), location, what="LISTED_ON"),
        programmes=unique([clean(elem.findtext("UN_LIST_TYPE"))]),
    )
    return EntityRecord(
        source=SOURCE,
        key=dataid,
        schema="Person" if person else "Organization",
        names=unique_names(names),
        countries=unique(iso2(c) for c in countries),
        addresses=unique(addresses),
        identifiers=tuple(dict.fromkeys(_documents(elem))),
        birth_dates=unique(d for dob in elem.iter("INDIVIDUAL_DATE_OF_BIRTH") for d in _dob(dob)),
        designations=(designation,),
        remarks=remarks or None,
    )


def _address(elem: ET.Element) -> str:
    text = ", ".join(p for p in (clean(elem.findtext(t)) for t in _ADDRESS_PARTS) if p)
    note = clean(elem.findtext("NOTE"))
    return f"{text} ({note})" if text and note else text


def _dob(elem: ET.Element) -> list[str]:
    exact = clean(elem.findtext("DATE"))
    if exact:
        return [exact[:10]]
    year = clean(elem.findtext("YEAR"))
    if year:
        return [year]
    start, end = clean(elem.findtext("FROM_YEAR")), clean(elem.findtext("TO_YEAR"))
    if start.isdigit() and end.isdigit() and 0 <= int(end) - int(start) <= 20:
        return [str(y) for y in range(int(start), int(end) + 1)]
    return [y for y in (start, end) if y]


def _documents(elem: ET.Element) -> list[Identifier]:
    out = []
    for doc in elem.iter("INDIVIDUAL_DOCUMENT"):
        number = clean(doc.findtext("NUMBER"))
        if not number:
            continue
        kind = clean(doc.findtext("TYPE_OF_DOCUMENT")) or "document"
        detail = clean(doc.findtext("TYPE_OF_DOCUMENT2"))
        country = clean(doc.findtext("ISSUING_COUNTRY")) or clean(doc.findtext("COUNTRY_OF_ISSUE"))
        out.append(Identifier(f"{kind} ({detail})" if detail else kind, number, iso2(country)))
    return out
