"""List benchmark: screen yente's UN positives (recall) and synthetic innocents (false alerts)
against ALL lists together, with our engine and with the anchor (logic-v2 behind an in-memory IDF
blocker), in one run. Also measures index build/save/load time, peak memory, and the index's
recall against exhaustive comparison.

The screening itself runs in a new process that loads the saved index, as a server does, so its
speed and peak memory are not those of the process that built the index. Run on its own:
    .venv/bin/python -m bench.screening.listbench --json bench/out/lists.json
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.screening.lists import SHARED, load_records
from exportctl.core.screening import (
    DEFAULT_THRESHOLD,
    Query,
    ScreeningIndex,
    build_index,
    qualifiers,
    screen,
    warm_up,
)
from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.normalise import normalise_name
from exportctl.core.screening.score import CompareCache, compare, pair_mode
from exportctl.reference.records import EntityRecord

YENTE = SHARED / "screening-bench" / "upstream"
ANCHOR_DIR = SHARED.parent / "bench-anchor"
FTM_SCHEMA = {"Aircraft": "Airplane"}


def _rows(name: str) -> list[dict[str, str]]:
    with (YENTE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def queries(negatives: int, index: ScreeningIndex) -> list[dict[str, Any]]:
    """UN treated positives (with the keys of the UN record they come from) and innocents."""
    un_keys: dict[str, set[str]] = defaultdict(set)
    for name_id in range(index.name_count):
        indexed = index.name(name_id)
        facts = index.facts(indexed.record)
        if facts.source in ("un", "un_sc"):
            un_keys[normalise_name(indexed.value)].add(facts.key)
    out: list[dict[str, Any]] = []
    untreated, treated = (
        _rows("yente_positives_un_untreated.csv"),
        _rows("yente_positives_un_treated.csv"),
    )
    for original, row in zip(untreated, treated, strict=True):
        keys = un_keys.get(normalise_name(original["full_name"]))
        if keys:  # 3 of 683 left the list since the fixture was made
            out.append(
                {
                    "name": row["full_name"],
                    "expected": sorted(keys),
                    "kind": "positive",
                    "birth_date": row["date_of_birth"],
                    "country": row["nationality"].upper(),
                }
            )
    for row in _rows("yente_negatives_global.csv")[:negatives]:
        out.append(
            {
                "name": row["full_name"],
                "expected": [],
                "kind": "negative",
                "birth_date": row["date_of_birth"],
                "country": "",
            }
        )
    return out


def screen_all(index: ScreeningIndex, items: list[dict[str, Any]], props: bool) -> dict[str, Any]:
    found = alerts = positives = negatives = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        query = Query(item["name"], "Person",
                      country=(item["country"] or None) if props else None,
                      birth_date=(item["birth_date"] or None) if props else None)  # fmt: skip
        hits = screen(index, query, limit=50)
        if item["expected"]:
            positives += 1
            found += any(h.entity_key in item["expected"] and h.source in ("un", "un_sc")
                         for h in hits)  # fmt: skip
        else:
            negatives += 1
            alerts += bool(hits)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"recall": found / positives, "positives": positives, "false_alerts": alerts,
            "negatives": negatives, "per_1000": 1000 * alerts / negatives,
            "qps_wall": len(items) / wall, "qps_cpu": len(items) / cpu}  # fmt: skip


def exhaustive_recall(records: list[EntityRecord], items: list[dict[str, Any]]) -> dict[str, Any]:
    """Share of the (query, record) pairs an exhaustive comparison scores >= threshold that
    screen() returns, on the UN and Chinese lists (exhaustive comparison of all lists is too slow
    for a routine run)."""
    subset = [r for r in records if r.source in ("un", "mofcom", "uel", "mfa")]
    index = build_index(subset)
    cache = CompareCache()
    expected = found = 0
    missed: list[str] = []
    for item in items:
        query = Query(item["name"], item.get("schema", "Person"))
        form = analyse_name(query.name, query.schema)
        cache.start_query(form)
        exhaustive: set[int] = set()
        for name_id in range(index.name_count):
            indexed = index.name(name_id)
            facts = index.facts(indexed.record)
            mode = pair_mode(form, indexed.form, query.schema, facts.schema)
            score = compare(form, indexed.form, mode, cache).score
            changes = qualifiers.adjustments(facts, query.schema, None, None, ())
            if qualifiers.apply(score, changes) >= DEFAULT_THRESHOLD:
                exhaustive.add(indexed.record)
        hits = {index.record_id(h.source, h.entity_key) for h in screen(index, query, limit=200)}
        expected += len(exhaustive)
        found += len(exhaustive & hits)
        missed += [f"{query.name} -> {index.record(r).caption}" for r in exhaustive - hits]
    return {"pairs": expected, "found": found, "recall": found / expected if expected else 1.0,
            "queries": len(items), "names": index.name_count, "missed": missed[:10]}  # fmt: skip


def anchor(records: list[EntityRecord], items: list[dict[str, Any]], anchor_python: Path
           ) -> dict[str, Any] | None:  # fmt: skip
    """Run anchor_screen.py (logic-v2) on the same records and queries, names only."""
    script = ANCHOR_DIR / "anchor_screen.py"
    if not anchor_python.exists() or not script.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        list_csv, query_csv, out_csv = (Path(tmp) / n for n in ("list.csv", "q.csv", "out.csv"))
        with list_csv.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "name", "schema", "aliases"])
            for record in records:
                names = [n.value for n in record.names if n.value and ";" not in n.value]
                if names:
                    writer.writerow([f"{record.source}:{record.key}", names[0],
                                     FTM_SCHEMA.get(record.schema, record.schema),
                                     ";".join(names[1:])])  # fmt: skip
        with query_csv.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name", "schema", "expected_id", "kind"])
            for item in items:
                expected = f"un:{item['expected'][0]}" if item["expected"] else ""
                writer.writerow([item["name"], "Person", expected, item["kind"]])
        command = [str(anchor_python), str(script), "--list", str(list_csv), "--queries",
                   str(query_csv), "--thresholds", str(DEFAULT_THRESHOLD), "--out", str(out_csv)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return None
        with out_csv.open(encoding="utf-8") as handle:
            results = list(csv.DictReader(handle))
    positives = [r for r in results if r["expected_id"]]
    negatives = [r for r in results if not r["expected_id"]]
    found = sum(float(r["expected_score"] or 0) >= DEFAULT_THRESHOLD for r in positives)
    alerts = sum(float(r["top_score"] or 0) >= DEFAULT_THRESHOLD for r in negatives)
    speed = next((line for line in done.stdout.splitlines() if "queries/s" in line), "")
    index_line = next((line for line in done.stdout.splitlines() if "index" in line), "")
    return {"recall": found / len(positives), "positives": len(positives), "false_alerts": alerts,
            "negatives": len(negatives), "per_1000": 1000 * alerts / len(negatives),
            "qps_wall": float(speed.split("speed:")[1].split("queries/s")[0]) if speed else None,
            "index_line": index_line.strip("# ")}  # fmt: skip


def _screen_in_new_process(path: Path, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Screen the queries in a new Python process that loads the saved index (as `exportctl
    serve` and the CLI do): names only, then with birth date and country; its peak memory."""
    items_path = path.with_suffix(".items.json")
    items_path.write_text(json.dumps(items), encoding="utf-8")
    command = [sys.executable, "-m", "bench.screening.listbench", "--screen-index", str(path),
               "--items", str(items_path)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    out: dict[str, Any] = json.loads(done.stdout)
    return out


def _screen_saved(index_path: Path, items_path: Path) -> dict[str, Any]:
    wall = time.perf_counter()
    index = ScreeningIndex.load(index_path)
    load_s = time.perf_counter() - wall
    wall = time.perf_counter()
    warm_up()  # as `exportctl serve` does before its workers start (index_cache.warm_index)
    index.prepare()
    screen(index, Query("warm up", "Person"))
    warm_s = time.perf_counter() - wall
    items = json.loads(items_path.read_text(encoding="utf-8"))
    return {"fresh_load_s": load_s, "warm_up_s": warm_s,
            "names_only": screen_all(index, items, props=False),
            "with_birth_date_and_country": screen_all(index, items, props=True),
            "names_only_again": screen_all(index, items, props=False),  # caches warm
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--negatives", type=int, default=5000)
    parser.add_argument("--exhaustive-queries", type=int, default=150)
    parser.add_argument(
        "--anchor-python", type=Path, default=SHARED.parents[1] / "anchor-venv" / "bin" / "python"
    )
    parser.add_argument("--no-anchor", action="store_true")
    parser.add_argument("--screen-index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--items", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.screen_index:  # the child process of _screen_in_new_process
        print(json.dumps(_screen_saved(args.screen_index, args.items)))
        return 0
    if args.json is None:
        parser.error("--json is required")
    result: dict[str, Any] = {}
    start = time.perf_counter()
    records, origin = load_records()
    result["records"] = {"count": len(records), "origin": origin,
                         "load_s": time.perf_counter() - start}  # fmt: skip
    wall, cpu = time.perf_counter(), time.process_time()
    index = build_index(records)
    result["build"] = {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu,
                       "names": index.name_count, "keys": index.key_count,
                       "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "screening.index"
        wall = time.perf_counter()
        index.save(path)
        save_s = time.perf_counter() - wall
        wall = time.perf_counter()
        index = ScreeningIndex.load(path)
        result["index_file"] = {"save_s": save_s, "load_s": time.perf_counter() - wall,
                                "size_mb": path.stat().st_size / 1e6}  # fmt: skip
        items = queries(args.negatives, index)
        del index  # the screening runs where a server runs it: a new process loading the file
        result.update(_screen_in_new_process(path, items))
    sample = [i for i in items if i["expected"]][: args.exhaustive_queries * 2 // 3]
    sample += [i for i in items if not i["expected"]][: args.exhaustive_queries // 6]
    sample += [{"name": n, "expected": [], "kind": "zh", "schema": None} for n in
               ("洛克希德马丁", "雷神导弹与防务公司", "Raytheon Missiles and Defense", "斯凯迪奥",
                "Skydio Inc", "General Dynamics Land", "L3 Harris", "中国电子科技集团", "Huawei",
                "Hikvision", "Anduril", "安杜里尔", "Lockheed Martin Space Systems", "Boeing")]  # fmt: skip
    result["exhaustive"] = exhaustive_recall(records, sample)
    if not args.no_anchor:
        wall = time.perf_counter()
        result["anchor"] = anchor(records, items, args.anchor_python)
        if result["anchor"] is not None:
            result["anchor"]["run_s"] = time.perf_counter() - wall
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
