"""Tenancy at the edge: every screening query starts from what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from exportctl.core.errors import NotFound
from exportctl.screening.models import FileRun, Hit, Subject


def subjects(user: Any) -> QuerySet[Subject]:
    qs = Subject.objects.all()
    return qs if user.can("screening.view_all") else qs.filter(organisation_id=user.organisation_id)


def subject(user: Any, pk: int) -> Subject:
    found = subjects(user).filter(pk=pk).first()
    if found is None:
        raise NotFound(f"no screened party {pk}")
    return found


def hit(user: Any, pk: int) -> Hit:
    found = (
        Hit.objects.filter(pk=pk, subject__in=subjects(user))
        .select_related("subject", "entity")
        .first()
    )
    if found is None:
        raise NotFound(f"no screening hit {pk}")
    return found


def file_runs(user: Any) -> QuerySet[FileRun]:
    qs = FileRun.objects.all()
    return qs if user.can("screening.view_all") else qs.filter(organisation_id=user.organisation_id)
