"""Build the Knowledge from the data the package ships (the composition helper, not the engine).

Reads `exportctl/rules/{measures,deadlines,determination}.yaml`, the catalogue snapshot
(control entries) and the party snapshots. This is the one module of the package that reads
files: it runs once at start-up (CLI, web app, tests, benchmark); the engine never calls it.
`data_as_of` is the oldest capture date among the PRC sources the decision rests on (rules,
catalogue, MOFCOM lists, UEL): a date after it is beyond what the system knows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from exportctl.core.determination.memory import Matcher, MemoryKnowledge
from exportctl.core.determination.rulebook import load_rulebook
from exportctl.core.rules import load_rule_file

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
ALL_SOURCES = ("mofcom", "uel", "mfa", "un", "ofac", "uk", "eu", "bis_dpl")
# Sources whose capture date bounds what the decision knows (PRC export-control data).
CORE_SOURCES = ("mofcom", "uel")


def bundled_knowledge(
    sources: Iterable[str] = ALL_SOURCES, matcher: Matcher | None = None
) -> MemoryKnowledge:
    """MemoryKnowledge over the shipped rules, catalogue and party lists."""
    from exportctl.reference.catalogue_build import FILES, SNAPSHOT_DIR, read_control_entries
    from exportctl.reference.parties_snapshot import read_bundled

    measures = load_rule_file(RULES_DIR / "measures.yaml")
    deadlines = load_rule_file(RULES_DIR / "deadlines.yaml")
    rulebook = load_rulebook(RULES_DIR / "determination.yaml")
    catalogue = read_control_entries(SNAPSHOT_DIR / FILES["control-entries"])
    versions: dict[str, str] = {
        "measures.yaml": measures.as_of.isoformat(),
        "deadlines.yaml": deadlines.as_of.isoformat(),
        "determination.yaml": f"{rulebook.version} (as of {rulebook.as_of})",
    }
    bounds = [measures.as_of, deadlines.as_of, rulebook.as_of]
    catalogue_dates = [
        date.fromisoformat(s["retrieved"])
        for s in catalogue.provenance.get("sources", [])
        if s.get("input") == "control_list" and s.get("retrieved")
    ]
    versions["catalogue"] = (
        f"{len(catalogue.records)} entries, retrieved {', '.join(map(str, catalogue_dates)) or '?'}"
    )
    bounds.extend(catalogue_dates)
    records = []
    for source in sources:
        snapshot = read_bundled(source)
        records.extend(snapshot.records)
        p = snapshot.provenance
        versions[f"parties:{source}"] = (
            f"list date {p.list_date or '?'}, retrieved {p.retrieved or '?'}"
        )
        if source in CORE_SOURCES and p.retrieved:
            bounds.append(p.retrieved)
    texts = b"".join(
        (RULES_DIR / n).read_bytes()
        for n in ("measures.yaml", "deadlines.yaml", "determination.yaml")
    )
    rules_version = (
        f"determination {rulebook.version}; rules sha256:{hashlib.sha256(texts).hexdigest()[:12]}"
    )
    return MemoryKnowledge(
        entries=catalogue.records,
        measures=[r for r in measures.rules if r.kind != "suspension"],  # type: ignore[misc]
        deadlines=deadlines.rules,  # type: ignore[arg-type]
        rulebook=rulebook,
        data_as_of=min(bounds),
        records=records,
        matcher=matcher,
        rules_version=rules_version,
        data_versions=versions,
    )
