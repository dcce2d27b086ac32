"""Build the bundled party-list snapshots: `python -m exportctl.reference.build --shared DIR`."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from exportctl.core.errors import ExportControlError
from exportctl.reference.lists import LISTS
from exportctl.reference.parties_snapshot import BUNDLED_DIR, FORMAT, FORMAT_DOC, write_snapshot
from exportctl.reference.records import SourceSnapshot
from exportctl.reference.sources import SOURCES, SourceInfo


@dataclass(frozen=True)
class Built:
    """One source's parse result, how long the parse took, and where it was written."""

    info: SourceInfo
    snapshot: SourceSnapshot
    seconds: float
    path: Path


def build_party_snapshots(shared_data_dir: Path, out_dir: Path) -> dict[str, int]:
    """Parse every source, write `<source>.jsonl.gz` and PROVENANCE.md; return record counts."""
    return {b.info.code: len(b.snapshot.records) for b in build(shared_data_dir, out_dir)}


def build(shared_data_dir: Path, out_dir: Path) -> list[Built]:
    """Like build_party_snapshots, with timings; nothing is written unless every source parses."""
    shared_data_dir, out_dir = Path(shared_data_dir), Path(out_dir)
    built = []
    for info in SOURCES.values():
        started = time.perf_counter()  # a build tool, not core: timing the parse is its report
        snapshot = info.parse_default(shared_data_dir)
        seconds = time.perf_counter() - started
        built.append(Built(info, snapshot, seconds, out_dir / f"{info.code}.jsonl.gz"))
    for item in built:
        write_snapshot(item.snapshot, item.path)
    (out_dir / "PROVENANCE.md").write_text(
        provenance_markdown(built, shared_data_dir), encoding="utf-8"
    )
    return built


def provenance_markdown(built: list[Built], shared_data_dir: Path) -> str:
    """PROVENANCE.md for the snapshot folder: files, format, each source, upstream provenance."""
    out = [
        "# Bundled party-list snapshots",
        "",
        "Copies of the party lists in the project's own format, so a fresh install needs no shared",
        "data folder. Rebuild with `python -m exportctl.reference.build --shared <shared/data>`;",
        "the build refuses malformed inputs and writes nothing unless every source parses.",
        "",
        "| file | source | records | designations by list | list date | input sha256 |",
        "|---|---|---|---|---|---|",
    ]
    for b in built:
        lists = Counter(d.list_code for r in b.snapshot.records for d in r.designations)
        by_list = ", ".join(f"{code} {n:,}" for code, n in sorted(lists.items()))
        p = b.snapshot.provenance
        out.append(
            f"| `{b.path.name}` | {b.info.code} | {len(b.snapshot.records):,} | {by_list} | "
            f"{p.list_date or 'not in file'} | `{p.source_sha256[:16]}…` |"
        )
    out += ["", f"## Format `{FORMAT}`", "", FORMAT_DOC.rstrip(), "", "## Sources", ""]
    for b in built:
        out += _source_section(b)
    out += ["## Upstream PROVENANCE.md files (verbatim, headings demoted)", ""]
    for name in dict.fromkeys(name for b in built for name in _folders(b.info)):
        path = shared_data_dir / name / "PROVENANCE.md"
        if path.is_file():
            text = path.read_text(encoding="utf-8").strip()
            out += [
                f"### `{name}/PROVENANCE.md`",
                "",
                re.sub(r"^(#+)", r"\1###", text, flags=re.M),
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


def _source_section(b: Built) -> list[str]:
    p = b.snapshot.provenance
    lists = ", ".join(
        f"`{c}` ({LISTS[c].name_en}; {LISTS[c].legal_basis})" for c in b.info.list_codes
    )
    rows = [
        ("lists", lists),
        ("publisher", p.publisher),
        ("source files", p.source_file),
        ("input sha256", f"`{p.source_sha256}`"),
        ("list date", str(p.list_date or "not stated in the file")),
        ("retrieved by the repackager", str(p.retrieved or "not stated")),
        ("source repository", p.source_repository or "see upstream PROVENANCE.md"),
        ("licence", p.licence or "see upstream PROVENANCE.md"),
        ("notes", p.notes or "none"),
    ]
    return [
        f"### `{b.info.code}`: {b.info.name_zh} ({b.info.name_en})",
        "",
        "| field | value |",
        "|---|---|",
        *(f"| {k} | {v.replace('|', '/')} |" for k, v in rows),
        "",
    ]


def _folders(info: SourceInfo) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.split("/", 1)[0] for f in (info.folder, *info.default_files)))


def main(argv: list[str] | None = None) -> int:
    """Command line: build into the package's snapshot folder (or --out) and print a summary."""
    parser = argparse.ArgumentParser(
        prog="python -m exportctl.reference.build", description=__doc__
    )
    parser.add_argument("--shared", type=Path, required=True, help="the shared data directory")
    parser.add_argument(
        "--out", type=Path, default=BUNDLED_DIR, help=f"output folder ({BUNDLED_DIR})"
    )
    args = parser.parse_args(argv)
    try:
        built = build(args.shared, args.out)
    except (ExportControlError, OSError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    print(f"{'source':<8} {'records':>8} {'designations':>12} {'parse s':>8} {'bytes':>10}")
    for b in built:
        designations = sum(len(r.designations) for r in b.snapshot.records)
        size = b.path.stat().st_size
        count = len(b.snapshot.records)
        print(f"{b.info.code:<8} {count:>8,} {designations:>12,} {b.seconds:>8.2f} {size:>10,}")
    total = sum(b.path.stat().st_size for b in built)
    print(f"total snapshot size {total:,} bytes; parse {sum(b.seconds for b in built):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
