"""Use cases: decide a case (JSON in, JSON out), save it to the organisation's records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from exportctl.audit import services as audit
from exportctl.core.determination.case import parse_case
from exportctl.core.determination.decide import determine as decide
from exportctl.core.determination.decide import evaluate
from exportctl.core.errors import InvalidInput
from exportctl.determination.knowledge_db import knowledge
from exportctl.determination.models import SavedDetermination


def determine(data: Any) -> dict[str, Any]:
    """The determination for one input object, or {"error": {...}} for invalid input."""
    return evaluate(data, knowledge())


def determine_or_refusal(data: Any) -> dict[str, Any] | InvalidInput:
    """For the page: the determination, or the refusal itself (a page says it in its language)."""
    try:
        return decide(parse_case(data), knowledge()).to_json()
    except InvalidInput as exc:
        return exc


def batch_determiner() -> Callable[[Any], dict[str, Any]]:
    """`determine` for a batch: every case is decided against the data current when it started.

    One version check for the whole batch instead of two queries per case, and one consistent
    data version for every line of the output (an import during the run does not split it).
    """
    current = knowledge()
    return lambda data: evaluate(data, current)


def save(
    organisation: Any, actor: Any, case: dict[str, Any], result: dict[str, Any]
) -> SavedDetermination:
    with transaction.atomic():
        saved = SavedDetermination.objects.create(
            organisation=organisation,
            created_by=actor,
            case=case,
            result=result,
            outcome=str(result.get("outcome", "error")),
        )
        audit.record(
            "determination.save",
            saved,
            actor=actor,
            data={"outcome": saved.outcome, "date": case.get("date")},
        )
    return saved
