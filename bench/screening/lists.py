"""List records for the screening benchmark.

Uses the bundled party snapshot (src/exportctl/reference/snapshot/parties/*.jsonl.gz, read with
exportctl.reference.parties_snapshot) when it exists; otherwise builds EntityRecords directly from
the official UN XML and the OFAC SLS JSON in ../shared/data (the stop-gap loader below).
"""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from exportctl.reference.records import Designation, EntityRecord, Name

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
SNAPSHOT_DIR = (
    Path(__file__).resolve().parents[2] / "src" / "exportctl" / "reference" / "snapshot" / "parties"
)


def load_records() -> tuple[list[EntityRecord], str]:
    """All list records and a one-line description of where they came from."""
    files = sorted(SNAPSHOT_DIR.glob("*.jsonl.gz"))
    if files:
        try:
            from exportctl.reference.parties_snapshot import read_snapshot
        except ImportError:
            files = []
        else:
            records: list[EntityRecord] = []
            counts = []
            for path in files:
                snapshot = read_snapshot(path)
                records.extend(snapshot.records)
                counts.append(f"{snapshot.source} {len(snapshot.records)}")
            return records, "bundled snapshot: " + ", ".join(counts)
    un = load_un_xml(SHARED / "un-sc-consolidated-list" / "un-consolidated-2026-02-27.xml.gz")
    ofac = load_ofac_json(SHARED / "us-ofac-sdn" / "ofac-sls.json.gz")
    return un + ofac, f"stop-gap loader: un {len(un)}, ofac {len(ofac)}"


def load_un_xml(path: Path) -> list[EntityRecord]:
    """EntityRecords from the official UN consolidated list XML (names, aliases, DOB, nationality)."""
    root = ET.fromstring(gzip.decompress(path.read_bytes()))
    out = []
    for kind, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
        for node in root.iter(kind):
            parts = [
                node.findtext(f) or ""
                for f in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
            ]
            primary = " ".join(p.strip() for p in parts if p.strip())
            names = [Name(primary, "primary")]
            original = (node.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
            if original:
                names.append(Name(original, "original_script"))
            for alias in node.iter(f"{kind}_ALIAS"):
                value = (alias.findtext("ALIAS_NAME") or "").strip()
                if value:
                    weak = (alias.findtext("QUALITY") or "") == "Low"
                    names.append(Name(value, "weak_alias" if weak else "alias"))
            dobs = []
            for dob in node.iter("INDIVIDUAL_DATE_OF_BIRTH"):
                value = (dob.findtext("DATE") or dob.findtext("YEAR") or "").strip()
                if value:
                    dobs.append(value[:10])
            reference = node.findtext("REFERENCE_NUMBER") or ""
            designation = Designation(
                "un_sc", announcement=reference, programmes=(node.findtext("UN_LIST_TYPE") or "",)
            )
            out.append(
                EntityRecord(
                    "un_sc",
                    node.findtext("DATAID") or reference,
                    schema,
                    tuple(names),
                    birth_dates=tuple(dobs),
                    designations=(designation,),
                )
            )
    return out


def load_ofac_json(path: Path) -> list[EntityRecord]:
    """EntityRecords from the normalised OFAC SLS JSON (names and aliases only)."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    schemas = {
        "Individual": "Person",
        "Entity": "Organization",
        "Vessel": "Vessel",
        "Aircraft": "Aircraft",
    }
    out = []
    for row in data["records"]:
        names = [Name(row["entityName"], "primary")]
        names += [Name(a, "alias") for a in row.get("aliases") or [] if a]
        designation = Designation(
            "ofac_sdn",
            announcement=row.get("sourceList"),
            programmes=tuple(row.get("programs") or ()),
        )
        out.append(
            EntityRecord(
                "ofac",
                str(row["recordId"]),
                schemas.get(row["entityType"], "LegalEntity"),  # type: ignore[arg-type]
                tuple(names),
                designations=(designation,),
            )
        )
    return out
