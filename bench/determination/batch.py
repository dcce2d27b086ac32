"""Determinations per second through the batch CLI, party screening included (the whole system).

    .venv/bin/python -m bench.determination.batch [--cases 2000]

Two case mixes, each written as two JSON Lines files (N and 2N cases: listed and unlisted items,
several destinations, end users from the real lists and from synthetic innocents): recurring
parties (300 names, as in an exporter's customer base) and every party new (no name twice, the
worst case for the per-run screening memo). The script times `exportctl determine --batch` on each in a fresh process against a data directory set up
with `exportctl init`. The difference between the two runs removes start-up (Django, loading the
knowledge and the screening index), leaving the steady rate; both raw timings are reported too.
Each run is timed twice: wall clock, and the CPU time of the child process (user + system, from
getrusage), which a busy machine disturbs much less; the rate per core is the CPU-time figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
INNOCENTS = (
    ROOT.parent / "shared" / "data" / "screening-bench" / "upstream" / "yente_negatives_global.csv"
)
CODES = ["1C902.a", "1C004", "3C004.a", None, None, "6C002.a", "9A501"]
DESTINATIONS = ["DE", "US", "JP", "FR", "KR", "BR", "IN", "RU"]


def _listed_and_innocent() -> tuple[list[str], list[str]]:
    from exportctl.reference.parties_snapshot import read_bundled

    listed = [r.caption for r in read_bundled("mofcom").records] + [
        r.caption for r in read_bundled("uel").records
    ]
    innocent = []
    if INNOCENTS.exists():
        with INNOCENTS.open(encoding="utf-8") as fh:
            innocent = [row["full_name"] for row in csv.DictReader(fh) if row["full_name"]]
    return listed, innocent


def party_names(rng: random.Random) -> list[str]:
    """300 names that recur across cases, as in an exporter's own customer base."""
    listed, innocent = _listed_and_innocent()
    return rng.sample(listed, min(60, len(listed))) + rng.sample(
        innocent[:2000], min(240, len(innocent))
    )


def unique_names(rng: random.Random, count: int) -> list[str]:
    """`count` names never repeated: every listed name once, the rest innocents (worst case)."""
    listed, innocent = _listed_and_innocent()
    pool = list(dict.fromkeys(listed + rng.sample(innocent, min(len(innocent), count))))
    rng.shuffle(pool)
    return pool[:count]


def cases(
    n: int, rng: random.Random, names: list[str], unique: bool = False
) -> list[dict[str, Any]]:
    """n cases; with `unique`, case i names names[i] (no party repeats), else a random one."""
    out = []
    for i in range(n):
        code = rng.choice(CODES)
        out.append(
            {
                "date": f"2026-{rng.randint(1, 7):02d}-{rng.randint(1, 28):02d}",
                "movement": "export",
                "registration_case": None,
                "destination": rng.choice(DESTINATIONS),
                "exporter": {
                    "name": "Bench Exporter Co., Ltd.",
                    "criminal_penalty": False,
                    "serious_penalty_within_5_years": False,
                    "branch_of_control_listed_party": False,
                },
                "items": [
                    {
                        "control_code": code,
                        "description": f"item {i}",
                        "quantity": 10,
                        "unit": "kg",
                        "value_cny": 10000,
                    }
                ],
                "parties": [
                    {
                        "role": "end_user",
                        "name": names[i] if unique else rng.choice(names),
                        "country": rng.choice(DESTINATIONS),
                        "military": rng.random() < 0.05,
                    }
                ],
                "end_use": {
                    "category": rng.choice(["civil"] * 8 + ["military", "unknown"]),
                    "statement": "production",
                },
                "knowledge": {
                    "national_security_risk": False,
                    "wmd_risk": rng.random() < 0.02,
                    "terrorism_risk": False,
                    "notified_by_authority": False,
                },
            }
        )
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _distinct_parties(batch: list[dict[str, Any]]) -> int:
    return len({(p["name"], p["country"]) for c in batch for p in c["parties"]})


def timed_batch(data_dir: Path, infile: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `exportctl determine --batch` run."""
    env = {**os.environ, "EXPORTCTL_DATA_DIR": str(data_dir), "EXPORTCTL_SECRET_KEY": "bench"}
    env.pop("DATABASE_URL", None)
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(
        [
            str(ROOT / ".venv/bin/exportctl"),
            "determine",
            "--batch",
            str(infile),
            "--out",
            str(infile.with_suffix(".out")),
        ],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def _rate(count: int, seconds: float) -> str:
    return f"{count / max(seconds, 1e-9):.0f}"


def measure(
    data_dir: Path,
    work: Path,
    label: str,
    small_cases: list[dict[str, Any]],
    large_cases: list[dict[str, Any]],
) -> tuple[list[str], dict[str, int]]:
    """Table rows for one case mix (N and 2N cases, each in a fresh process) and the larger run's outcomes."""
    small, large = work / f"{label}-small.jsonl", work / f"{label}-large.jsonl"
    small.write_text("\n".join(json.dumps(c) for c in small_cases) + "\n")
    large.write_text("\n".join(json.dumps(c) for c in large_cases) + "\n")
    timed_batch(data_dir, small)  # warm the OS caches and the saved screening index
    small_wall, small_cpu = timed_batch(data_dir, small)
    large_wall, large_cpu = timed_batch(data_dir, large)
    outcomes: dict[str, int] = {}
    for line in large.with_suffix(".out").read_text().splitlines():
        result = json.loads(line)
        key = result.get("outcome") or result.get("error", {}).get("code", "?")
        outcomes[key] = outcomes.get(key, 0) + 1
    n, n2 = len(small_cases), len(large_cases)
    rows = [
        f"| {label}: batch of {n} | {_distinct_parties(small_cases)} | {small_wall:.1f} | {small_cpu:.1f} | {_rate(n, small_wall)} | {_rate(n, small_cpu)} |",
        f"| {label}: batch of {n2} | {_distinct_parties(large_cases)} | {large_wall:.1f} | {large_cpu:.1f} | {_rate(n2, large_wall)} | {_rate(n2, large_cpu)} |",
        f"| {label}: steady state (difference) | | {large_wall - small_wall:.1f} | {large_cpu - small_cpu:.1f} | {_rate(n2 - n, large_wall - small_wall)} | **{_rate(n2 - n, large_cpu - small_cpu)}** (target >= 500) |",
    ]
    return rows, outcomes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="an initialised data directory (default: make one)",
    )
    args = parser.parse_args()
    rng = random.Random(11)
    names = party_names(rng)
    work = Path(tempfile.mkdtemp(prefix="exportctl-bench-"))
    data_dir = args.data_dir or work / "data"
    if args.data_dir is None:
        env = {**os.environ, "EXPORTCTL_DATA_DIR": str(data_dir), "EXPORTCTL_SECRET_KEY": "bench"}
        env.pop("DATABASE_URL", None)
        subprocess.run(
            [str(ROOT / ".venv/bin/exportctl"), "init", "--no-demo"],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
    n = args.cases
    recurring, outcomes = measure(
        data_dir, work, "recurring parties", cases(n, rng, names), cases(2 * n, rng, names)
    )
    fresh = unique_names(rng, 3 * n)
    every_new, _ = measure(
        data_dir,
        work,
        "every party new",
        cases(n, rng, fresh[:n], unique=True),
        cases(2 * n, rng, fresh[n:], unique=True),
    )
    report = "\n".join(
        [
            f"# Determination through the batch CLI, party screening included ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})",
            "",
            f"Recurring parties: {len(names)} distinct party names (60 from the MOFCOM lists and the UEL, "
            f"the rest synthetic innocents), each case's end user in a random country of {len(DESTINATIONS)}. "
            "Every party new: each case names a party no other case names (every MOFCOM/UEL name once, "
            "the rest innocents), the worst case for the per-run screening memo. Each run is a fresh "
            "process on one core; CPU = user + system time of the process.",
            "",
            "| run | distinct (name, country) | wall seconds (with start-up) | CPU seconds | determinations/s (wall) | determinations/s per core (CPU) |",
            "|---|---:|---:|---:|---:|---:|",
            *recurring,
            *every_new,
            "",
            "Outcomes in the larger recurring-party batch: "
            + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())),
            "",
        ]
    )
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "determination-batch.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
