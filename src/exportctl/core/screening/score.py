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

from typing import NamedTuple

from exportctl.core.screening.analyse import ORGANISATION_SCHEMAS, NameForm
from exportctl.core.screening.chinese import romanisation_readings
from exportctl.core.screening.normalise import ARABIC, HEBREW
from exportctl.core.screening.phonetic import consonant_key, phonetic_key
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
    Token,
)

DEFAULT_THRESHOLD = 0.7
"""Scores at or above this raise an alert (one threshold for all lists, persons and entities)."""

PERSON, ORGANISATION = "person", "organisation"

WEIGHT = {NAME: 1.0, GENERIC: 0.35, REGION: 0.45, FORM: 0.12, STOP: 0.08, TITLE: 0.05,
          NUMBER: 0.5, INITIAL: 0.5}  # fmt: skip
# Cost of an unaligned part, by kind of name: extra middle names are normal for people; extra
# distinctive or descriptive words are not for organisations (Lockheed Martin Space Systems is
# not Lockheed Martin Corporation).
EXTRA = {
    PERSON: {NAME: 0.5, GENERIC: 0.5, REGION: 0.5, FORM: 0.04, STOP: 0.02, TITLE: 0.005,
             NUMBER: 0.15, INITIAL: 0.2},
    ORGANISATION: {NAME: 1.0, GENERIC: 0.5, REGION: 0.5, FORM: 0.06, STOP: 0.03, TITLE: 0.01,
                   NUMBER: 0.5, INITIAL: 0.5},
}  # fmt: skip
PERSON_FURTHER_EXTRA = 0.35
FRAME_EXTRA = 0.1  # unaligned region/industry words around a Chinese trade name
CONFLICT_FACTOR = 0.75
MIN_CREDIT = 0.3  # weaker part matches are not alignments (they are conflicts)
SUBSTANTIVE = frozenset({NAME, GENERIC, REGION, NUMBER, INITIAL})


class Pair(NamedTuple):
    """One aligned pair: query token indexes, list token indexes, credit, match kind."""

    query: tuple[int, ...]
    candidate: tuple[int, ...]
    credit: float
    how: str


class Comparison(NamedTuple):
    """The result of comparing two analysed names."""

    score: float
    mode: str
    pairs: tuple[Pair, ...]
    query_unmatched: tuple[int, ...]
    candidate_unmatched: tuple[int, ...]


def pair_mode(q: NameForm, c: NameForm, q_schema: str | None, c_schema: str | None) -> str:
    """Compare as persons or as organisations."""
    if "Person" in (q_schema, c_schema):
        return PERSON
    if q_schema in ORGANISATION_SCHEMAS or c_schema in ORGANISATION_SCHEMAS or q.org or c.org:
        return ORGANISATION
    return PERSON


def compare(q: NameForm, c: NameForm, mode: str, cache: dict[int, tuple[float, str]] | None = None
            ) -> Comparison:  # fmt: skip
    """Align the tokens of two names and score the alignment."""
    qt, ct = q.tokens, c.tokens
    if not qt or not ct:
        return Comparison(0.0, mode, (), tuple(range(len(qt))), tuple(range(len(ct))))
    kinds = 2 if mode == PERSON else 1  # Token field: pkind for persons, kind for organisations
    candidates: list[tuple[float, float, int, int, str]] = []
    for i, a in enumerate(qt):
        for j, b in enumerate(ct):
            if cache is not None:
                key = id(b) * 64 + i
                hit = cache.get(key)
                if hit is None:
                    hit = similarity(a, b)
                    cache[key] = hit
                credit, how = hit
            else:
                credit, how = similarity(a, b)
            if credit >= MIN_CREDIT:
                weight = WEIGHT[a[kinds]] + WEIGHT[b[kinds]]
                candidates.append((credit, weight, i, j, how))
    candidates.sort(key=lambda x: (-x[0], -x[1], x[2] + x[3], x[2]))
    used_q: dict[int, int] = {}
    used_c: dict[int, int] = {}
    pairs: list[Pair] = []
    for credit, _w, i, j, how in candidates:
        if i in used_q or j in used_c:
            continue
        used_q[i] = used_c[j] = len(pairs)
        pairs.append(Pair((i,), (j,), credit, how))
    if len(used_q) < len(qt) or len(used_c) < len(ct):
        pairs = _merge_pass(qt, ct, pairs, kinds)
        if _acronym_possible(qt, ct, used_q, used_c):
            pairs = _acronym_pass(qt, ct, pairs, kinds, mode)
    return _score(qt, ct, pairs, kinds, mode, q.chinese_frame or c.chinese_frame)


def _score(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair], kinds: int,
           mode: str, frame: bool) -> Comparison:  # fmt: skip
    if mode == PERSON:
        pairs = _patronymic_order(qt, ct, pairs)
    matched = aligned = 0.0
    for pair in pairs:
        weight = (
            sum(WEIGHT[qt[i][kinds]] for i in pair.query) / len(pair.query)
            + sum(WEIGHT[ct[j][kinds]] for j in pair.candidate) / len(pair.candidate)
        ) / 2
        matched += pair.credit * weight
        aligned += weight
    q_free = tuple(i for i in range(len(qt)) if not any(i in p.query for p in pairs))
    c_free = tuple(j for j in range(len(ct)) if not any(j in p.candidate for p in pairs))
    # Parts left over on both sides conflict (Smith John vs Smith Jane): each conflicting pair
    # counts as aligned with no credit, and multiplies the score by CONFLICT_FACTOR.
    q_subst = sorted((i for i in q_free if qt[i][kinds] in SUBSTANTIVE),
                     key=lambda i: -WEIGHT[qt[i][kinds]])  # fmt: skip
    c_subst = sorted((j for j in c_free if ct[j][kinds] in SUBSTANTIVE),
                     key=lambda j: -WEIGHT[ct[j][kinds]])  # fmt: skip
    conflicts = min(len(q_subst), len(c_subst))
    in_conflict = set(q_subst[:conflicts]) | {-1 - j for j in c_subst[:conflicts]}
    for i, j in zip(q_subst[:conflicts], c_subst[:conflicts], strict=True):
        aligned += (WEIGHT[qt[i][kinds]] + WEIGHT[ct[j][kinds]]) / 2
    extra = EXTRA[mode]
    penalty = 0.0
    for side, (tokens, free) in enumerate(((qt, q_free), (ct, c_free))):
        extra_names = 0
        for index in free:
            if (index if side == 0 else -1 - index) in in_conflict:
                continue
            kind = tokens[index][kinds]
            cost = extra[kind]
            if mode == PERSON and kind == NAME:
                extra_names += 1
                if extra_names > 1:
                    cost = PERSON_FURTHER_EXTRA  # a second middle name costs less than the first
            if frame and mode == ORGANISATION and kind in (GENERIC, REGION):
                cost = FRAME_EXTRA
            penalty += cost
    score = matched / (aligned + penalty) if aligned else 0.0
    score *= CONFLICT_FACTOR ** min(conflicts, 3)
    return Comparison(round(min(1.0, score), 6), mode, tuple(pairs), q_free, c_free)


def _patronymic_order(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair]
                      ) -> list[Pair]:  # fmt: skip
    """In "X bin Y" the order carries meaning (son of): a part before "bin" in one name and after
    it in the other is not the same person (Salman bin Muhammad is not Muhammad bin Salman)."""
    q_bin = next((i for i, t in enumerate(qt) if "BIN" in t.concepts), -1)
    c_bin = next((j for j, t in enumerate(ct) if "BIN" in t.concepts), -1)
    if q_bin < 0 or c_bin < 0:
        return pairs
    out = []
    for pair in pairs:
        if (pair.query[0] < q_bin) != (pair.candidate[0] < c_bin) and pair.query[0] != q_bin:
            pair = pair._replace(credit=pair.credit * 0.3)
        out.append(pair)
    return out


def _free(n: int, pairs: list[Pair], side: int) -> set[int]:
    used = {i for p in pairs for i in (p.query if side == 0 else p.candidate)}
    return set(range(n)) - used


def _acronym_possible(qt: tuple[Token, ...], ct: tuple[Token, ...], used_q: dict[int, int],
                      used_c: dict[int, int]) -> bool:  # fmt: skip
    """Cheap test: a short unaligned word on one side and two unaligned words on the other."""
    for tokens, used, others in ((qt, used_q, len(ct) - len(used_c)), (ct, used_c, len(qt) - len(used_q))):
        if others >= 2 and any(
            i not in used and 2 <= len(t.text) <= 5 and t.text.isalpha() for i, t in enumerate(tokens)
        ):
            return True
    return False


def _target_keys(token: Token) -> set[str]:
    """Keys under which a single part can equal a joined span of the other name."""
    keys = {token.text, "p:" + token.pkey, *token.alts}
    if token.script in (ARABIC, HEBREW):
        keys.add("c:" + consonant_key(token.text))
    return keys


def _span_keys(tokens: list[Token], arabic: bool) -> set[str]:
    """Keys of a joined span: text, phonetic key (joined from the parts' keys), romanisation."""
    text = "".join(t.text for t in tokens)
    pkey = ""
    for token in tokens:
        part = token.pkey or token.text
        pkey += part[1:] if pkey and part and pkey[-1] == part[0] else part
    keys = {text, "p:" + pkey}
    if all(romanisation_readings(t.text) or t.syllables for t in tokens) and len(text) <= 16:
        keys.update(romanisation_readings(text))
    if arabic:
        keys.add("c:" + consonant_key(text))
    return keys


def _merge_pass(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair], kinds: int
                ) -> list[Pair]:  # fmt: skip
    """Join adjacent parts on one side to match one part on the other (Jin Ping = Jinping,
    Chin-ping = 近平, Siemens AG = SiemensAG, van der Bilt = Vanderbilt, Abd al-Aziz = Abdulaziz)
    when the joined text is the same word by spelling, sound or romanisation."""
    for side in (0, 1):
        mine, other = (qt, ct) if side == 0 else (ct, qt)
        if len(mine) < 2:
            continue
        other_credit = _credits(pairs, 1 - side)
        lookup: dict[str, int] = {}
        arabic = False
        for j, token in enumerate(other):
            if other_credit.get(j, 0.0) < 0.95 and len(token.text) >= 4:
                arabic = arabic or token.script in (ARABIC, HEBREW)
                for key in _target_keys(token):
                    lookup.setdefault(key, j)
        if not lookup:
            continue
        for size in (3, 2):
            for start in range(len(mine) - size + 1):
                span = tuple(range(start, start + size))
                mine_credit = _credits(pairs, side)
                if all(mine_credit.get(k, 0.0) >= 0.95 for k in span):
                    continue
                keys = _span_keys([mine[k] for k in span], arabic)
                j = next((lookup[k] for k in keys if k in lookup), -1)
                if j < 0:
                    continue
                current = _credits(pairs, 1 - side).get(j, 0.0)
                credit, how = similarity(_merged(mine, span), other[j])
                if credit < 0.8 or credit <= max(current, *(mine_credit.get(k, 0.0) for k in span)):
                    continue
                pairs = [p for p in pairs if not _touches(p, side, span, j)]
                pairs.append(Pair(span, (j,), credit, how) if side == 0 else Pair((j,), span, credit, how))
    return pairs


def _credits(pairs: list[Pair], side: int) -> dict[int, float]:
    out: dict[int, float] = {}
    for pair in pairs:
        for index in pair.query if side == 0 else pair.candidate:
            out[index] = pair.credit
    return out


def _touches(pair: Pair, side: int, span: tuple[int, ...], j: int) -> bool:
    mine, other = (pair.query, pair.candidate) if side == 0 else (pair.candidate, pair.query)
    return not set(mine).isdisjoint(span) or j in other


def _merged(tokens: tuple[Token, ...], span: tuple[int, ...]) -> Token:
    parts = [tokens[k] for k in span]
    first = parts[0]
    text = "".join(p.text for p in parts)
    syllables = tuple(s for p in parts for s in p.syllables)
    return first._replace(text=text, kind=NAME, pkind=NAME, concepts=(), pkey=phonetic_key(text),
                          surface=" ".join(p.surface for p in parts), alts=(), syllables=syllables)  # fmt: skip


def _acronym_pass(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair], kinds: int,
                  mode: str) -> list[Pair]:  # fmt: skip
    """An unaligned short word equal to the initials of unaligned words on the other side
    (ZTE = Zhongxing Telecommunication Equipment, PLA = People's Liberation Army)."""
    if mode == PERSON and not pairs:
        return pairs
    for side in (0, 1):
        mine, other = (qt, ct) if side == 0 else (ct, qt)
        free_mine = _free(len(mine), pairs, side)
        free_other = sorted(_free(len(other), pairs, 1 - side))
        for i in sorted(free_mine):
            word = mine[i].text
            if not (2 <= len(word) <= 5 and word.isalpha() and mine[i][kinds] in (NAME, INITIAL)):
                continue
            run = [j for j in free_other if other[j][kinds] not in (STOP, FORM, TITLE)]
            for start in range(len(run)):
                initials = ""
                span: list[int] = []
                for j in run[start:]:
                    token = other[j]
                    initials += (
                        "".join(s[0] for s in token.syllables) if token.syllables else token.text[0]
                    )
                    span.append(j)
                    if len(initials) >= len(word):
                        break
                if initials == word and len(span) >= 2:
                    pair = (
                        Pair((i,), tuple(span), 0.85, "acronym")
                        if side == 0
                        else Pair(tuple(span), (i,), 0.85, "acronym")
                    )
                    pairs = [*pairs, pair]
                    free_other = [j for j in free_other if j not in span]
                    break
    return pairs
