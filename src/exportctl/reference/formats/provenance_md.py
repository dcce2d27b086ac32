"""Read the shared data folders' PROVENANCE.md: the table fields and the licence summary."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from exportctl.reference.formats.rawfile import RawFile
from exportctl.reference.records import Provenance


def read_fields(path: Path) -> dict[str, list[str]]:
    """Values of the `| field | value |` table rows, by lowercased field (a field may repeat)."""
    fields: dict[str, list[str]] = {}
    if not path.is_file():
        return fields
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not line.lstrip().startswith("|"):
            continue
        field, value = cells[0].lower(), " | ".join(cells[1:]).strip()
        if field in ("field", "") or set(field) <= {"-", ":"}:
            continue
        fields.setdefault(field, []).append(value)
    return fields


def licence_summary(path: Path) -> str | None:
    """The text of a `## Licence summary` section, if the file has one."""
    if not path.is_file():
        return None
    match = re.search(
        r"^## Licence summary\s*\n(.*?)(?=^## |\Z)", path.read_text(encoding="utf-8"), re.M | re.S
    )
    return " ".join(match.group(1).split()) if match else None


def repository_and_licence(path: Path) -> tuple[str | None, str | None]:
    """Source repository (with commit) and licence text, joined when the file lists several."""
    fields = read_fields(path)
    repository = "; ".join(fields.get("source repository", [])) or None
    licences = fields.get("licence", [])
    summary = licence_summary(path)
    if summary:
        licences = [*licences, summary]
    return repository, " ".join(licences) or None


def make_provenance(
    raw: RawFile,
    publisher: str,
    *,
    list_date: date | None = None,
    retrieved: date | None = None,
    notes: str | None = None,
) -> Provenance:
    """Provenance of a one-file source; repository and licence from the PROVENANCE.md beside it."""
    repository, licence = repository_and_licence(raw.path.parent / "PROVENANCE.md")
    return Provenance(
        publisher=publisher,
        source_file=raw.name,
        source_sha256=raw.sha256,
        list_date=list_date,
        retrieved=retrieved,
        source_repository=repository,
        licence=licence,
        notes=notes,
    )
