"""The bundled party-list snapshot format `exportctl-entities/1`: gzip JSON Lines, header first."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from exportctl.core.errors import MalformedFile
from exportctl.reference.formats.fields import KeyRegistry
from exportctl.reference.formats.rawfile import GZIP_MAGIC, loads_json, read_raw
from exportctl.reference.records import SCHEMAS, EntityRecord, Provenance, SourceSnapshot

FORMAT = "exportctl-entities/1"
BUNDLED_DIR = Path(__file__).resolve().parent / "snapshot" / "parties"
_DATE_FIELDS = ("list_date", "retrieved")

FORMAT_DOC = f"""\
Each `<source>.jsonl.gz` is gzip (level 9, no file name, mtime 0, so a rebuild from the same
inputs gives the same bytes) holding UTF-8 JSON Lines, keys sorted, records sorted by `key`:

- line 1, the header: `{{"format": "{FORMAT}", "source": <code>, "count": <records>,
  "provenance": {{...}}}}`; `provenance` has `publisher`, `source_file`, `source_sha256` (of the
  raw file bytes; for several files, of their `sha256sum`-style manifest sorted by path),
  `list_date` (the publisher's date for the edition, when the file has one), `retrieved`,
  `source_repository`, `licence`, `notes`.
- lines 2..: one `EntityRecord.to_json()` each, with null and empty values left out
  (`EntityRecord.from_json` restores the defaults):
  - `source`, `key` (unique in the file), `schema` (Person, Organization, Company, LegalEntity,
    Vessel, Aircraft), `names[]` (`value`, `kind` = primary / alias / weak_alias /
    original_script / translation, `lang`, `script` as ISO 15924), `countries[]` (ISO 3166-1
    alpha-2), `addresses[]`, `identifiers[]` (`type`, `value`, `country`), `birth_dates[]`
    (ISO date or a prefix: "1956", "1956-06"), `remarks`;
  - `designations[]`: `list_code` (see `reference/lists.py`), `announcement`, `title`,
    `authority`, `published`, `effective`, `legal_basis`, `programmes[]`, `measures[]` (as
    published), `measure_codes[]` (stable codes, see `formats/mofcom_terms.py`, `uk_json.py`),
    `reason`, `source_url`, `status` (listed / suspended / removed: the latest decision) and
    `status_history[]` (`status`, `start`, `end`, `announcement`, `note`).

`read_snapshot` refuses a file whose header is wrong, whose count differs, with a duplicate
key or a record without source, key, schema or name, naming the line.
"""


def write_snapshot(snapshot: SourceSnapshot, path: Path | str) -> int:
    """Write the snapshot (atomically) and return the number of records."""
    records = sorted(snapshot.records, key=lambda r: r.key)
    keys = KeyRegistry(snapshot.source)
    for record in records:
        if record.source != snapshot.source:
            raise ValueError(
                f"record {record.key!r} has source {record.source!r}, not {snapshot.source!r}"
            )
        keys.add(record.key, f"record {record.key!r}")
    header = {
        "format": FORMAT,
        "source": snapshot.source,
        "provenance": compact_json(snapshot.provenance),
        "count": len(records),
    }
    lines = [_dumps(header), *(_dumps(compact_json(r)) for r in records)]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle, gzip.GzipFile("", "wb", 9, handle, mtime=0) as gz:
            gz.write(("\n".join(lines) + "\n").encode("utf-8"))
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the snapshot is package data
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(records)


def read_snapshot(path: Path | str) -> SourceSnapshot:
    """Read and validate a snapshot; any defect raises MalformedFile naming the line."""
    raw = read_raw(path)
    lines = raw.text().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise MalformedFile("empty file, expected a header line", location=raw.name)
    header = _header(loads_json(lines[0], raw.name), f"{raw.name} line 1")
    keys = KeyRegistry(raw.name)
    records = []
    for number, line in enumerate(lines[1:], start=2):
        location = f"{raw.name} line {number}"
        record = _record(loads_json(line, raw.name, first_line=number), header["source"], location)
        keys.add(record.key, location)
        records.append(record)
    if len(records) != header["count"]:
        raise MalformedFile(
            f"header count is {header['count']} but the file has {len(records)} records",
            location=f"{raw.name} line 1",
        )
    return SourceSnapshot(header["source"], _provenance(header["provenance"], raw.name), records)


def is_snapshot(path: Path | str) -> bool:
    """True when the file starts with an `exportctl-entities/1` header (gzipped or not)."""
    try:
        with Path(path).open("rb") as handle:
            gzipped = handle.read(2) == GZIP_MAGIC
            handle.seek(0)
            stream = gzip.GzipFile(fileobj=handle) if gzipped else handle
            first = stream.readline(1 << 20)
        header = json.loads(first.decode("utf-8"))
    except (OSError, EOFError, ValueError):
        return False
    return isinstance(header, dict) and header.get("format") == FORMAT


def bundled_path(source: str) -> Path:
    """Where the package keeps a source's snapshot."""
    return BUNDLED_DIR / f"{source}.jsonl.gz"


def read_bundled(source: str) -> SourceSnapshot:
    """The snapshot shipped inside the package (no shared data folder needed)."""
    return read_snapshot(bundled_path(source))


def _header(data: Any, location: str) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise MalformedFile(f"not an {FORMAT} header (format {found!r})", location=location)
    for field, kind in (("source", str), ("count", int), ("provenance", dict)):
        if not isinstance(data.get(field), kind):
            raise MalformedFile(
                f"header field {field!r} missing or not {kind.__name__}", location=location
            )
    return data


def _record(data: Any, source: str, location: str) -> EntityRecord:
    if not isinstance(data, dict):
        raise MalformedFile("line is not a JSON object", location=location)
    for field in ("source", "key", "schema"):
        if not isinstance(data.get(field), str) or not data[field]:
            raise MalformedFile(f"missing required field: {field}", location=location)
    location = f"{location} (key {data['key']!r})"
    if data["source"] != source:
        raise MalformedFile(
            f"record source {data['source']!r} is not {source!r}", location=location
        )
    if data["schema"] not in SCHEMAS:
        raise MalformedFile(f"unknown schema {data['schema']!r}", location=location)
    names = data.get("names")
    if (
        not isinstance(names, list)
        or not names
        or not all(isinstance(n, dict) and n.get("value") for n in names)
    ):
        raise MalformedFile(
            "missing required field: names (at least one name with a value)", location=location
        )
    try:
        return EntityRecord.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise MalformedFile(f"not an entity record ({exc})", location=location) from exc


def _provenance(data: dict[str, Any], location: str) -> Provenance:
    try:
        values = {
            k: date.fromisoformat(v) if k in _DATE_FIELDS and v else v for k, v in data.items()
        }
        return Provenance(**values)
    except (TypeError, ValueError) as exc:
        raise MalformedFile(
            f"bad header provenance ({exc})", location=f"{location} line 1"
        ) from exc


def compact_json(value: Any) -> Any:
    """`to_json()` minus None, "" and empty lists; reads fields directly (asdict is slow)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {name: getattr(value, name) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        items = ((k, compact_json(v)) for k, v in value.items())
        return {k: v for k, v in items if v is not None and v != "" and v != [] and v != {}}
    if isinstance(value, list | tuple):
        return [compact_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
