"""Licence determination for the PRC dual-use regime: facts in, Determination(outcome, trace) out.

Pure (no Django, no I/O, no clock: the date is an input). Entry points: `parse_case` (input JSON
-> Case), `determine(case, knowledge)` (-> Determination), `evaluate(data, knowledge)` (JSON in,
JSON out, errors as {"error": {...}}). `Knowledge` is what the engine asks about the world;
`MemoryKnowledge` holds it in memory and `bundled_knowledge()` builds it from the data the package
ships.
"""

from exportctl.core.determination.case import Case, InvalidCase, parse_case
from exportctl.core.determination.decide import determine, evaluate
from exportctl.core.determination.knowledge import Knowledge, MeasureOnDate, PartyFinding
from exportctl.core.determination.memory import MemoryKnowledge
from exportctl.core.determination.result import Caveat, Determination, Effect, TraceStep
from exportctl.core.determination.rulebook import Rulebook, load_rulebook, parse_rulebook

__all__ = [
    "Case",
    "Caveat",
    "Determination",
    "Effect",
    "InvalidCase",
    "Knowledge",
    "MeasureOnDate",
    "MemoryKnowledge",
    "PartyFinding",
    "Rulebook",
    "TraceStep",
    "determine",
    "evaluate",
    "load_rulebook",
    "parse_case",
    "parse_rulebook",
]
