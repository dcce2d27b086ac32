"""Screening benchmark: our engine next to the anchor (OpenSanctions logic-v2), same machine, same
run. Writes a Markdown table to bench/out/screening.md (and a dated copy) and prints it.

    .venv/bin/python -m bench.screening.run              # everything (~10 min on 2 cores)
    .venv/bin/python -m bench.screening.run --no-anchor  # ours only
    .venv/bin/python -m bench.screening.run --quick      # 1,000 innocents, small exhaustive sample

The anchor runs from ../anchor-venv (see ../shared/bench-anchor/README.md); it is not a
dependency of the product.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.screening import pairs as pair_bench
from bench.screening.lists import SHARED
from exportctl.core.screening import DEFAULT_THRESHOLD

OUT = Path(__file__).resolve().parents[1] / "out"
ANCHOR_PYTHON = SHARED.parents[1] / "anchor-venv" / "bin" / "python"


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ""
    with contextlib.suppress(OSError):
        load = " (load average " + Path("/proc/loadavg").read_text().split()[0] + " at start)"
    return f"{platform.node() or 'host'}: {cpu}, {sys.version.split()[0]}{load}"


def _versions() -> str:
    out = []
    for package in ("rapidfuzz", "pypinyin", "opencc-python-reimplemented", "anyascii"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out.append(f"{package} {metadata.version(package)}")
    return ", ".join(out)


def _anchor_versions() -> str:
    if not ANCHOR_PYTHON.exists():
        return "not installed"
    code = ("import importlib.metadata as m;print(', '.join(f'{p} '+m.version(p) for p in "
            "('nomenklatura','followthemoney','rigour')))")  # fmt: skip
    done = subprocess.run([str(ANCHOR_PYTHON), "-c", code], capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def _prf(counts: Any) -> str:
    if counts is None:
        return "–"
    return f"{counts.precision:.3f} / {counts.recall:.3f} / {counts.f1:.3f}"


def pair_table(result: pair_bench.PairResult, groups: list[str]) -> list[str]:
    lines = [f"### {result.title}", "",
             f"P / R / F1 at the default threshold {DEFAULT_THRESHOLD:.2f} (both engines).", "",
             "| slice | n | ours P / R / F1 | logic-v2 P / R / F1 |", "|---|---|---|---|"]  # fmt: skip
    for group in groups:
        if group in result.slices:
            ours, anchor = result.slices[group]
            lines.append(f"| {group} | {ours.n} | {_prf(ours)} | {_prf(anchor)} |")
    per_pair = 1000 * result.seconds_ours / len(result.pairs)
    anchor_ms = f"{result.anchor_ms_median:.3f} ms median" if result.anchor_ms_median else "–"
    lines += ["", f"Time per pair: ours {per_pair:.3f} ms (mean, CPU, includes analysing both "
              f"names); logic-v2 {anchor_ms} (compare only, warm).", ""]  # fmt: skip
    return lines


def list_table(data: dict[str, Any]) -> list[str]:
    ours, props, anchor = (
        data["names_only"],
        data["with_birth_date_and_country"],
        data.get("anchor"),
    )
    build, index_file, exhaustive = data["build"], data["index_file"], data["exhaustive"]

    def row(label: str, value: str, other: str) -> str:
        return f"| {label} | {value} | {other} |"

    a = anchor or {}
    lines = ["### Lists: UN positives and innocents screened against all lists together", "",
             f"Records: {data['records']['origin']} = {data['records']['count']:,} records, "
             f"{build['names']:,} names. Queries: {ours['positives']} yente UN positives "
             f"(mutated names) and {ours['negatives']:,} innocents (yente_negatives_global, first "
             f"rows); names only unless said.", "",
             "| measure | ours | logic-v2 (anchor) |", "|---|---|---|",
             row("UN treated recall at 0.70", f"{ours['recall']:.4f}",
                 f"{a['recall']:.4f}" if anchor else "–"),
             row("false alerts per 1,000 innocents", f"{ours['per_1000']:.2f} "
                 f"({ours['false_alerts']}/{ours['negatives']})",
                 f"{a['per_1000']:.2f} ({a['false_alerts']}/{a['negatives']})" if anchor else "–"),
             row("names per second, end to end, 1 core, new process loading the saved index "
                 "and warming up as the server does (wall)", f"{ours['qps_wall']:.0f}",
                 f"{a['qps_wall']:.0f}" if anchor and a.get("qps_wall") else "–"),
             row("names per second, same (CPU time)", f"{ours['qps_cpu']:.0f}", "–"),
             row("names per second, the same names again in that process (CPU time, caches warm)",
                 f"{data['names_only_again']['qps_cpu']:.0f}" if "names_only_again" in data
                 else "–", "–"),
             row("with birth date + nationality: recall / false alerts per 1,000",
                 f"{props['recall']:.4f} / {props['per_1000']:.2f}", "– (names only)"),
             row("index build (all lists)", f"{build['wall_s']:.1f} s wall, {build['cpu_s']:.1f} s "
                 f"CPU, {build['keys']:,} keys", a.get("index_line", "–") if anchor else "–"),
             row("index save / load / size", f"{index_file['save_s']:.1f} s / "
                 f"{index_file['load_s']:.1f} s / {index_file['size_mb']:.0f} MB", "–"),
             row("start-up of the screening process: index load / warm-up (dictionaries, "
                 "analysed names)",
                 f"{data['fresh_load_s']:.1f} s / {data.get('warm_up_s', 0.0):.1f} s", "–"),
             row("peak memory of that process (index loaded, after screening)",
                 f"{data['peak_rss_mb']:.0f} MB", "–"),
             row("index recall vs exhaustive comparison",
                 f"{exhaustive['recall']:.4f} ({exhaustive['found']}/{exhaustive['pairs']} pairs, "
                 f"{exhaustive['queries']} queries, {exhaustive['names']:,} names of UN + Chinese "
                 f"lists)", "–"),
             ""]  # fmt: skip
    if exhaustive["missed"]:
        lines += ["Missed by the index: " + "; ".join(exhaustive["missed"]), ""]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-anchor", action="store_true")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    anchor_python = ANCHOR_PYTHON if not args.no_anchor else Path("/nonexistent")
    started = datetime.now(UTC)
    lines = ["# Screening benchmark: exportctl vs OpenSanctions logic-v2", "",
             f"Run {started:%Y-%m-%d %H:%M} UTC on {_machine()}.  ",
             f"Ours: exportctl.core.screening ({_versions()}).  ",
             f"Anchor: {_anchor_versions()} (logic-v2, ../shared/bench-anchor).", ""]  # fmt: skip
    listing_json = OUT / "screening-lists.json"
    command = [sys.executable, "-m", "bench.screening.listbench", "--json", str(listing_json)]
    if args.no_anchor:
        command.append("--no-anchor")
    if args.quick:
        command += ["--negatives", "1000", "--exhaustive-queries", "30"]
    listing = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # runs on the other core
    nk = pair_bench.run(
        "nomenklatura name_bench, 826 pairs", pair_bench.load_nk_pairs(), anchor_python
    )
    lines += pair_table(nk, ["all", "half A", "half B", "nk_checks", "nk_unit_tests",
                             "synth_companies", "synth_people", "cust_cases", "cluster_align"])  # fmt: skip
    cross = pair_bench.run("Cross-script pairs from the official lists (development half)",
                           pair_bench.load_cross_script_pairs(), anchor_python)  # fmt: skip
    groups = [
        "all",
        "half A",
        "half B",
        "Han <-> Latin",
        "Han <-> Latin, half A",
        "Han <-> Latin, half B",
        *sorted(g for g in cross.slices if g.startswith("script ")),
    ]
    groups += sorted(g for g in cross.slices if " / " in g)
    lines += pair_table(cross, groups)
    for side, label in (("ours", "ours"), ("anchor", "logic-v2")):
        recall, threshold = pair_bench.best_recall_at_precision(
            cross.pairs, "Han <-> Latin", 0.95, side
        )
        lines.append(f"Han <-> Latin, best recall with precision >= 0.95 ({label}): {recall:.3f} "
                     f"at threshold {threshold:.2f}.  ")  # fmt: skip
    lines.append("")
    listing.wait()
    if listing.returncode == 0 and listing_json.exists():
        lines += list_table(json.loads(listing_json.read_text(encoding="utf-8")))
    else:
        lines += [
            "List benchmark failed; run `python -m bench.screening.listbench` to see why.",
            "",
        ]
    lines += ["Notes: P/R/F1 and alerts use one threshold (0.70) for both engines. Pair timing of "
              "the anchor covers only its compare call; ours includes analysing both names. "
              "Names per second include analysis, candidate retrieval, scoring and explanations. "
              "The machine is shared: wall-clock figures vary with its load; CPU-time figures do "
              "less."]  # fmt: skip
    text = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "screening.md").write_text(text, encoding="utf-8")
    (OUT / f"screening-{started:%Y-%m-%d}.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
