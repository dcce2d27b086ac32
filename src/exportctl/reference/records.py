"""Normalised records every list importer produces, whatever the official format.

These are plain frozen dataclasses (no Django) so parsers, the snapshot builder, the screening
engine and the database import service share one vocabulary. The entity model follows
OpenSanctions' FollowTheMoney: a schema, names in any script, countries, addresses,
identifiers, birth dates, and designations (which list, by which announcement, with which
measures and status history).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Schema = Literal["Person", "Organization", "Company", "LegalEntity", "Vessel", "Aircraft"]
NameKind = Literal["primary", "alias", "weak_alias", "original_script", "translation"]
DesignationStatus = Literal["listed", "suspended", "removed"]

SCHEMAS: tuple[str, ...] = (
    "Person",
    "Organization",
    "Company",
    "LegalEntity",
    "Vessel",
    "Aircraft",
)


@dataclass(frozen=True)
class Name:
    """One name of an entity: the primary name, an alias, or the name in its original script."""

    value: str
    kind: NameKind = "alias"
    lang: str | None = None  # BCP-47-ish: "zh", "en", "ru", "ar" ... when the source says so
    script: str | None = None  # ISO 15924: "Hani", "Latn", "Cyrl", "Arab" ... when known


@dataclass(frozen=True)
class Identifier:
    """An identifier printed by the list: passport, registration number, IMO number, ..."""

    type: str
    value: str
    country: str | None = None


@dataclass(frozen=True)
class StatusChange:
    """A change of a designation's (or a control entry's) status from a date, per an announcement."""

    status: DesignationStatus
    start: date
    end: date | None = None  # e.g. a suspension "for 90 days" ends; None = open-ended
    announcement: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Designation:
    """The listing of an entity on one list by one announcement."""

    list_code: str  # see LISTS in reference.lists
    announcement: str | None = None  # e.g. "商务部公告2025年第1号", "SDN", UN reference number
    title: str | None = None
    authority: str | None = None
    published: date | None = None
    effective: date | None = None
    legal_basis: str | None = (
        None  # e.g. "Export Control Law Art. 18; Dual-Use Regulations Art. 28"
    )
    programmes: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()  # measure texts as published (Chinese or English)
    measure_codes: tuple[str, ...] = ()  # stable codes, e.g. "dual_use_export_ban"
    reason: str | None = None
    source_url: str | None = None
    status: DesignationStatus = "listed"
    status_history: tuple[StatusChange, ...] = ()


@dataclass(frozen=True)
class EntityRecord:
    """One listed subject as one source publishes it."""

    source: str  # source code, e.g. "un_sc", "ofac", "mofcom"
    key: str  # stable id within the source (UN DATAID, OFAC uid, "商务部公告2025年第1号-3")
    schema: Schema
    names: tuple[Name, ...]
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    addresses: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO dates or partial ("1956", "1956-06")
    designations: tuple[Designation, ...] = ()
    remarks: str | None = None

    @property
    def caption(self) -> str:
        """The primary name, else the first name."""
        for name in self.names:
            if name.kind == "primary":
                return name.value
        return self.names[0].value if self.names else self.key

    def to_json(self) -> dict[str, Any]:
        # Written out by hand: dataclasses.asdict deep-copies and is ~10x slower on 20k records.
        return {
            "source": self.source,
            "key": self.key,
            "schema": self.schema,
            "names": [
                {"value": n.value, "kind": n.kind, "lang": n.lang, "script": n.script}
                for n in self.names
            ],
            "countries": list(self.countries),
            "addresses": list(self.addresses),
            "identifiers": [
                {"type": i.type, "value": i.value, "country": i.country} for i in self.identifiers
            ],
            "birth_dates": list(self.birth_dates),
            "designations": [_designation_json(d) for d in self.designations],
            "remarks": self.remarks,
        }

    def content_hash(self, data: dict[str, Any] | None = None) -> str:
        """Digest of the record's content: equal hashes mean nothing changed between imports."""
        blob = json.dumps(data or self.to_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EntityRecord:
        return cls(
            source=data["source"],
            key=data["key"],
            schema=data["schema"],
            names=tuple(Name(**n) for n in data["names"]),
            countries=tuple(data.get("countries", ())),
            addresses=tuple(data.get("addresses", ())),
            identifiers=tuple(Identifier(**i) for i in data.get("identifiers", ())),
            birth_dates=tuple(data.get("birth_dates", ())),
            designations=tuple(_designation_from_json(d) for d in data.get("designations", ())),
            remarks=data.get("remarks"),
        )


@dataclass(frozen=True)
class Provenance:
    """Where a source's records come from, carried from PROVENANCE.md into the snapshot and DB."""

    publisher: str
    source_file: str
    source_sha256: str
    list_date: date | None = None  # the publisher's own date for this edition
    retrieved: date | None = None
    source_repository: str | None = None
    licence: str | None = None
    notes: str | None = None


@dataclass
class SourceSnapshot:
    """All records of one source, with the provenance they came with."""

    source: str
    provenance: Provenance
    records: list[EntityRecord] = field(default_factory=list)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _designation_json(d: Designation) -> dict[str, Any]:
    return {
        "list_code": d.list_code,
        "announcement": d.announcement,
        "title": d.title,
        "authority": d.authority,
        "published": _iso(d.published),
        "effective": _iso(d.effective),
        "legal_basis": d.legal_basis,
        "programmes": list(d.programmes),
        "measures": list(d.measures),
        "measure_codes": list(d.measure_codes),
        "reason": d.reason,
        "source_url": d.source_url,
        "status": d.status,
        "status_history": [
            {
                "status": c.status,
                "start": c.start.isoformat(),
                "end": _iso(c.end),
                "announcement": c.announcement,
                "note": c.note,
            }
            for c in d.status_history
        ],
    }


def _designation_from_json(data: dict[str, Any]) -> Designation:
    data = dict(data)
    for key in ("published", "effective"):
        if data.get(key):
            data[key] = date.fromisoformat(data[key])
    data["programmes"] = tuple(data.get("programmes", ()))
    data["measures"] = tuple(data.get("measures", ()))
    data["measure_codes"] = tuple(data.get("measure_codes", ()))
    data["status_history"] = tuple(
        StatusChange(
            status=s["status"],
            start=date.fromisoformat(s["start"]),
            end=date.fromisoformat(s["end"]) if s.get("end") else None,
            announcement=s.get("announcement"),
            note=s.get("note"),
        )
        for s in data.get("status_history", ())
    )
    return Designation(**data)
