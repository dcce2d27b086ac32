"""The officer queue: open cases soonest due first, a page at a time, formatted for the table.

Sized for 100,000 applications (issue #5): the page's ids come from an index-only scan of the
partial index `application_queue_order`, then only those 50 rows are read; the total of open
cases is counted at most every COUNT_SECONDS per process (a page shorter than a full one is read
to its end, so a count taken before new cases were opened never hides them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import F
from django.urls import reverse

from exportctl.licensing import queries
from exportctl.licensing.clock import Clock, queue_clock
from exportctl.licensing.models import Application
from exportctl.licensing.templatetags.licensing_tags import clock_tag

PER_PAGE = 50
# The total only sizes the pager; rows, statuses and due dates are always read fresh. Counting
# ~60,000 open cases costs PostgreSQL more than the rest of the page, so it may lag this long.
COUNT_SECONDS = 15
COUNT_KEY = "licensing:queue:open-cases"

OPEN = [
    Application.Status.SUBMITTED,
    Application.Status.SUPPLEMENT_REQUESTED,
    Application.Status.ACCEPTED,
    Application.Status.UNDER_REVIEW,
    Application.Status.PROPOSED,
]
FIELDS = (
    "reference",
    "kind",
    "status",
    "destination",
    "submitted_on",
    "accepted_on",
    "time_limit_days",
    "due_on",
    "clock_paused",
    "organisation__name_zh",
)


@dataclass(frozen=True)
class QueueRow:
    """One queue line, formatted in Python: labels and clock once per row, no per-row lookups."""

    pk: int
    url: str
    reference: str
    applicant: str
    kind: str
    destination: str
    status: str
    clock: Clock
    badge: str  # the clock as {% clock %} renders it


def page(user: Any, number: str | None, today: date) -> tuple[Page[int], list[QueueRow]]:
    """The requested page of the office-wide queue (officers: licensing.view_all) and its rows."""
    if not user.can("licensing.view_all"):
        raise PermissionError("the queue is office-wide; its cached count assumes so")
    ordered = (
        queries.applications(user)
        .filter(status__in=OPEN)
        .order_by(F("due_on").asc(nulls_last=True), "submitted_on", "id")
    )
    paginator = Paginator(ordered.values_list("id", flat=True), PER_PAGE)
    count = cache.get(COUNT_KEY)
    if count is None:
        count = ordered.count()
        cache.set(COUNT_KEY, count, COUNT_SECONDS)
    paginator.count = count  # type: ignore[misc]  # overrides the cached_property
    found = paginator.get_page(number)
    ids = list(found.object_list)
    if len(ids) < PER_PAGE:
        # a count taken before cases were opened would cut this page short: read to its end
        start = (found.number - 1) * PER_PAGE
        ids = list(ordered.values_list("id", flat=True)[start : start + PER_PAGE])
        if start + len(ids) > count:
            count = start + len(ids)
            cache.set(COUNT_KEY, count, COUNT_SECONDS)
            paginator.count = count  # type: ignore[misc]
            found = paginator.get_page(found.number)
    by_id = {
        a.pk: a
        for a in queries.applications(user)
        .filter(pk__in=ids, status__in=OPEN)
        .select_related("organisation")
        .only(*FIELDS)
        .order_by()  # ordered by the page's ids below
    }
    memo: dict[date, int] = {}  # cases due the same day have the same working days left
    badges: dict[tuple[object, ...], str] = {}  # ... and the same badge
    kinds = {value: str(text) for value, text in Application.Kind.choices}
    statuses = {value: str(text) for value, text in Application.Status.choices}
    case_url = _case_url()
    rows = []
    for a in (by_id[i] for i in ids if i in by_id):  # a case closed in between drops out
        c = queue_clock(a, today, memo)
        key = (c.deadline and c.deadline.due, c.remaining, c.paused, c.overdue, c.note)
        if key not in badges:
            badges[key] = clock_tag(c)
        rows.append(
            QueueRow(
                a.pk,
                case_url(a.pk),
                a.reference,
                a.organisation.name_zh,
                kinds.get(a.kind, a.kind),
                a.destination,
                statuses.get(a.status, a.status),
                c,
                badges[key],
            )
        )
    return found, rows


def _case_url() -> Callable[[int], str]:
    """The case page's URL for an id: reversed once a page instead of once a row."""
    sample = reverse("licensing:case", args=[1])
    head, tail = sample.rsplit("1", 1)  # the path ends in "<pk>/"; the last "1" is the id
    return lambda pk: f"{head}{pk}{tail}"
