"""Step 2b of screening: an upper bound of the score of the names the index finds, so that names
which cannot reach the threshold are neither ranked nor scored.

Legal source: as index.py (Dual-Use Regulations Art. 26-30): the bound only drops names whose
score cannot reach the threshold, so no name an exhaustive comparison would alert on is lost.

The bound of a name depends on the query parts it shares keys with (its region, see index.py) and
on the name's profile (largest half weight of its parts, least total cost of its parts, number of
substantive parts). An index has few profiles (about 1,400 for all lists) and queries share the
few numbers the bound takes from the query, so decisions are kept across queries.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from operator import itemgetter
from typing import TypeVar

from exportctl.core.screening.keys import JOINED
from exportctl.core.screening.score import CONFLICT_FACTOR, SUBSTANTIVE, token_bound
from exportctl.core.screening.tokens import Token

CONFLICT_MIN_WEIGHT = 0.35  # the least weight a conflicting pair adds (score.WEIGHT of GENERIC)
# Kept decision tables (one per case, below); past this they start anew. The bench's 5,680 queries
# make about 400 cases of about 80 decided profiles each (a few MB).
MAX_DECISIONS = 4096

# What the bound takes from the query and the shared parts: (numerator share of the shared query
# parts, number of shared parts, least cost of the query, unshared substantive query parts, floor).
_Case = tuple[float, int, float, int, float]
_T = TypeVar("_T")


class Profiles:
    """The score-bound profile of every name of an index, and decisions kept across queries."""

    def __init__(self, half_max: array[float], floor_cost: array[float],
                 substantive: array[int]) -> None:  # fmt: skip
        ids: dict[tuple[float, float, int], int] = {}
        self.profile_of = [ids.setdefault(p, len(ids))
                           for p in zip(half_max, floor_cost, substantive, strict=True)]  # fmt: skip
        self.profiles = list(ids)
        least: dict[float, float] = {}  # largest half weight -> least cost of any name
        for half, cost, _subst in ids:
            least[half] = min(least.get(half, cost), cost)
        self.frontier = list(least.items())
        self._decided: dict[_Case, dict[int, bool]] = {}  # case -> profile -> bound >= floor

    def kept(self, tokens: tuple[Token, ...], regions: dict[int, set[int]], everywhere: int,
             floor: float) -> list[int]:  # fmt: skip
        """Ids (ascending) of the names whose bound reaches the floor; `regions` maps the mask
        of the query parts names share keys with to those names, `everywhere` marks the parts
        whose keys were too common to traverse (shared by any name)."""
        bounds = [token_bound(t) for t in tokens]
        substantive = [t.kind in SUBSTANTIVE or t.pkind in SUBSTANTIVE for t in tokens]
        query_cost = sum(cost for _half, cost in bounds)
        query_subst = sum(substantive)
        profile_of = self.profile_of
        if len(self._decided) > MAX_DECISIONS:
            self._decided = {}
        out: list[int] = []
        for region_mask, names in regions.items():
            mask = (region_mask | everywhere) & ~JOINED
            bits = [i for i in range(len(bounds)) if mask >> i & 1]
            half = sum(bounds[i][0] for i in bits)
            count = len(bits)
            if all((half + h * count) / (query_cost + f) < floor for h, f in self.frontier):
                continue  # no name of any profile can reach the floor with these parts
            case = (half, count, query_cost, query_subst - sum(substantive[i] for i in bits), floor)
            memo = self._decided.setdefault(case, {})
            members = list(names)
            profiles = _pick(profile_of, members)
            for profile in set(profiles).difference(memo):
                memo[profile] = self._reaches(profile, case)
            out.extend(compress(members, _pick(memo, profiles)))
        out.sort()
        return out

    def _reaches(self, profile: int, case: _Case) -> bool:
        half, count, query_cost, query_left, floor = case
        half_max, floor_cost, subst = self.profiles[profile]
        numerator = half + half_max * count
        return bound(numerator, query_cost + floor_cost, min(subst - count, query_left)) >= floor


def _pick(table: Sequence[_T] | Mapping[int, _T], keys: Sequence[int]) -> tuple[_T, ...]:
    """table[k] for each key, in one call (regions hold hundreds of names)."""
    if len(keys) <= 1:
        return tuple(table[k] for k in keys)
    picked: tuple[_T, ...] = itemgetter(*keys)(table)
    return picked


def bound(numerator: float, denominator: float, conflicts: int) -> float:
    """Score bound of a name: each conflicting pair of unshared substantive parts (at most 3)
    adds at least CONFLICT_MIN_WEIGHT to the denominator and multiplies by CONFLICT_FACTOR."""
    if conflicts <= 0:
        return numerator / denominator
    conflicts = min(conflicts, 3)
    return numerator / (denominator + conflicts * CONFLICT_MIN_WEIGHT) * CONFLICT_FACTOR**conflicts


def name_profile(tokens: Iterable[Token]) -> tuple[float, float, int]:
    """(largest half weight, least cost, substantive parts) of a list name."""
    parts = list(tokens)
    bounds = [token_bound(t) for t in parts]
    substantive = sum(1 for t in parts if t.kind in SUBSTANTIVE and t.pkind in SUBSTANTIVE)
    return max(b[0] for b in bounds), sum(b[1] for b in bounds), substantive
