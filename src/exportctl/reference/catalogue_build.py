"""Build and read the catalogue snapshot the system ships (`reference/snapshot/catalogue/`).

Inputs are the shared reference data folders (each with its PROVENANCE.md) plus the curated
`items_from_announcements.yaml`; outputs are four gzip JSON-lines files, each opening with a
header line {"format": "exportctl-<kind>/1", "provenance": {...}, "count": N}, and PROVENANCE.md.
The build is deterministic (no clock, gzip mtime 0) and all-or-nothing: every input is parsed
and checked before the first file is replaced.

    python -m exportctl.reference.catalogue_build --shared /work/shared/data
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TypeVar

from exportctl.core.errors import ExportControlError, MalformedFile
from exportctl.reference.catalogue_records import (
    Announcement,
    ControlEntry,
    Country,
    HSCode,
    code_sort_key,
    top_code,
)
from exportctl.reference.formats import control_list, country_table, hs_codes, notices
from exportctl.reference.formats.hub_json import captured_on
from exportctl.reference.formats.provenance_md import make_provenance
from exportctl.reference.formats.rawfile import RawFile, read_raw
from exportctl.reference.records import Provenance, StatusChange

SNAPSHOT_DIR = Path(__file__).parent / "snapshot" / "catalogue"
CURATED_ITEMS = SNAPSHOT_DIR / "items_from_announcements.yaml"
FORMAT_DOC = SNAPSHOT_DIR / "FORMAT.md"  # the field-by-field documentation, kept by hand
FILES = {
    "control-entries": "control_entries.jsonl.gz",
    "hs-codes": "hs_codes.jsonl.gz",
    "countries": "countries.jsonl.gz",
    "announcements": "announcements.jsonl.gz",
}
# Inputs, relative to the shared data folder: (path, publisher, edition date).
INPUTS: dict[str, tuple[str, str, date | None]] = {
    "control_list": (
        "cn-dual-use-control-list/china-control-list.json",
        "商务部 工业和信息化部 海关总署 国家密码局 "
        "(MOFCOM, MIIT, GACC, State Cryptography Administration)",
        date(2026, 6, 12),  # the consolidated PDF 202606/12
    ),
    "notices": (
        "cn-mofcom-notices/china-dual-use-notices.json.gz",
        "商务部 (MOFCOM), 海关总署 (GACC), 国务院",
        None,
    ),
    "catalogue_notices": (
        "cn-mofcom-notices/china-licence-catalogue-notices.json",
        "商务部 (MOFCOM), 海关总署 (GACC)",
        None,
    ),
    "hs8_zh": (
        "cn-customs-hs-codes/cn-customs-hs8-2023-zh.csv.gz",
        "海关总署 (GACC)",
        date(2023, 1, 1),
    ),
    "hs8_en": (
        "cn-customs-hs-codes/cn-customs-hs8-2023-en.csv.gz",
        "海关总署 (GACC)",
        date(2023, 1, 1),
    ),
    "partners_zh": (
        "cn-customs-hs-codes/cn-customs-trading-partners-zh.csv",
        "海关总署 (GACC)",
        None,
    ),
    "partners_en": (
        "cn-customs-hs-codes/cn-customs-trading-partners-en.csv",
        "海关总署 (GACC)",
        None,
    ),
    "dual_use_hs": (
        "cn-dual-use-licence-catalogue-hs-2026/dual_use_hs_codes_2026.json",
        "商务部 海关总署 (MOFCOM, GACC): 2026年度《两用物项和技术进出口许可证管理目录》"
        "（公告2025年第91号）",
        date(2026, 1, 1),
    ),
    "licence_goods": (
        "cn-export-licence-goods-2026/china-export-licence-goods.json.gz",
        "商务部 海关总署 (MOFCOM, GACC): 出口许可证管理货物目录（2026年）",
        date(2026, 1, 1),
    ),
    "countries_zh": (
        "countries-zh/countrynames-zh-variants.csv",
        "turbanisch/chinese-countryname-regex (Chinese Wikipedia names)",
        None,
    ),
}
USED_BY = {
    "control-entries": ("control_list", "notices", "catalogue_notices", "dual_use_hs"),
    "hs-codes": ("hs8_zh", "hs8_en", "dual_use_hs", "licence_goods", "notices"),
    "countries": ("countries_zh", "partners_zh", "partners_en"),
    "announcements": ("notices", "catalogue_notices"),
}

R = TypeVar("R")


@dataclass(frozen=True)
class Catalogue:
    """Everything the snapshot holds, with the provenance of each input file."""

    control_entries: tuple[ControlEntry, ...]
    hs_codes: tuple[HSCode, ...]
    countries: tuple[Country, ...]
    announcements: tuple[Announcement, ...]
    inputs: dict[str, Provenance]


@dataclass(frozen=True)
class SnapshotFile(Generic[R]):
    """One snapshot file as read back: its header and its records."""

    format: str
    provenance: dict[str, Any]
    records: tuple[R, ...]


def build_catalogue(
    shared_data_dir: Path | str, curated_items: Path | str = CURATED_ITEMS
) -> Catalogue:
    """Parse and cross-check every input; raises MalformedFile before anything is written."""
    shared = Path(shared_data_dir)
    raws = {name: _read_input(shared, rel) for name, (rel, _, _) in INPUTS.items()}
    inputs = {
        name: make_provenance(
            raws[name], publisher, list_date=edition, retrieved=_captured(raws[name])
        )
        for name, (_, publisher, edition) in INPUTS.items()
    }
    listed = control_list.parse_control_list(raws["control_list"])
    texts = notices.merge_notices(
        notices.parse_notices(raws["notices"]), notices.parse_notices(raws["catalogue_notices"])
    )
    curated = notices.load_curated_items(read_raw(curated_items))
    suspensions = [s for a, text in texts for s in notices.extract_suspensions(a, text)]
    announcements = _announcements(texts, curated, suspensions)
    entries = _control_entries(listed, curated, announcements, suspensions)
    by_hs: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        for code in entry.hs_codes:
            by_hs[code] = (*by_hs.get(code, ()), entry.code)
    hs = hs_codes.build_hs_codes(
        hs_codes.parse_hs8_names(raws["hs8_zh"], "商品编码", "商品名称"),
        hs_codes.parse_hs8_names(raws["hs8_en"], "CODES", "DESCRIPTION"),
        hs_codes.parse_dual_use_catalogue(raws["dual_use_hs"]),
        hs_codes.parse_export_licence_goods(raws["licence_goods"]),
        by_hs,
    )
    countries = country_table.build_countries(
        country_table.parse_chinese_names(raws["countries_zh"]),
        country_table.parse_partners(raws["partners_zh"], raws["partners_en"]),
    )
    return Catalogue(entries, hs, countries, announcements, inputs)


def build_catalogue_snapshot(
    shared_data_dir: Path | str,
    out_dir: Path | str = SNAPSHOT_DIR,
    curated_items: Path | str = CURATED_ITEMS,
) -> dict[str, int]:
    """Build the catalogue and write the four files and PROVENANCE.md; returns the counts."""
    catalogue = build_catalogue(shared_data_dir, curated_items)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    payloads = {
        kind: _jsonl_gz(kind, _header_provenance(kind, catalogue), [r.to_json() for r in records])
        for kind, records in _records_by_kind(catalogue).items()
    }
    counts = {kind: len(records) for kind, records in _records_by_kind(catalogue).items()}
    markdown = _provenance_markdown(catalogue, counts)
    for kind, payload in payloads.items():
        _replace(out / FILES[kind], payload)
    _replace(out / "PROVENANCE.md", markdown.encode("utf-8"))
    return counts


# ---- reading ------------------------------------------------------------------------------------


def read_control_entries(path: Path | str) -> SnapshotFile[ControlEntry]:
    return _read(Path(path), "control-entries", ControlEntry.from_json, lambda r: r.code)


def read_hs_codes(path: Path | str) -> SnapshotFile[HSCode]:
    return _read(Path(path), "hs-codes", HSCode.from_json, lambda r: r.code)


def read_countries(path: Path | str) -> SnapshotFile[Country]:
    return _read(Path(path), "countries", Country.from_json, lambda r: r.iso2)


def read_announcements(path: Path | str) -> SnapshotFile[Announcement]:
    return _read(Path(path), "announcements", Announcement.from_json, lambda r: r.key)


def _read(
    path: Path, kind: str, from_json: Callable[[dict[str, Any]], R], key: Callable[[R], str]
) -> SnapshotFile[R]:
    text = read_raw(path).text()
    lines = text.splitlines()
    if not lines:
        raise MalformedFile("empty file: no header line", location=path.name)
    header = _json_line(lines[0], f"{path.name} line 1")
    expected = f"exportctl-{kind}/1"
    if not isinstance(header, dict) or header.get("format") != expected:
        raise MalformedFile(
            f"header must carry format {expected!r}", location=f"{path.name} line 1"
        )
    if not isinstance(header.get("provenance"), dict) or not isinstance(header.get("count"), int):
        raise MalformedFile(
            "header must carry provenance (object) and count (integer)",
            location=f"{path.name} line 1",
        )
    records: list[R] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        location = f"{path.name} line {number}"
        data = _json_line(line, location)
        try:
            record = from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise MalformedFile(f"not a valid {kind} record: {exc!r}", location=location) from exc
        if key(record) in seen:
            raise MalformedFile(
                f"duplicate {key(record)!r} (first at line {seen[key(record)]})", location=location
            )
        seen[key(record)] = number
        records.append(record)
    if len(records) != header["count"]:
        raise MalformedFile(
            f"header count {header['count']} but {len(records)} records (truncated file?)",
            location=path.name,
        )
    return SnapshotFile(expected, header["provenance"], tuple(records))


def _json_line(line: str, location: str) -> Any:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedFile(f"invalid JSON: {exc.msg}", location=location) from exc
    if not isinstance(data, dict):
        raise MalformedFile("expected a JSON object", location=location)
    return data


# ---- assembling ---------------------------------------------------------------------------------


def _announcements(
    texts: Sequence[tuple[Announcement, str]],
    curated: notices.CuratedItems,
    suspensions: Sequence[notices.Suspension],
) -> tuple[Announcement, ...]:
    by_key = {a.key: a for a, _ in texts}
    for stub in curated.referenced:
        if stub.key in by_key:
            raise MalformedFile(
                "listed as referenced but its text is in the data", location=stub.key
            )
        codes = tuple(
            e.code
            for e in curated.entries
            if notices.canonical_key(e.source_announcement or "") == stub.key
        )
        by_key[stub.key] = dataclasses.replace(stub, control_codes=codes)
    for s in suspensions:
        target = by_key.get(s.target)
        if target is None:
            raise MalformedFile(
                f"suspends {s.target}, which is neither in the data nor referenced", location=s.by
            )
        change = _status_change(s)
        by_key[s.target] = dataclasses.replace(
            target, status_history=(*target.status_history, change)
        )
    return tuple(sorted(by_key.values(), key=lambda a: (a.published or date.min, a.key)))


def _control_entries(
    listed: Sequence[ControlEntry],
    curated: notices.CuratedItems,
    announcements: Sequence[Announcement],
    suspensions: Sequence[notices.Suspension],
) -> tuple[ControlEntry, ...]:
    by_key = {a.key: a for a in announcements}
    entries = {e.code: e for e in listed}
    for code, number, effective, citation in curated.introduced:
        if code not in entries:
            raise MalformedFile(
                f"introduced code {code} is not in the control list",
                location=str(CURATED_ITEMS.name),
            )
        entries[code] = dataclasses.replace(
            entries[code],
            source_announcement=number,
            effective_from=effective,
            citation=f"{entries[code].citation}; {citation}",
        )
    for item in curated.entries:
        top = entries.get(top_code(item.code))
        same = entries.get(item.code)
        if same is not None:  # a top-level code the announcement prints in full: its text wins
            item = dataclasses.replace(
                item, reason=same.reason, item_type=same.item_type, list_text_zh=same.text_zh
            )
        elif top is not None:
            item = dataclasses.replace(item, reason=top.reason, item_type=top.item_type)
        entries[item.code] = item
    out = []
    for entry in entries.values():
        key = notices.canonical_key(entry.source_announcement or "")
        announcement = by_key.get(key or "")
        if announcement is None:
            raise MalformedFile(
                f"{entry.code}: unknown announcement {entry.source_announcement!r}",
                location=entry.code,
            )
        history = tuple(
            _status_change(s) for s in suspensions if s.target == key and s.paragraph is None
        )
        out.append(
            dataclasses.replace(
                entry,
                status_history=entry.status_history + history,
                source_url=entry.source_url or announcement.url,
            )
        )
    return tuple(sorted(out, key=lambda e: code_sort_key(e.code)))


def _status_change(s: notices.Suspension) -> StatusChange:
    part = f" ({s.paragraph})" if s.paragraph else ""
    return StatusChange(
        status="suspended",
        start=s.start,
        end=s.end,
        announcement=s.by_number,
        note=f"{s.target}{part} suspended {s.start.isoformat()} to {s.end.isoformat()} inclusive",
    )


# ---- writing ------------------------------------------------------------------------------------


def _records_by_kind(catalogue: Catalogue) -> dict[str, Sequence[Any]]:
    return {
        "control-entries": catalogue.control_entries,
        "hs-codes": catalogue.hs_codes,
        "countries": catalogue.countries,
        "announcements": catalogue.announcements,
    }


def _pycountry() -> dict[str, Any]:
    """pycountry is a source too: the ISO 3166-1 list and the iso-codes zh_CN names."""
    return {
        "input": "pycountry",
        "publisher": "Debian iso-codes (ISO 3166-1), packaged by pycountry",
        "version": metadata.version("pycountry"),
        "licence": "LGPL-2.1 (pycountry); ISO 3166 codes are facts",
    }


def _header_provenance(kind: str, catalogue: Catalogue) -> dict[str, Any]:
    sources = [_provenance_json(name, catalogue.inputs[name]) for name in USED_BY[kind]]
    return {
        "sources": [*sources, _pycountry()] if kind == "countries" else sources,
        "curated": CURATED_ITEMS.name if kind in ("control-entries", "announcements") else None,
        "caveats": list(CAVEATS[kind]),
        "built_by": "exportctl.reference.catalogue_build",
    }


def _provenance_json(name: str, p: Provenance) -> dict[str, Any]:
    data = dataclasses.asdict(p)
    data["input"] = name
    data["source_file"] = INPUTS[name][0]
    for key in ("list_date", "retrieved"):
        data[key] = data[key].isoformat() if data[key] else None
    return data


def _counts_detail(catalogue: Catalogue) -> dict[str, int]:
    entries = catalogue.control_entries
    return {
        "top-level entries": sum(1 for e in entries if e.parent is None),
        "sub-items": sum(1 for e in entries if e.parent is not None),
        "entries with degraded text": sum(1 for e in entries if e.text_degraded),
        "entries suspended at some date": sum(1 for e in entries if e.status_history),
        "HS8 codes": sum(1 for h in catalogue.hs_codes if len(h.code) == 8),
        "10-digit catalogue codes": sum(1 for h in catalogue.hs_codes if len(h.code) == 10),
        "countries with a customs partner code": sum(
            1 for c in catalogue.countries if c.customs_partner_code
        ),
        "announcements known only by reference": sum(
            1 for a in catalogue.announcements if not a.in_source
        ),
    }


def _jsonl_gz(kind: str, provenance: dict[str, Any], rows: Iterable[dict[str, Any]]) -> bytes:
    rows = list(rows)
    header = {"format": f"exportctl-{kind}/1", "provenance": provenance, "count": len(rows)}
    text = "".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in [header, *rows]
    )
    buffer = io.BytesIO()
    with gzip.GzipFile(
        fileobj=buffer, mode="wb", mtime=0, filename=""
    ) as handle:  # reproducible bytes
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def _replace(path: Path, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; package data must be world-readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _captured(raw: RawFile) -> date | None:
    """capturedAt of the compliance_hub JSON envelope, when the file is one."""
    if not raw.name.endswith((".json", ".json.gz")):
        return None
    doc = raw.json()
    return captured_on(doc, raw) if isinstance(doc, dict) and "capturedAt" in doc else None


def _read_input(shared: Path, relative: str) -> RawFile:
    path = shared / relative
    if not path.is_file():
        raise MalformedFile("input file not found", location=str(path))
    return read_raw(path)


# ---- PROVENANCE.md ---------------------------------------------------------------------------

CAVEATS: dict[str, tuple[str, ...]] = {
    "control-entries": (
        "The control list JSON was extracted from the June 2026 consolidated PDF and LOST DIGITS "
        '("额定电压大于kV", "为1.5～MPa", "第位"), item numbers and superscripts; its texts are '
        "truncated snippets. text_degraded marks the loss; never check a threshold against them.",
        "The list prints no HS codes; hs_codes come only from item announcements (reference HS "
        "codes: the control code and parameters prevail).",
        "reason and item_type are the extractor's derivation from the code (reason_derived=true), "
        "not printed per entry; the official meaning of each code character is in MOFCOM's FAQ "
        "《两用物项出口管制清单》常见问题 Q5.",
        "The EU Annex I (eu-dual-use-annex-i) is NOT used: no EU text or threshold is in this "
        "file.",
        "2025 No. 18 (1C902-1C908) is not in the notice data: its sub-items carry the consolidated "
        "list's degraded text; 1C902.a's HS code 2805301910 comes from regime.md (§4, [C]).",
        "Suspensions are read from 2025 Nos. 70 and 72; end dates are inclusive. After an end date "
        "with no known extension the entry is back in force: verify before relying on it.",
        "The code 3C902.b.2 is kept as printed in 2025 No. 58 (probably 3C901.b.2).",
    ),
    "hs-codes": (
        "HS8 names are the 2023 GACC tables; 10-digit codes created since have no names.",
        "10-digit rows borrow their HS8 parent's names (names_from_parent); catalogue_name_zh is "
        "the export licence goods catalogue's own wording.",
        "in_dual_use_catalogue_2026 means 'check the dual-use list', not 'controlled': a miss "
        "proves nothing. On an 8-digit row the flags mean that some 10-digit code below it is "
        "listed.",
        "The export licence goods catalogue is a different regime (general trade licensing).",
    ),
    "countries": (
        "Chinese names come from Chinese Wikipedia (2022) via countries-zh; ISO data from "
        "pycountry.",
        "A customs partner code is given only when the partner is a whole ISO country or "
        "territory.",
    ),
    "announcements": (
        "Only an excerpt of each text is shipped; the full texts stay in cn-mofcom-notices.",
        "published is the signing date printed in the text (发文日期 or the signature), else the "
        "portal's posting date (posted); effective is the earliest date any part takes effect.",
        "Announcements with in_source=false are known only because another notice or regime.md "
        "refers to them (2024 No. 46, 2025 Nos. 18, 55, 56); their fields are partial.",
    ),
}


def _provenance_markdown(catalogue: Catalogue, counts: dict[str, int]) -> str:
    lines = [
        "# Catalogue snapshot: control list entries, HS codes, countries, announcements",
        "",
        "Built by `python -m exportctl.reference.catalogue_build --shared <shared data>` from the",
        "shared reference data and the curated `items_from_announcements.yaml` (see its header).",
        "Generated file: edit the builder, not this file.",
        "",
        "## Counts",
        "",
        "| file | records |",
        "|---|---|",
        *(f"| {FILES[kind]} | {n} |" for kind, n in counts.items()),
        *(f"| ({what}) | {n} |" for what, n in _counts_detail(catalogue).items()),
        "",
        "## Sources",
        "",
        "| input | file | publisher | edition | retrieved | sha256 | source repository and commit "
        "| licence |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, p in catalogue.inputs.items():
        edition = p.list_date.isoformat() if p.list_date else ""
        cells = [
            name,
            INPUTS[name][0],
            p.publisher,
            edition,
            p.retrieved.isoformat() if p.retrieved else "",
            p.source_sha256[:16],
            p.source_repository or "",
            p.licence or "",
        ]
        lines.append(
            "| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |"
        )
    py = _pycountry()
    lines.append(
        f"| pycountry | (package {py['version']}) | {py['publisher']} | | | | PyPI "
        f"| {py['licence']} |"
    )
    lines += ["", "## Caveats", ""]
    for kind, caveats in CAVEATS.items():
        lines += [f"### {FILES[kind]}", "", *(f"* {c}" for c in caveats), ""]
    fields = FORMAT_DOC.read_text(encoding="utf-8").split("\n", 1)[1]  # drop its own title
    return "\n".join(lines) + "\n## Format\n" + fields


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m exportctl.reference.catalogue_build", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--shared", required=True, type=Path, help="the shared reference data folder"
    )
    parser.add_argument(
        "--out", type=Path, default=SNAPSHOT_DIR, help="where to write the snapshot"
    )
    args = parser.parse_args(argv)
    try:
        counts = build_catalogue_snapshot(args.shared, args.out)
    except ExportControlError as exc:
        print(f"error [{exc.code}]: {exc.message}", file=sys.stderr)
        return 1
    for kind, count in counts.items():
        print(f"{FILES[kind]}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
