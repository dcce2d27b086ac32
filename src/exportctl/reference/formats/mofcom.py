"""Chinese party lists (MOFCOM control/watch lists, UEL, MFA countermeasures) from two sources.

Three snapshots: `mofcom` (control list and watch list), `uel` (Unreliable Entity List) and `mfa`
(MFA countermeasure list). Source A is compliance_hub's JSON, source B ammitto's YAML; they are
merged by `mofcom_merge`. Keys are "<announcement>-<ordinal>"; measure codes are defined in
`mofcom_terms`. The UEL's suspend/stop decisions become each designation's status history.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats import mofcom_ammitto, mofcom_hub
from exportctl.reference.formats.fields import KeyRegistry
from exportctl.reference.formats.mofcom_merge import Match, match, merged_record
from exportctl.reference.formats.mofcom_terms import MFA, MOFCOM_CONTROL, MOFCOM_WATCH, UEL, Listing
from exportctl.reference.formats.provenance_md import repository_and_licence
from exportctl.reference.formats.rawfile import files_digest, read_raw
from exportctl.reference.records import EntityRecord, Provenance, SourceSnapshot, StatusChange

SOURCES = ("mofcom", "uel", "mfa")
_AMMITTO = "ammitto-data-cn/sources"
_HUB_FILES = {"mofcom": "china-control-entities.json", "uel": "china-unreliable-entity.json"}
_AMMITTO_DIRS = {
    "mofcom": ("sanction-lists/import-export-control-list", MOFCOM_CONTROL),
    "uel": ("sanction-lists/unrealiable-entity-list", UEL),  # sic: upstream's spelling
    "mfa": ("sanction-lists/anti-sanction-list", MFA),
}
_UPDATES_DIR = "sanction-updates/unreliable-entity-list-updates"
_LIST_CODES = {"mofcom": (MOFCOM_CONTROL, MOFCOM_WATCH), "uel": (UEL,), "mfa": (MFA,)}
_PUBLISHERS = {
    "mofcom": "中华人民共和国商务部 (MOFCOM)",
    "uel": "不可靠实体清单工作机制 (UEL Working Mechanism, office in MOFCOM)",
    "mfa": "中华人民共和国外交部 (Ministry of Foreign Affairs)",
}


def parse(folder: Path | str, **paths: Path) -> dict[str, SourceSnapshot]:
    """All three snapshots from the cn-mofcom-controlled-parties folder."""
    return {source: parse_source(source, folder, **paths) for source in SOURCES}


def parse_source(
    source: str,
    path: Path | str,
    *,
    notices: Path | None = None,
    country_names_zh: Path | None = None,
) -> SourceSnapshot:
    """One snapshot (mofcom, uel or mfa) from the folder or its compliance_hub JSON file."""
    # The ammitto tree beside the JSON is merged in when present; the sibling folders
    # cn-mofcom-notices and countries-zh give notice texts and Chinese country names.
    path = Path(path)
    if not path.exists():  # else a mistyped JSON name would quietly give the ammitto half only
        raise FileNotFoundError(path)
    folder = path if path.is_dir() else path.parent
    hub_file = folder / _HUB_FILES[source] if path.is_dir() and source in _HUB_FILES else path
    if source not in _HUB_FILES and not path.is_dir():
        raise MalformedFile(
            "the MFA list is read from the cn-mofcom-controlled-parties folder", location=path.name
        )
    notices = notices or folder.parent / "cn-mofcom-notices" / "china-dual-use-notices.json.gz"
    zh_csv = country_names_zh or folder.parent / "countries-zh" / "countrynames-zh-variants.csv"
    inputs: dict[str, bytes] = {}
    hub: list[Listing] = []
    retrieved = None
    if source in _HUB_FILES and hub_file.is_file():
        raw = read_raw(hub_file)
        inputs[f"{folder.name}/{raw.name}"] = raw.raw
        hub, retrieved = mofcom_hub.read_listings(raw), mofcom_hub.captured(raw)
        for listing in hub:
            if listing.list_code not in _LIST_CODES[source]:
                raise MalformedFile(
                    f"this file holds {listing.list_code} entries, not {source}",
                    location=f"{raw.name} ({listing.announcement}-{listing.ordinal})",
                )
    ammitto, skipped = _ammitto(folder, source, inputs)
    if not hub and not ammitto:
        raise MalformedFile(
            f"no {source} entries found (no compliance_hub JSON, no ammitto YAML)",
            location=str(path),
        )
    pairs = match(hub, ammitto)
    extra: dict[str, tuple[str, ...]] = {}
    missing = {p.first.announcement for p in pairs if not p.measures()}
    if missing and notices.is_file():
        raw = read_raw(notices)
        extra = mofcom_hub.notice_measures(raw, missing)
        if extra:
            inputs[f"{notices.parent.name}/{raw.name}"] = raw.raw
    keys = KeyRegistry(f"{source} merge")
    records = [merged_record(source, p, extra, zh_csv) for p in pairs]
    for pair, record in zip(pairs, records, strict=True):
        keys.add(record.key, pair.first.origin)
    published = [d.published for r in records for d in r.designations]
    if source == "uel":
        records, update_dates = _apply_updates(records, folder, inputs)
        published += update_dates
    provenance = Provenance(
        publisher=_PUBLISHERS[source],
        source_file="; ".join(_summarise(sorted(inputs))),
        source_sha256=files_digest(inputs.items()),
        list_date=max((d for d in published if d), default=None),
        retrieved=retrieved,
        notes=_notes(pairs, skipped, extra, bool(hub)),
    )
    provenance = replace(provenance, **_repository(folder, source))
    return SourceSnapshot(source, provenance, sorted(records, key=lambda r: r.key))


def _ammitto(folder: Path, source: str, inputs: dict[str, bytes]) -> tuple[list[Listing], int]:
    subdir, list_code = _AMMITTO_DIRS[source]
    vocabulary = folder / _AMMITTO / "supporting" / "organizations.yml"
    organisations = mofcom_ammitto.organisations(vocabulary) if vocabulary.is_file() else {}
    listings: list[Listing] = []
    skipped = 0
    origins: dict[str, str] = {}
    for path in sorted((folder / _AMMITTO / subdir).glob("*.y*ml")):
        inputs[str(path.relative_to(folder.parent))] = path.read_bytes()
        items, n = mofcom_ammitto.read_listings(path, list_code, organisations)
        skipped += n
        for number in {i.announcement for i in items}:
            if origins.setdefault(number, path.name) != path.name:
                raise MalformedFile(
                    f"announcement {number} also in {origins[number]}", location=path.name
                )
        listings += items
    return listings, skipped


def _apply_updates(
    records: list[EntityRecord], folder: Path, inputs: dict[str, bytes]
) -> tuple[list[EntityRecord], list[date | None]]:
    """Attach the UEL suspend/stop decisions to their designations; status = the latest decision."""
    changes: dict[str, list[StatusChange]] = {}
    dates: list[date | None] = []
    for path in sorted((folder / _AMMITTO / _UPDATES_DIR).glob("*.y*ml")):
        inputs[str(path.relative_to(folder.parent))] = path.read_bytes()
        for target, change, published in mofcom_ammitto.read_status_updates(path):
            if not any(r.designations[0].announcement == target for r in records):
                raise MalformedFile(
                    f"update names {target}, which lists no entity", location=path.name
                )
            changes.setdefault(target, []).append(change)
            dates.append(published)
    out = []
    for record in records:
        designation = record.designations[0]
        history = tuple(
            sorted(changes.get(designation.announcement or "", []), key=lambda c: c.start)
        )
        if history:
            designation = replace(designation, status=history[-1].status, status_history=history)
            record = replace(record, designations=(designation,))
        out.append(record)
    return out, dates


def _notes(
    pairs: list[Match], skipped: int, extra: dict[str, tuple[str, ...]], merged: bool
) -> str:
    both = sum(1 for p in pairs if p.hub and p.ammitto)
    spelling = sum(
        1
        for p in pairs
        if p.hub
        and p.ammitto
        and p.hub.name_en
        and p.ammitto.name_en
        and p.hub.name_en != p.ammitto.name_en
    )
    parts = [
        "ammitto/data-cn only; English names are the ammitto authors' unless a decision prints them"
    ]
    if merged:
        parts = [
            f"{both} entities in both sources, {sum(1 for p in pairs if not p.ammitto)} only "
            f"in compliance_hub, {sum(1 for p in pairs if not p.hub)} only in ammitto",
            f"{spelling} English spellings differ between the sources (both kept)",
        ]
    if skipped:
        parts.append(f"investigation-notice entries skipped as not designations: {skipped}")
    if extra:
        parts.append(
            f"measures of {', '.join(sorted(extra))} from the notice texts (cn-mofcom-notices)"
        )
    parts.append(
        "list_date is the newest announcement in the data; coverage is not guaranteed complete"
    )
    return "; ".join(parts)


def _repository(folder: Path, source: str) -> dict[str, str | None]:
    repository, licence = repository_and_licence(folder / "PROVENANCE.md")
    if repository and source not in _HUB_FILES:
        # The MFA list comes from ammitto alone: drop the compliance_hub repository.
        repository = "; ".join(r for r in repository.split("; ") if "ammitto" in r) or repository
    return {"source_repository": repository, "licence": licence}


def _summarise(names: list[str]) -> list[str]:
    """File names, with each ammitto directory shown once as a glob and its file count."""
    groups: dict[str, int] = {}
    for name in names:
        key = f"{name.rsplit('/', 1)[0]}/*.yml" if name.endswith((".yml", ".yaml")) else name
        groups[key] = groups.get(key, 0) + 1
    return [f"{k} ({n} files)" if k.endswith("*.yml") else k for k, n in groups.items()]
