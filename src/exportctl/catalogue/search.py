"""Ranked search over the control list: by code, HS code, Chinese or English words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Prefetch

from exportctl.catalogue.models import ControlEntry, ControlEntryHSCode, HSCode
from exportctl.core.errors import InvalidInput
from exportctl.core.textnorm import fold

CODE = re.compile(r"^[0-9][a-eA-E][0-9]{0,3}(\.[a-z0-9.]*)?$")
DIGITS = re.compile(r"^[0-9]{4,10}$")


@dataclass(frozen=True)
class EntryHit:
    entry: ControlEntry
    score: float
    why: str  # "code", "hs_code", "text"


def _han_terms(query: str) -> list[str]:
    """Words for matching: Latin words as typed, Han runs kept whole (Chinese has no spaces)."""
    return [t for t in fold(query).split() if t]


def search_entries(query: str, limit: int = 50) -> list[EntryHit]:
    q = query.strip()
    if not q:
        raise InvalidInput("enter a control code, an HS code or words to search for")
    entries = list(
        ControlEntry.objects.prefetch_related(
            Prefetch("hs_links", queryset=ControlEntryHSCode.objects.only("entry_id", "hs_code"))
        ).select_related("parent")
    )
    hits: list[EntryHit] = []
    if CODE.match(q):
        code = q[:2].upper() + q[2:]
        for e in entries:
            if e.code == code:
                hits.append(EntryHit(e, 3.0, "code"))
            elif e.code.startswith(code):
                hits.append(EntryHit(e, 2.0 - 0.01 * (len(e.code) - len(code)), "code"))
    elif DIGITS.match(q):
        for e in entries:
            codes = [link.hs_code for link in e.hs_links.all()]
            if any(c == q for c in codes):
                hits.append(EntryHit(e, 3.0, "hs_code"))
            elif any(c.startswith(q) for c in codes):
                hits.append(EntryHit(e, 2.0, "hs_code"))
    else:
        terms = _han_terms(q)
        for e in entries:
            text = e.search_text
            if all(t in text for t in terms):
                # Matches in the entry's own opening words rank above matches deep in its text.
                head = text[:80]
                score = (
                    1.0
                    + sum(0.5 for t in terms if t in head)
                    + 0.1 * sum(text.count(t) for t in terms)
                )
                score -= 0.001 * e.code.count(".")  # the code ranks just above its own sub-items
                hits.append(EntryHit(e, score, "text"))
    hits.sort(key=lambda h: (-h.score, h.entry.code))
    return hits[:limit]


def search_hs_codes(query: str, limit: int = 50) -> list[HSCode]:
    q = query.strip()
    if DIGITS.match(q):
        return list(HSCode.objects.filter(code__startswith=q).order_by("code")[:limit])
    term = q.casefold()
    qs = HSCode.objects.filter(name_zh__icontains=term) | HSCode.objects.filter(
        name_en__icontains=term
    )
    return list(qs.order_by("code")[:limit])
