"""Use cases: decide a case (JSON in, JSON out), save it to the organisation's records."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from exportctl.audit import services as audit
from exportctl.core.determination.decide import evaluate
from exportctl.determination.knowledge_db import knowledge
from exportctl.determination.models import SavedDetermination


def determine(data: Any) -> dict[str, Any]:
    """The determination for one input object, or {"error": {...}} for invalid input."""
    return evaluate(data, knowledge())


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
