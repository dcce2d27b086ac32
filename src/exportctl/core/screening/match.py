"""Pairwise name matching: `score_names(name1, name2, schema)` for one pair of names.

Legal source: as score.py (Dual-Use Regulations Art. 26-30): the same scorer and threshold as
list screening, so a pair checked by hand gets the score the screening run would give it.
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.explain import Explanation, explain
from exportctl.core.screening.score import DEFAULT_THRESHOLD, compare, pair_mode


@dataclass(frozen=True)
class PairScore:
    """Score of two names in [0, 1], whether it alerts, and why."""

    score: float
    match: bool
    explanation: Explanation


def score_names(
    name1: str, name2: str, schema: str | None = None, threshold: float = DEFAULT_THRESHOLD
) -> PairScore:
    """Score `name1` (the query) against `name2` (the list name); `schema` is a FollowTheMoney
    schema ("Person", "Company", "Organization", "LegalEntity", "Vessel") or None to infer."""
    q = analyse_name(name1, schema)
    c = analyse_name(name2, schema)
    comparison = compare(q, c, pair_mode(q, c, schema, schema))
    return PairScore(
        score=comparison.score,
        match=comparison.score >= threshold,
        explanation=explain(q, c, comparison, threshold),
    )


# One name of each kind whose reading loads a dictionary on first use: the vocabulary, the
# Japanese tokenizer and character tables, CC-CEDICT's surname entries, Arabic and Cyrillic
# readings.
_WARM_UP_PAIRS = (
    ("三菱電機株式会社", "Mitsubishi Electric Corporation", None),
    ("岩崎茂", "Iwasaki Shigeru", "Person"),
    ("牛建华", "Niu Jianhua", "Person"),
    ("华为技术有限公司", "Huawei Technologies Co., Ltd.", None),
    ("عبد الله يحيى", "Abdullah Yahya", "Person"),
    ("Сергей Лавров", "Sergey Lavrov", "Person"),
)


def warm_up() -> None:
    """Load now what reading names loads on first use, as a server does at start-up with the
    index, so that its first queries do not wait for it (about 0.3 s)."""
    for name1, name2, schema in _WARM_UP_PAIRS:
        score_names(name1, name2, schema)
