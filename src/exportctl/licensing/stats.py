"""Statistics for the authority: processing times, outcomes, categories, destinations, overruns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from exportctl.core.errors import CalendarDataMissing
from exportctl.licensing.clock import calendar, clock, configured_today, pauses
from exportctl.licensing.models import Application
from exportctl.web.access import requires

BUCKETS = [(0, 10), (11, 20), (21, 30), (31, 45), (46, 60), (61, 10**6)]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: float  # percent of the largest bar


def bars(counter: Counter[str], labels: list[str] | None = None) -> list[Bar]:
    keys = labels or [k for k, _ in counter.most_common(12)]
    top = max([counter[k] for k in keys] or [1]) or 1
    return [Bar(k, counter[k], 100.0 * counter[k] / top) for k in keys]


@requires("licensing.view_all")
def statistics(request: HttpRequest) -> HttpResponse:
    today = configured_today()
    decided = list(
        Application.objects.filter(
            status__in=["approved", "denied"], accepted_on__isnull=False
        ).prefetch_related("pauses", "items")
    )
    durations: Counter[str] = Counter()
    cal = calendar()
    for app in decided:
        try:
            days = cal.working_days_between(
                app.accepted_on, app.decided_on or today, pauses(app, today)
            )  # type: ignore[arg-type]
        except CalendarDataMissing:
            continue
        label = next(
            f"{lo}–{hi}" if hi < 10**6 else f">{lo - 1}" for lo, hi in BUCKETS if lo <= days <= hi
        )
        durations[label] += 1
    outcomes = Counter(Application.objects.values_list("status", flat=True))
    categories: Counter[str] = Counter()
    for app in Application.objects.exclude(status="draft").prefetch_related("items"):
        for item in app.items.all():
            categories[(item.control_code or "unlisted")[:2]] += 1
    destinations = Counter(
        Application.objects.exclude(status="draft").values_list("destination", flat=True)
    )
    open_cases = Application.objects.filter(
        status__in=["accepted", "under_review", "proposed"]
    ).prefetch_related("pauses")
    over = sum(1 for a in open_cases if clock(a, today).overdue)
    decided_late = sum(1 for a in decided if clock(a, today).overdue)
    labels = [f"{lo}–{hi}" if hi < 10**6 else f">{lo - 1}" for lo, hi in BUCKETS]
    return render(
        request,
        "licensing/stats.html",
        {
            "durations": bars(durations, labels),
            "outcomes": bars(outcomes),
            "categories": bars(categories),
            "destinations": bars(destinations),
            "over_limit_open": over,
            "over_limit_decided": decided_late,
            "decided": len(decided),
            "today": today,
        },
    )
