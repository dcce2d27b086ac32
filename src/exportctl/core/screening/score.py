"""Step 3 of screening: align the parts of two analysed names and score the alignment in [0, 1].

Legal source: Dual-Use Regulations Art. 26-30 and Export Control Law Art. 18 oblige exporters not
to deal with listed parties; a screening score above DEFAULT_THRESHOLD raises an alert that an
officer must resolve. The score is designed so that hard negatives stay below the threshold:
a parent and its subsidiary (extra distinctive words), Bank of China vs Bank of India (conflicting
parts), and the same surname with a different given name.

Score = matched credit / (aligned weight + penalty for unaligned parts). Parts weigh by kind
(a trade name or surname weighs 1, an industry word 0.35, a legal form 0.12); an unaligned part
costs its weight times a factor that depends on the kind of name (extra middle names are normal
for people, extra words are not for companies); when both names keep unaligned parts, they
conflict and cost more. The score is symmetric.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from exportctl.core.screening.align import (
    Pair,
    Span,
    acronym_pass,
    acronym_possible,
    decode_spans,
    merge_pass,
    patronymic_order,
    span_keys,
    stored_keys,
    target_keys,
)
from exportctl.core.screening.analyse import NameForm
from exportctl.core.screening.analyse_cjk import ORGANISATION_SCHEMAS
from exportctl.core.screening.chinese import is_syllable
from exportctl.core.screening.normalise import ARABIC, HAN, HEBREW
from exportctl.core.screening.similarity import similarity
from exportctl.core.screening.tokens import (
    FORM,
    GENERIC,
    INITIAL,
    NAME,
    NUMBER,
    REGION,
    STOP,
    TITLE,
    TRANSLITERATION,
    Token,
)
from exportctl.core.screening.vocabulary import lexicon

DEFAULT_THRESHOLD = 0.7
"""Scores at or above this raise an alert (one threshold for all lists, persons and entities)."""

PERSON, ORGANISATION = "person", "organisation"

WEIGHT = {NAME: 1.0, GENERIC: 0.35, REGION: 0.45, FORM: 0.12, STOP: 0.08, TITLE: 0.05,
          NUMBER: 0.3, INITIAL: 0.5}  # fmt: skip
# Cost of an unaligned part, by kind of name: extra middle names are normal for people; extra
# distinctive or descriptive words are not for organisations (Lockheed Martin Space Systems is
# not Lockheed Martin Corporation); a country or region added to a company name names a national
# subsidiary (Banco Santander México is not Banco Santander S.A.).
EXTRA = {
    PERSON: {NAME: 0.5, GENERIC: 0.5, REGION: 0.5, FORM: 0.04, STOP: 0.02, TITLE: 0.005,
             NUMBER: 0.15, INITIAL: 0.2},
    ORGANISATION: {NAME: 1.0, GENERIC: 0.5, REGION: 0.9, FORM: 0.06, STOP: 0.03, TITLE: 0.01,
                   NUMBER: 0.25, INITIAL: 0.5},
}  # fmt: skip
PERSON_FURTHER_EXTRA = 0.35
SINGLE_NAME_EXTRA = 0.8  # the first extra part when the other name is a single word
FRAME_EXTRA = 0.1  # unaligned region/industry words around a Chinese trade name
CHINESE_PERSON_EXTRA = 1.0  # an extra part next to a Chinese personal name is another name
COMMON_NAME_CAP = 0.65  # a two-syllable Chinese name alone (张玉, Wang Lei) cannot alert
CONFLICT_FACTOR = 0.75
MIN_CREDIT = 0.3  # weaker part matches are not alignments (they are conflicts)
# Parts whose difference is a conflict; series numbers (Fund V / Fund VI, 2004-1 / 2004-2) are
# compared but a different number only costs its weight.
SUBSTANTIVE = frozenset({NAME, GENERIC, REGION, INITIAL})


class Comparison(NamedTuple):
    """The result of comparing two analysed names."""

    score: float
    mode: str
    pairs: tuple[Pair, ...]
    query_unmatched: tuple[int, ...]
    candidate_unmatched: tuple[int, ...]
    capped: bool = False  # a common two-syllable Chinese name: score held at COMMON_NAME_CAP
    forms_conflict: bool = False  # two legal forms no one legal person has (_forms_conflict)


class CompareCache:
    """Caches for comparing one query with many list names (screen() keeps one per index).

    List-side data is cached by object identity (list tokens and names live as long as the index);
    query-side data is recomputed for every query (start_query)."""

    def __init__(self, shared: CompareCache | None = None) -> None:
        # list-side caches may be shared between queries (and threads: dict updates are atomic)
        self.targets: dict[int, frozenset[str]] = shared.targets if shared else {}
        self.spans: dict[int, list[Span]] = shared.spans if shared else {}
        # encode_spans(span_keys(tokens)) of list names, by id(tokens), when the index has them
        self.stored_spans: dict[int, str] = shared.stored_spans if shared else {}
        self.sides: dict[int, _Side] = shared.sides if shared else {}
        # align.encode_targets(tokens) of list names, by id(tokens), when the index has them
        self.stored_targets: dict[int, str] = shared.stored_targets if shared else {}
        # (stored_keys of stored_targets, of stored_spans) by id(tokens): split once per list name
        self.stored_split: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = (
            shared.stored_split if shared else {}
        )
        self.similarities: dict[int, _Row] = {}
        self.query: tuple[Token, ...] = ()
        self.query_keys: dict[bool, tuple[list[frozenset[str]], list[Span]]] = {}
        self.query_sides: dict[bool, _Side] = {}
        self.query_hints: dict[bool, tuple[frozenset[str], frozenset[str]]] = {}

    def start_query(self, query: NameForm) -> None:
        self.similarities = {}
        self.query = query.tokens
        self.query_keys = {}
        self.query_sides = {}
        self.query_hints = {}

    def query_targets_spans(self, consonants: bool) -> tuple[list[frozenset[str]], list[Span]]:
        found = self.query_keys.get(consonants)
        if found is None:
            found = ([target_keys(t, consonants) for t in self.query],
                     span_keys(self.query, consonants))  # fmt: skip
            self.query_keys[consonants] = found
        return found

    def list_targets(self, tokens: tuple[Token, ...], consonants: bool) -> list[frozenset[str]]:
        out = []
        for token in tokens:
            key = id(token) * 2 + consonants
            found = self.targets.get(key)
            if found is None:
                found = self.targets[key] = target_keys(token, consonants)
            out.append(found)
        return out

    def list_spans(self, tokens: tuple[Token, ...], consonants: bool) -> list[Span]:
        key = id(tokens) * 2 + consonants
        found = self.spans.get(key)
        if found is None:
            stored = self.stored_spans.get(id(tokens))
            if stored is None:
                found = span_keys(tokens, consonants)
            else:
                found = decode_spans(stored, consonants)
            self.spans[key] = found
        return found

    def query_side(self, tokens: tuple[Token, ...], person: bool) -> _Side:
        found = self.query_sides.get(person)
        if found is None:
            found = self.query_sides[person] = _side(tokens, person)
        return found

    def list_side(self, tokens: tuple[Token, ...], person: bool) -> _Side:
        key = id(tokens) * 2 + person
        found = self.sides.get(key)
        if found is None:
            found = self.sides[key] = _side(tokens, person)
        return found

    def merge_hint(self, ct: tuple[Token, ...], consonants: bool) -> bool:
        """_merge_hint from the unions of each side's span keys and target keys."""
        query = self.query_hints.get(consonants)
        if query is None:
            targets, spans = self.query_targets_spans(consonants)
            query = self.query_hints[consonants] = _hint_keys(spans, targets)
        split = self.stored_split.get(id(ct))
        if split is None:
            stored = self.stored_spans.get(id(ct))
            if stored is not None:
                split = self.stored_split[id(ct)] = (
                    tuple(stored_keys(self.stored_targets[id(ct)])),
                    tuple(stored_keys(stored)),
                )
        if split is not None:
            # the stored keys include consonant keys: without consonants the query has none
            return not (query[0].isdisjoint(split[0]) and query[1].isdisjoint(split[1]))
        listed = frozenset().union(*self.list_targets(ct, consonants))
        if not query[0].isdisjoint(listed):
            return True
        spans = self.list_spans(ct, consonants)
        return not query[1].isdisjoint(frozenset().union(*(keys for _span, keys in spans)))


# Per query token, the similarities >= MIN_CREDIT with one list token: ((i, credit, how), ...)
# and the best of them (0.0 when none).
_Row = tuple[tuple[tuple[int, float, str], ...], float]
# One side of a comparison: kinds of its parts in the mode, the least cost of its parts (the
# denominator share of _bound), whether it is in a consonantal script, and the half weights of its
# parts (the numerator shares of _bound).
_Side = tuple[tuple[int, ...], float, bool, tuple[float, ...]]


def _row(qt: tuple[Token, ...], b: Token) -> _Row:
    found = []
    best = 0.0
    for i, a in enumerate(qt):
        credit, how = similarity(a, b)
        if credit >= MIN_CREDIT:
            found.append((i, credit, how))
            if credit > best:
                best = credit
    return tuple(found), best


def _side(tokens: tuple[Token, ...], person: bool) -> _Side:
    # tuples of numbers: the collector stops tracking them (the index caches one per list name)
    kinds = tuple([t.pkind if person else t.kind for t in tokens])
    costs = _PART_COST[person]
    cost = 0.0
    for kind in kinds:
        cost += costs[kind]
    return kinds, cost, _consonantal(tokens), tuple([_HALF[kind] for kind in kinds])


def _part_cost(kind: int, person: bool) -> float:
    """The least a part of this kind costs in a name (see _bound)."""
    frame = FRAME_EXTRA if kind in (GENERIC, REGION) else 1.0
    further = PERSON_FURTHER_EXTRA if person else 1.0
    return min(WEIGHT[kind] / 2, EXTRA[PERSON if person else ORGANISATION][kind], further, frame)


_PART_COST = {person: {kind: _part_cost(kind, person) for kind in WEIGHT}
              for person in (False, True)}  # fmt: skip
_HALF = {kind: weight / 2 for kind, weight in WEIGHT.items()}


def _hint_keys(spans: list[Span], targets: list[frozenset[str]]
               ) -> tuple[frozenset[str], frozenset[str]]:  # fmt: skip
    """(all span keys, all target keys) of one side: a span of one side can equal a part of the
    other exactly when these unions meet (what _merge_hint checks pair by pair)."""
    return frozenset().union(*(keys for _span, keys in spans)), frozenset().union(*targets)


def token_bound(token: Token) -> tuple[float, float]:
    """(largest half weight, smallest cost) of a part in any kind of name: the pieces of an
    upper bound on any score this part takes part in (index.py prunes candidates with it)."""
    w_max = max(WEIGHT[token.kind], WEIGHT[token.pkind])
    w_min = min(WEIGHT[token.kind], WEIGHT[token.pkind])
    cost = min(w_min / 2, EXTRA[PERSON][token.pkind], EXTRA[ORGANISATION][token.kind])
    if token.kind in (GENERIC, REGION):
        cost = min(cost, FRAME_EXTRA)
    if token.pkind == NAME:
        cost = min(cost, PERSON_FURTHER_EXTRA)
    return w_max / 2, cost


def pair_mode(q: NameForm, c: NameForm, q_schema: str | None, c_schema: str | None) -> str:
    """Compare as persons or as organisations."""
    if "Person" in (q_schema, c_schema):
        return PERSON
    if q_schema in ORGANISATION_SCHEMAS or c_schema in ORGANISATION_SCHEMAS or q.org or c.org:
        return ORGANISATION
    return PERSON


def compare(q: NameForm, c: NameForm, mode: str, cache: CompareCache | None = None,
            floor: float = 0.0) -> Comparison:  # fmt: skip
    """Align the tokens of two names and score the alignment.

    With `floor` > 0, a pair whose optimistic bound is below the floor is not aligned in full
    (its score is reported as 0.0): screening only needs scores that can reach the threshold.
    """
    qt, ct = q.tokens, c.tokens
    if not qt or not ct:
        return _unaligned(mode, len(qt), len(ct))
    person = mode == PERSON
    if cache is not None:
        qk, q_cost, q_consonantal, q_halves = cache.query_side(qt, person)
        ck, c_cost, c_consonantal, c_halves = cache.list_side(ct, person)
    else:
        qk, q_cost, q_consonantal, q_halves = _side(qt, person)
        ck, c_cost, c_consonantal, c_halves = _side(ct, person)
    rows: list[tuple[tuple[int, float, str], ...]] = []
    best_q = [0.0] * len(qt)
    best_c: list[float] = []
    sims = cache.similarities if cache is not None else None
    for b in ct:
        if sims is not None:
            row = sims.get(id(b))
            if row is None:
                row = sims[id(b)] = _row(qt, b)
        else:
            row = _row(qt, b)
        rows.append(row[0])
        best_c.append(row[1])
        for i, credit, _how in row[0]:
            if credit > best_q[i]:
                best_q[i] = credit
    consonantal = q_consonantal or c_consonantal
    bound = _bound(q_halves, c_halves, best_q, best_c, q_cost + c_cost) if floor > 0.0 else 1.0
    if bound < floor and not _hint(qt, ct, consonantal, cache):
        return _unaligned(mode, len(qt), len(ct))
    found = [(credit, WEIGHT[qk[i]] + WEIGHT[ck[j]], i, j, how)
             for j, matches in enumerate(rows) for i, credit, how in matches]  # fmt: skip
    if cache is not None:
        query_targets, query_spans = cache.query_targets_spans(consonantal)
        spans = (query_spans, cache.list_spans(ct, consonantal))
        targets = (query_targets, cache.list_targets(ct, consonantal))
    else:
        spans = (span_keys(qt, consonantal), span_keys(ct, consonantal))
        targets = ([target_keys(t, consonantal) for t in qt],
                   [target_keys(t, consonantal) for t in ct])  # fmt: skip
    found.sort(key=lambda x: (-x[0], -x[1], x[2] + x[3], x[2]))
    used_q: dict[int, int] = {}
    used_c: dict[int, int] = {}
    pairs: list[Pair] = []
    for credit, _weight, i, j, how in found:
        if i in used_q or j in used_c:
            continue
        used_q[i] = used_c[j] = len(pairs)
        pairs.append(Pair((i,), (j,), credit, how))
    if len(used_q) < len(qt) or len(used_c) < len(ct):
        pairs = merge_pass(qt, ct, pairs, spans, targets)
        if acronym_possible(qt, ct, used_q, used_c):
            pairs = acronym_pass(qt, ct, pairs, ck, qk, person)
    if person:
        pairs = patronymic_order(qt, ct, pairs)
    optional = (_optional_parts(qt, ct), _optional_parts(ct, qt)) if person else _NONE_OPTIONAL
    comparison = _score(qk, ck, pairs, mode, q.chinese_frame or c.chinese_frame, optional)
    if not person and _forms_conflict(qt, ct, comparison):
        comparison = comparison._replace(score=round(comparison.score * CONFLICT_FACTOR, 6),
                                         forms_conflict=True)  # fmt: skip
    if (
        person
        and comparison.score > COMMON_NAME_CAP
        and _common_chinese(qt)
        and _common_chinese(ct)
    ):
        comparison = comparison._replace(score=COMMON_NAME_CAP, capped=True)
    return comparison


# Families of legal forms (legal_forms.tsv) of which one legal person has one: a company limited
# by shares is not a limited liability company (Deutsche Bank AG / Deutsche Bank GmbH), nor a
# partnership or a non-profit organisation. "Company", "Corporation", "Inc." and state enterprises
# go with any of them. Source: company laws make the form part of the registered name (PRC
# Company Law 2023 Art. 7: 有限责任公司 / 股份有限公司; German AktG s. 4, GmbHG s. 4); not in
# ../shared/domain/regime.md, which covers export control only.
_EXCLUSIVE_FAMILIES = frozenset({"LTD", "JSC", "PARTNER", "NONPROFIT"})


def _forms_conflict(qt: tuple[Token, ...], ct: tuple[Token, ...], comparison: Comparison) -> bool:
    """Both names state a legal form, none of them aligned, and two of them are of exclusive
    families. Forms written in Han characters are left out: a Chinese or Japanese company chooses
    its English form freely (similarity._chinese_company)."""
    family = lexicon().form_family
    q_free = {family.get(qt[i].concepts[0]) for i in comparison.query_unmatched
              if qt[i].kind == FORM and qt[i].script != HAN}  # fmt: skip
    c_free = {family.get(ct[j].concepts[0]) for j in comparison.candidate_unmatched
              if ct[j].kind == FORM and ct[j].script != HAN}  # fmt: skip
    if not (q_free & _EXCLUSIVE_FAMILIES and c_free & _EXCLUSIVE_FAMILIES):
        return False
    if any(qt[i].kind == FORM for p in comparison.pairs for i in p.query):
        return False  # a form on each side aligned (GmbH & Co. KG / GmbH)
    return any(a != b for a in q_free & _EXCLUSIVE_FAMILIES for b in c_free & _EXCLUSIVE_FAMILIES)


@lru_cache(maxsize=1024)
def _unaligned(mode: str, query_parts: int, list_parts: int) -> Comparison:
    """A comparison that aligned nothing (shared: most candidates end here)."""
    return Comparison(0.0, mode, (), tuple(range(query_parts)), tuple(range(list_parts)))


def _common_chinese(tokens: tuple[Token, ...]) -> bool:
    """Surname plus a one-syllable given name: shared by very many people (name alone is weak
    evidence; a birth date, nationality or identifier must corroborate it)."""
    names = [t for t in tokens if t.pkind == NAME]
    if len(names) != 2:
        return False
    return all(len(t.syllables) == 1 if t.script == HAN else is_syllable(t.text) for t in names)


def _consonantal(tokens: tuple[Token, ...]) -> bool:
    return any(t.script in (ARABIC, HEBREW) for t in tokens)


def _hint(qt: tuple[Token, ...], ct: tuple[Token, ...], consonantal: bool,
          cache: CompareCache | None) -> bool:  # fmt: skip
    if cache is not None:
        return cache.merge_hint(ct, consonantal)
    spans = (span_keys(qt, consonantal), span_keys(ct, consonantal))
    targets = ([target_keys(t, consonantal) for t in qt],
               [target_keys(t, consonantal) for t in ct])  # fmt: skip
    return _merge_hint(spans, targets)


def _merge_hint(spans: tuple[list[Span], list[Span]],
                targets: tuple[list[frozenset[str]], list[frozenset[str]]]) -> bool:  # fmt: skip
    """Could a joined span on one side equal a part on the other?"""
    for side in (0, 1):
        for _span, keys in spans[side]:
            for target in targets[1 - side]:
                if not keys.isdisjoint(target):
                    return True
    return False


def _bound(q_halves: tuple[float, ...], c_halves: tuple[float, ...], best_q: list[float],
           best_c: list[float], cost: float) -> float:  # fmt: skip
    """An upper bound of the part-to-part score: every part gets its best credit times half its
    weight, every part costs at least min(half its weight, its cost when unaligned); `cost` is
    the sum of those least costs of both sides (see _side)."""
    numerator = 0.0
    for credit, half in zip(best_q, q_halves, strict=True):
        numerator += credit * half
    for credit, half in zip(best_c, c_halves, strict=True):
        numerator += credit * half
    return numerator / cost if cost else 0.0


_NONE_OPTIONAL: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
# East Slavic patronymics (Russian -ovich/-evich/-ovna/-evna, Ukrainian -ovych/-ivna): part of the
# full name in documents (Civil Code of the Russian Federation Art. 19) but left out in everyday
# and foreign use (Sergei Lavrov), so a missing patronymic costs as a further middle name.
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna")


def _optional_parts(tokens: tuple[Token, ...], other: tuple[Token, ...]) -> frozenset[int]:
    """Indexes of parts of a person's name that another rendering often leaves out."""
    out = {i for i, t in enumerate(tokens)
           if len(t.text) >= 7 and t.text.endswith(_PATRONYMIC_ENDINGS)}  # fmt: skip
    if _written_in_chinese(other):
        out.update(range(1, len(tokens) - 1))
    return frozenset(out)


def _written_in_chinese(tokens: tuple[Token, ...]) -> bool:
    """A foreign personal name written in Chinese characters (托德·斯坦恩): Chinese renderings
    give the given name and the surname only, middle names are left out (Xinhua, 英语姓名译名手册,
    usage notes)."""
    return len(tokens) >= 2 and all(t.script == HAN and t.how == TRANSLITERATION for t in tokens)


def _mean_weight(kinds: tuple[int, ...], indexes: tuple[int, ...]) -> float:
    if len(indexes) == 1:
        return WEIGHT[kinds[indexes[0]]]  # most pairs: the sum below, without its generator
    return sum(WEIGHT[kinds[i]] for i in indexes) / len(indexes)


def _score(qk: tuple[int, ...], ck: tuple[int, ...], pairs: list[Pair], mode: str, frame: bool,
           optional: tuple[frozenset[int], frozenset[int]] = _NONE_OPTIONAL
           ) -> Comparison:  # fmt: skip
    matched = aligned = 0.0
    for pair in pairs:
        weight = (_mean_weight(qk, pair.query) + _mean_weight(ck, pair.candidate)) / 2
        matched += pair.credit * weight
        aligned += weight
    q_used = {i for p in pairs for i in p.query}
    c_used = {j for p in pairs for j in p.candidate}
    q_free = tuple(i for i in range(len(qk)) if i not in q_used)
    c_free = tuple(j for j in range(len(ck)) if j not in c_used)
    # Parts left over on both sides conflict (Smith John vs Smith Jane): each conflicting pair
    # counts as aligned with no credit, and multiplies the score by CONFLICT_FACTOR.
    q_subst = sorted((i for i in q_free if qk[i] in SUBSTANTIVE), key=lambda i: -WEIGHT[qk[i]])
    c_subst = sorted((j for j in c_free if ck[j] in SUBSTANTIVE), key=lambda j: -WEIGHT[ck[j]])
    conflicts = min(len(q_subst), len(c_subst))
    in_conflict = set(q_subst[:conflicts]) | {-1 - j for j in c_subst[:conflicts]}
    for i, j in zip(q_subst[:conflicts], c_subst[:conflicts], strict=True):
        aligned += (WEIGHT[qk[i]] + WEIGHT[ck[j]]) / 2
    extra = EXTRA[mode]
    penalty = 0.0
    # one word against a longer name (a listed nickname "John", "Moreno"): weak evidence
    single = mode == PERSON and min(sum(k in SUBSTANTIVE for k in qk),
                                    sum(k in SUBSTANTIVE for k in ck)) == 1  # fmt: skip
    for side, (kinds, free) in enumerate(((qk, q_free), (ck, c_free))):
        extra_names = 0
        for index in free:
            if (index if side == 0 else -1 - index) in in_conflict:
                continue
            kind = kinds[index]
            cost = extra[kind]
            if mode == PERSON and kind == NAME:
                extra_names += 1
                if frame:
                    cost = CHINESE_PERSON_EXTRA  # Chinese names have no middle names
                elif single and extra_names == 1:
                    cost = SINGLE_NAME_EXTRA
                elif extra_names > 1:
                    cost = PERSON_FURTHER_EXTRA  # a second middle name costs less than the first
                if index in optional[side]:
                    cost = min(cost, PERSON_FURTHER_EXTRA)  # often left out (_optional_parts)
            if frame and mode == ORGANISATION and kind in (GENERIC, REGION):
                cost = FRAME_EXTRA
            penalty += cost
    score = matched / (aligned + penalty) if aligned else 0.0
    score *= CONFLICT_FACTOR ** min(conflicts, 3)
    return Comparison(round(min(1.0, score), 6), mode, tuple(pairs), q_free, c_free)
