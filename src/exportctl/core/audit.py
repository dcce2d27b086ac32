"""Hash-chained audit entries: make and verify.

Source: Dual-Use Regulations Art. 27 (records kept at least five years) and the brief's demand
for a tamper-evident trail. Each entry's hash covers its sequence number, content and the hash
of the entry before it, so an edited, deleted, inserted or reordered entry breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainEntry:
    """The fields of one audit entry that the hash covers."""

    seq: int
    at: str  # ISO 8601 timestamp with timezone
    actor: str
    action: str
    object_type: str
    object_id: str
    data: Mapping[str, Any]
    prev_hash: str
    hash: str = ""


def entry_hash(entry: ChainEntry) -> str:
    """SHA-256 over a canonical JSON of the entry's content and the previous hash."""
    payload = json.dumps(
        [
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.data,
            entry.prev_hash,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold, and why."""

    seq: int
    reason: str


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def verify(entries: Iterable[ChainEntry]) -> VerifyResult:
    """Walk entries in sequence order; report the first edited, missing or reordered entry."""
    expected_prev = GENESIS
    expected_seq = 1
    checked = 0
    for entry in entries:
        if entry.seq != expected_seq:
            reason = (
                f"entry {expected_seq} is missing (next entry found is {entry.seq})"
                if entry.seq > expected_seq
                else f"entry {entry.seq} appears out of order after {expected_seq - 1}"
            )
            return VerifyResult(checked, Break(expected_seq, reason))
        if entry.prev_hash != expected_prev:
            return VerifyResult(
                checked, Break(entry.seq, "does not link to the previous entry's hash")
            )
        if entry_hash(entry) != entry.hash:
            return VerifyResult(
                checked, Break(entry.seq, "content does not match its hash (edited)")
            )
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
    return VerifyResult(checked, None)
