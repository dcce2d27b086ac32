"""Step 3b of screening: alignment passes beyond part-to-part matching.

Legal source: none directly (see score.py). Names on lists and in queries split and join words
differently (Hua Wei / Huawei, Jin-ping / Jinping, SiemensAG, van der Bilt / Vanderbilt,
Abd al-Aziz / Abdulaziz), abbreviate organisations to initials (ZTE, PLA, GSK) and order the
parts of Arabic patronymic chains meaningfully (X bin Y: X son of Y). These passes adjust the
alignment that score.py builds from part-to-part similarities.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from exportctl.core.screening.arabic import reading
from exportctl.core.screening.chinese import romanisation_readings
from exportctl.core.screening.normalise import ARABIC
from exportctl.core.screening.phonetic import consonant_keys, phonetic_key
from exportctl.core.screening.similarity import similarity
from exportctl.core.screening.tokens import FORM, INITIAL, NAME, STOP, TITLE, Token


class Pair(NamedTuple):
    """One aligned pair: query token indexes, list token indexes, credit, match kind."""

    query: tuple[int, ...]
    candidate: tuple[int, ...]
    credit: float
    how: str


Span = tuple[tuple[int, ...], frozenset[str]]


def target_keys(token: Token, consonants: bool = False) -> frozenset[str]:
    """Keys under which a single part can equal a joined span of the other name; `consonants`
    adds the consonant skeleton (needed when one of the names is in Arabic script)."""
    keys = {token.text, "p:" + token.pkey, *token.alts}
    if consonants:
        keys.update("c:" + k for k in skeletons((token,)))
    return frozenset(keys)


def skeletons(tokens: tuple[Token, ...]) -> frozenset[str]:
    """Consonant skeletons of parts joined into one word: read from the Arabic letters when the
    parts are in Arabic script (arabic.reading), else from the joined Latin text."""
    if all(t.script == ARABIC for t in tokens):
        return reading(" ".join(t.surface for t in tokens)).skeletons
    return consonant_keys("".join(t.text for t in tokens))


def span_keys(tokens: tuple[Token, ...], consonants: bool = False) -> list[Span]:
    """Keys of every run of 2-3 adjacent parts joined into one word: text, phonetic key (joined
    from the parts' keys), romanisation readings (and the consonant skeleton)."""
    out: list[Span] = []
    for size in (3, 2):
        for start in range(len(tokens) - size + 1):
            parts = tokens[start : start + size]
            text = "".join(t.text for t in parts)
            pkey = ""
            for token in parts:
                piece = token.pkey or token.text
                pkey += piece[1:] if pkey and piece and pkey[-1] == piece[0] else piece
            keys = {text, "p:" + pkey}
            if consonants:
                keys.update("c:" + k for k in skeletons(parts))
            if len(text) <= 16 and all(romanisation_readings(t.text) or t.syllables for t in parts):
                keys.update(romanisation_readings(text))
            out.append((tuple(range(start, start + size)), frozenset(keys)))
    return out


# The spans of a name as one string (index.py stores them, so a fresh process need not compute
# the romanisation readings and consonant skeletons of list names again): the spans with their
# consonant keys, separated by RS, each GS "first,size" and its keys separated by US (name keys
# hold no control characters, so a head equals no key; only consonant keys start with "c:").
_RS, _US, _GS = "\x1e", "\x1f", "\x1d"


def encode_spans(tokens: tuple[Token, ...]) -> str:
    """span_keys(tokens, True) as one string (what decode_spans reads)."""
    return _RS.join(
        _US.join((f"{_GS}{span[0]},{len(span)}", *sorted(keys)))
        for span, keys in span_keys(tokens, consonants=True)
    )


def encode_targets(tokens: tuple[Token, ...]) -> str:
    """The union of target_keys(t, True) of the parts as one string (read with stored_keys)."""
    return _US.join(sorted(frozenset().union(*(target_keys(t, True) for t in tokens))))


def stored_keys(text: str) -> list[str]:
    """The keys in a string of encode_spans or encode_targets, consonant keys included (and the
    heads of spans, which equal no key)."""
    return text.replace(_RS, _US).split(_US) if text else []


def decode_spans(text: str, consonants: bool) -> list[Span]:
    """span_keys(tokens, consonants) from encode_spans(tokens)."""
    out: list[Span] = []
    for item in text.split(_RS) if text else ():
        head, *keys = item.split(_US)
        first, size = map(int, head[1:].split(","))
        if not consonants:
            keys = [k for k in keys if not k.startswith("c:")]
        out.append((tuple(range(first, first + size)), frozenset(keys)))
    return out


def span_union(text: str, consonants: bool) -> frozenset[str]:
    """The union of the keys of decode_spans(text, consonants)."""
    keys = [k for item in text.split(_RS) if item for k in item.split(_US)[1:]]
    return frozenset(keys if consonants else (k for k in keys if not k.startswith("c:")))


def credits(pairs: list[Pair], side: int) -> dict[int, float]:
    out: dict[int, float] = {}
    for pair in pairs:
        for index in pair.query if side == 0 else pair.candidate:
            out[index] = pair.credit
    return out


def merge_pass(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair],
               spans: tuple[list[Span], list[Span]],
               targets: tuple[list[frozenset[str]], list[frozenset[str]]]) -> list[Pair]:  # fmt: skip
    """Join adjacent parts on one side to match one part on the other, when the joined text is
    the same word by spelling, sound or romanisation and beats the current alignment."""
    for side in (0, 1):
        mine, other = (qt, ct) if side == 0 else (ct, qt)
        other_targets = targets[1 - side]
        for span, keys in spans[side]:
            # the parts of the other side this span can equal (most spans meet none)
            meeting = [j for j, target in enumerate(other_targets) if not keys.isdisjoint(target)]
            if not meeting:
                continue
            mine_credit = credits(pairs, side)
            if all(mine_credit.get(k, 0.0) >= 0.95 for k in span):
                continue
            other_credit = credits(pairs, 1 - side)
            for j in meeting:
                if other_credit.get(j, 0.0) >= 0.95 or len(other[j].text) < 4:
                    continue
                credit, how = similarity(merged(mine, span), other[j])
                # a particle inside a joined name (the al of Abd al-Rahman) joins it, whatever
                # other particle it met on its own
                words = [mine_credit.get(k, 0.0) for k in span if mine[k].kind != STOP]
                best_now = max([other_credit.get(j, 0.0), *words])
                if credit < 0.8 or credit <= best_now:
                    continue
                pairs = [p for p in pairs if not _touches(p, side, span, j)]
                pairs.append(Pair(span, (j,), credit, how) if side == 0 else
                             Pair((j,), span, credit, how))  # fmt: skip
                break
    return pairs


def _touches(pair: Pair, side: int, span: tuple[int, ...], j: int) -> bool:
    mine, other = (pair.query, pair.candidate) if side == 0 else (pair.candidate, pair.query)
    return not set(mine).isdisjoint(span) or j in other


def merged(tokens: tuple[Token, ...], span: tuple[int, ...]) -> Token:
    """The parts of a span joined into one name token."""
    parts = [tokens[k] for k in span]
    text = "".join(p.text for p in parts)
    return parts[0]._replace(
        text=text, kind=NAME, pkind=NAME, concepts=(), pkey=phonetic_key(text),
        surface=" ".join(p.surface for p in parts), alts=(),
        syllables=tuple(s for p in parts for s in p.syllables),
    )  # fmt: skip


def acronym_possible(qt: tuple[Token, ...], ct: tuple[Token, ...], used_q: dict[int, int],
                     used_c: dict[int, int]) -> bool:  # fmt: skip
    """Cheap test: a short unaligned word on one side and two unaligned words on the other."""
    for tokens, used, free_other in (
        (qt, used_q, len(ct) - len(used_c)),
        (ct, used_c, len(qt) - len(used_q)),
    ):
        if free_other >= 2 and any(
            i not in used and 2 <= len(t.text) <= 5 and t.text.isalpha()
            for i, t in enumerate(tokens)
        ):
            return True
    return False


def acronym_pass(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair],
                 ck: tuple[int, ...], qk: tuple[int, ...], person: bool = False
                 ) -> list[Pair]:  # fmt: skip
    """An unaligned short word equal to the initials of unaligned words on the other side
    (ZTE = Zhongxing Telecommunication Equipment, PLA = People's Liberation Army; a Han trade
    name contributes the initials of its syllables: GSK = Guangzhou Shu-Kong)."""
    if person and not pairs:
        return pairs  # "N.N." alone is not Nursultan Nazarbayev
    for side in (0, 1):
        mine, other = (qt, ct) if side == 0 else (ct, qt)
        other_kinds = ck if side == 0 else qk
        used_mine = credits(pairs, side)
        free_other = [j for j in range(len(other)) if j not in credits(pairs, 1 - side)
                      and other_kinds[j] not in (STOP, FORM, TITLE)]  # fmt: skip
        mine_kinds = qk if side == 0 else ck
        for i, token in enumerate(mine):
            word = token.text
            if i in used_mine or not (2 <= len(word) <= 5 and word.isalpha()):
                continue
            if mine_kinds[i] not in (NAME, INITIAL) or (person and len(word) > 2):
                continue  # particles and titles are not initials; people have 2-3 initials
            for start in range(len(free_other)):
                initials = ""
                span: list[int] = []
                for j in free_other[start:]:
                    part = other[j]
                    initials += (
                        "".join(s[:1] for s in part.syllables) if part.syllables else part.text[:1]
                    )
                    span.append(j)
                    if len(initials) >= len(word):
                        break
                if initials == word and len(span) >= 2 and _contiguous(span, other_kinds, person):
                    pair = Pair((i,), tuple(span), 0.85, "acronym") if side == 0 else \
                        Pair(tuple(span), (i,), 0.85, "acronym")  # fmt: skip
                    pairs = [*pairs, pair]
                    free_other = [j for j in free_other if j not in span]
                    break
    return pairs


def _contiguous(span: list[int], kinds: tuple[int, ...], person: bool) -> bool:
    """Initials come from neighbouring words (particles may sit between them in organisations)."""
    for a, b in itertools.pairwise(span):
        between = kinds[a + 1 : b]
        if (person and between) or any(k != STOP for k in between):
            return False
    return True


def patronymic_order(qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[Pair]
                     ) -> list[Pair]:  # fmt: skip
    """In "X bin Y" the order carries meaning (X son of Y): a part before "bin" in one name and
    after it in the other is not the same person (Salman bin Muhammad is not Muhammad bin
    Salman). Names where "bin" is first or last were reordered and are left alone."""
    q_bin = next((i for i, t in enumerate(qt) if "BIN" in t.concepts), -1)
    c_bin = next((j for j, t in enumerate(ct) if "BIN" in t.concepts), -1)
    if q_bin <= 0 or c_bin <= 0 or q_bin == len(qt) - 1 or c_bin == len(ct) - 1:
        return pairs
    out = []
    for pair in pairs:
        i, j = pair.query[0], pair.candidate[0]
        if i != q_bin and (i < q_bin) != (j < c_bin):
            pair = pair._replace(credit=pair.credit * 0.3)
        out.append(pair)
    return out
