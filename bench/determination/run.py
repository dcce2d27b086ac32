"""Determination benchmark: pure rule evaluations per second on one core, on a realistic mix.

    .venv/bin/python -m bench.determination.run [--seconds 3]

Builds the Knowledge once from the shipped data (rules, catalogue, PRC party lists and the UN
list), parses a mix of cases once, then times `determine` alone (the pure rule evaluation), and
separately parse + determine + to_json (the JSON interface). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import time
from collections.abc import Callable
from typing import Any

from exportctl.core.determination import determine, parse_case
from exportctl.core.determination.bundled import bundled_knowledge
from exportctl.core.determination.decide import evaluate

BASE: dict[str, Any] = {
    "date": "2026-03-01",
    "movement": "export",
    "registration_case": None,
    "destination": "DE",
    "exporter": {"name": "Exporter Co., Ltd."},
    "items": [
        {
            "control_code": "1C902.a",
            "description": "samarium metal",
            "hs_code": "2805301910",
            "quantity": 100,
            "unit": "kg",
            "value_cny": 250000,
        }
    ],
    "parties": [
        {"role": "end_user", "name": "Musterwerk GmbH", "country": "DE", "military": False}
    ],
    "end_use": {"category": "civil", "statement": "motors"},
    "knowledge": {},
}


def _case(**changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(BASE)
    case.update(changes)
    return case


# A mix like a licensing desk's: mostly listed items to ordinary end users, some unlisted goods,
# some listed parties, bans, registrations, transit and suspended measures.
MIX: list[tuple[str, dict[str, Any]]] = [
    ("listed item, civil end user", _case()),
    (
        "listed item, two items",
        _case(items=[{"control_code": "1C902.a"}, {"control_code": "3C001"}]),
    ),
    ("unlisted item, no risk", _case(items=[{"control_code": None, "description": "pumps"}])),
    (
        "unlisted item, WMD risk (catch-all)",
        _case(items=[{"control_code": None}], knowledge={"wmd_risk": True}),
    ),
    (
        "gallium to US (2024 No. 46 ¶2)",
        _case(destination="US", items=[{"control_code": "3C001"}], parties=[], date="2025-06-01"),
    ),
    (
        "US military user (2024 No. 46 ¶1)",
        _case(
            destination="US",
            parties=[{"role": "end_user", "name": "US Army", "country": "US", "military": True}],
        ),
    ),
    (
        "control-list party (2025 No. 1)",
        _case(
            destination="US",
            parties=[{"role": "end_user", "name": "General Dynamics", "country": "US"}],
        ),
    ),
    (
        "watch-list party (2026 No. 12)",
        _case(
            destination="JP",
            parties=[{"role": "end_user", "name": "SUBARU Corporation", "country": "JP"}],
        ),
    ),
    ("registration case (Art. 19)", _case(registration_case="civil_aircraft_parts")),
    (
        "transit, suspended 2025 No. 57 item",
        _case(movement="transit", items=[{"control_code": "1C909.a"}]),
    ),
    (
        "special customs zone (Art. 48 ¶2)",
        _case(movement="into_special_customs_zone", destination=None),
    ),
    ("after the data (2026-12-01)", _case(date="2026-12-01")),
]


def _rate(fn: Callable[[], object], seconds: float) -> tuple[int, float, float, float]:
    """(calls, total seconds, CPU seconds, best batch seconds per call): batches of 20 calls.

    Like timeit, the best batch is the figure least disturbed by other processes on the machine;
    the total gives the sustained rate, and the process's CPU time the rate per core on a machine
    shared with other work.
    """
    count, start, cpu, best = 0, time.perf_counter(), time.process_time(), float("inf")
    deadline = start + seconds
    while time.perf_counter() < deadline:
        batch = time.perf_counter()
        for _ in range(20):
            fn()
        best = min(best, (time.perf_counter() - batch) / 20)
        count += 20
    return count, time.perf_counter() - start, time.process_time() - cpu, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    started = time.perf_counter()
    knowledge = bundled_knowledge(sources=("mofcom", "uel", "mfa", "un"))
    load = time.perf_counter() - started
    parsed = [(name, parse_case(data)) for name, data in MIX]
    outcomes = {name: determine(case, knowledge).outcome for name, case in parsed}
    for case in (c for _, c in parsed):  # warm the per-date and per-name caches
        determine(case, knowledge)

    def pure() -> None:
        for _, case in parsed:
            determine(case, knowledge)

    def interface() -> None:
        for _, data in MIX:
            evaluate(data, knowledge)

    rows = []
    for label, fn in (
        ("determine(case) (pure rule evaluation)", pure),
        ("parse + determine + to_json", interface),
    ):
        count, elapsed, cpu, best = _rate(fn, args.seconds)
        evaluations = count * len(MIX)
        rows.append(
            (label, evaluations, elapsed, evaluations / elapsed, evaluations / cpu, len(MIX) / best)
        )
    print(
        f"Determination benchmark, {time.strftime('%Y-%m-%d')}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, one core; knowledge loaded in {load:.1f} s; load average "
        f"{os.getloadavg()[0]:.1f}\n"
    )
    print(
        "| measurement | evaluations | seconds | sustained evaluations/s | per CPU second | best batch evaluations/s | µs per evaluation (best) | target |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, evaluations, elapsed, rate, cpu_rate, best in rows:
        target = "20,000/s" if label.startswith("determine") else ""
        print(
            f"| {label} | {evaluations:,} | {elapsed:.2f} | {rate:,.0f} | {cpu_rate:,.0f} | {best:,.0f} | {1e6 / best:.1f} | {target} |"
        )
    print("\n| case in the mix | outcome |\n|---|---|")
    for name, outcome in outcomes.items():
        print(f"| {name} | {outcome} |")


if __name__ == "__main__":
    main()
