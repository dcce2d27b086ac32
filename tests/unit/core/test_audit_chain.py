"""The audit chain detects any edited, deleted, inserted or reordered entry (Regs Art. 27 records)."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from exportctl.core.audit import GENESIS, ChainEntry, entry_hash, verify


def make_chain(n: int) -> list[ChainEntry]:
    chain: list[ChainEntry] = []
    prev = GENESIS
    for i in range(1, n + 1):
        e = ChainEntry(
            i,
            f"2026-11-28T00:00:{i:02d}+00:00",
            "alice",
            "lists.import",
            "ImportRun",
            str(i),
            {"n": i},
            prev,
        )
        e = dataclasses.replace(e, hash=entry_hash(e))
        chain.append(e)
        prev = e.hash
    return chain


def test_intact_chain_verifies():
    result = verify(make_chain(5))
    assert result.ok and result.checked == 5


def test_empty_chain_verifies():
    assert verify([]).ok


def test_edited_data_is_named_by_sequence():
    chain = make_chain(5)
    chain[2] = dataclasses.replace(chain[2], data={"n": 99})
    result = verify(chain)
    assert result.first_break is not None
    assert result.first_break.seq == 3
    assert "edited" in result.first_break.reason


def test_deleted_entry_is_reported_missing():
    chain = make_chain(5)
    del chain[1]
    brk = verify(chain).first_break
    assert brk is not None and brk.seq == 2 and "missing" in brk.reason


def test_swapped_entries_are_detected():
    chain = make_chain(5)
    chain[1], chain[2] = chain[2], chain[1]
    brk = verify(chain).first_break
    assert brk is not None and brk.seq == 2


def test_recomputed_hash_still_breaks_the_next_link():
    chain = make_chain(4)
    forged = dataclasses.replace(chain[1], actor="mallory")
    chain[1] = dataclasses.replace(forged, hash=entry_hash(forged))
    brk = verify(chain).first_break
    assert brk is not None and brk.seq == 3 and "link" in brk.reason


@given(
    n=st.integers(min_value=1, max_value=12),
    index=st.integers(min_value=0, max_value=11),
    field=st.sampled_from(["at", "actor", "action", "object_type", "object_id"]),
    value=st.text(min_size=1, max_size=8),
)
def test_any_edit_to_any_field_breaks_verify(n, index, field, value):
    chain = make_chain(n)
    i = index % n
    if getattr(chain[i], field) == value:
        return
    chain[i] = dataclasses.replace(chain[i], **{field: value})
    assert not verify(chain).ok
