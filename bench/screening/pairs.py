"""Pair benchmarks: labelled name pairs scored by our engine and by the anchor, P/R/F1.

Inputs (../shared/data):
- screening-bench/upstream/nk_name_bench_cases.csv: 826 pairs (nomenklatura name_bench, MIT).
- name-matching-pairs/cross-script-pairs-derived.csv.gz: 14,491 non-Latin vs Latin pairs derived
  from the official lists (development half).
Halves: rows are split in two by a hash (nk: of the names; cross-script: of the list record) so a
change tuned on one half can be checked on the other.
"""

from __future__ import annotations

import csv
import gzip
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.screening.lists import SHARED
from exportctl.core.screening import DEFAULT_THRESHOLD, score_names

NK_PAIRS = SHARED / "screening-bench" / "upstream" / "nk_name_bench_cases.csv"
CROSS_SCRIPT = SHARED / "name-matching-pairs" / "cross-script-pairs-derived.csv.gz"
ANCHOR_DIR = SHARED.parent / "bench-anchor"


@dataclass
class Pair:
    name1: str
    name2: str
    match: bool
    schema: str | None
    groups: tuple[str, ...]  # slices this pair is reported in
    ours: float = 0.0
    anchor: float | None = None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


@dataclass
class PairResult:
    title: str
    pairs: list[Pair]
    seconds_ours: float
    anchor_ms_median: float | None = None
    slices: dict[str, tuple[Counts, Counts | None]] = field(default_factory=dict)


def _half(text: str) -> str:
    return "half A" if zlib.crc32(text.encode("utf-8")) % 2 == 0 else "half B"


def load_nk_pairs() -> list[Pair]:
    with NK_PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Pair(r["name1"], r["name2"], r["is_match"] == "true", r["schema"] or None,
             ("all", _half(r["name1"] + "|" + r["name2"]), r["case_group"]))
        for r in rows
    ]  # fmt: skip


def load_cross_script_pairs() -> list[Pair]:
    with gzip.open(CROSS_SCRIPT, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for r in rows:
        groups = ("all", _half(r["record_id"]), f"{r['source']} / {r['script_a']}",
                  f"script {r['script_a']}")  # fmt: skip
        if r["script_a"] == "Hani":
            groups += ("Han <-> Latin", f"Han <-> Latin, {_half(r['record_id'])}")
        out.append(Pair(r["name_a"], r["name_b"], r["label"] == "1", None, groups))
    return out


def score_ours(pairs: list[Pair]) -> float:
    """Score every pair with score_names; returns CPU seconds."""
    start = time.process_time()
    for pair in pairs:
        pair.ours = score_names(pair.name1, pair.name2, pair.schema).score
    return time.process_time() - start


def score_anchor(pairs: list[Pair], anchor_python: Path) -> float | None:
    """Score every pair with logic-v2 via the anchor script; returns its median ms per pair."""
    script = ANCHOR_DIR / "anchor_score.py"
    if not anchor_python.exists() or not script.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "pairs.csv", Path(tmp) / "scores.csv"
        with inp.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name1", "name2", "is_match", "schema", "category"])
            for i, pair in enumerate(pairs):
                writer.writerow([pair.name1, pair.name2, str(pair.match).lower(),
                                 pair.schema or "LegalEntity", str(i)])  # fmt: skip
        command = [str(anchor_python), str(script), "--pairs", str(inp), "--algorithms",
                   "logic-v2", "--repeats", "0", "--quiet", "--thresholds",
                   str(DEFAULT_THRESHOLD), "--out", str(out)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return None
        with out.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                pairs[int(row["category"])].anchor = float(row["score"])
        median = None
        for line in done.stdout.splitlines():
            if line.startswith("logic-v2") and "median" in line:
                median = float(line.split("median")[1].split("ms")[0])
        return median


def slices(pairs: Iterable[Pair], threshold: float = DEFAULT_THRESHOLD
           ) -> dict[str, tuple[Counts, Counts | None]]:  # fmt: skip
    ours: dict[str, Counts] = defaultdict(Counts)
    anchor: dict[str, Counts] = defaultdict(Counts)
    has_anchor = False
    for pair in pairs:
        for group in pair.groups:
            ours[group].add(pair.ours >= threshold, pair.match)
            if pair.anchor is not None:
                has_anchor = True
                anchor[group].add(pair.anchor >= threshold, pair.match)
    return {g: (ours[g], anchor[g] if has_anchor else None) for g in ours}


def best_recall_at_precision(pairs: list[Pair], group: str, precision: float, side: str
                             ) -> tuple[float, float]:  # fmt: skip
    """(recall, threshold) of the lowest threshold whose precision is still >= `precision`."""
    chosen = [p for p in pairs if group in p.groups]
    scores = sorted({round(getattr(p, side) or 0.0, 4) for p in chosen}, reverse=True)
    best = (0.0, 1.0)
    for threshold in scores:
        counts = Counts()
        for p in chosen:
            counts.add((getattr(p, side) or 0.0) >= threshold, p.match)
        if counts.tp and counts.precision >= precision and counts.recall > best[0]:
            best = (counts.recall, threshold)
    return best


def run(title: str, pairs: list[Pair], anchor_python: Path) -> PairResult:
    seconds = score_ours(pairs)
    median = score_anchor(pairs, anchor_python)
    result = PairResult(title, pairs, seconds, median)
    result.slices = slices(pairs)
    return result
