"""Screening pages: screen a name, screen a file, review hits, see re-screening results."""

from __future__ import annotations

import csv
import io
import time

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exportctl.audit import services as audit
from exportctl.core.errors import ExportControlError, NotFound
from exportctl.reference.lists import LISTS
from exportctl.screening import queries
from exportctl.screening.files import read_rows, screen_rows, write_csv
from exportctl.screening.index_cache import current_index
from exportctl.screening.models import FileRun, Hit, Rescreen
from exportctl.screening.services import decide, screen_party
from exportctl.web.access import requires
from exportctl.web.localise import localised

MAX_UPLOAD = 20 * 1024 * 1024


@requires("screening.run")
def index(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            outcome = screen_party(
                request.organisation,
                request.user,
                request.POST.get("name", ""),  # type: ignore[attr-defined]
                schema=request.POST.get("schema"),
                country=request.POST.get("country"),
                birth_date=request.POST.get("birth_date"),
            )
        except ExportControlError as exc:
            messages.error(request, localised(exc))
        else:
            return redirect("screening:subject", outcome.subject.pk)
    subjects = queries.subjects(request.user).prefetch_related("hits")[:50]
    return render(request, "screening/index.html", {"subjects": subjects, "form": request.POST})


@requires("screening.run")
def subject(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = queries.subject(request.user, pk)
    except NotFound:
        raise Http404 from None
    hits = item.hits.select_related("entity").prefetch_related(
        "decisions__by", "entity__designations"
    )
    return render(
        request, "screening/subject.html", {"subject": item, "hits": hits, "lists": LISTS}
    )


@require_POST
@requires("screening.review")
def decide_hit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        hit = queries.hit(request.user, pk)
    except NotFound:
        raise Http404 from None
    try:
        decide(hit, request.user, request.POST.get("action", ""), request.POST.get("reason", ""))
        messages.success(request, _("Decision recorded."))
    except ExportControlError as exc:
        messages.error(request, localised(exc))
    return redirect("screening:subject", hit.subject_id)


@requires("screening.run")
def file(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose a CSV or XLSX file."))
        elif upload.size > MAX_UPLOAD:
            messages.error(request, _("The file is larger than 20 MB."))
        elif not upload.name.lower().endswith((".csv", ".xlsx")):
            messages.error(request, _("Only CSV and XLSX files can be screened."))
        else:
            try:
                run = _screen_file(
                    request, upload.name, upload.read(), request.POST.get("all_hits") == "on"
                )
            except ExportControlError as exc:
                messages.error(request, localised(exc))
            else:
                return redirect("screening:file_run", run.pk)
    return render(request, "screening/file.html", {"runs": queries.file_runs(request.user)[:20]})


def _screen_file(request: HttpRequest, name: str, data: bytes, all_hits: bool) -> FileRun:
    started = time.perf_counter()
    header, rows = read_rows(data, name)
    loaded = current_index()
    columns, results = screen_rows(rows, header, all_hits=all_hits, loaded=loaded)
    buffer = io.BytesIO()
    write_csv(columns, results, buffer)
    with transaction.atomic():
        run = FileRun.objects.create(
            organisation=request.organisation,
            file_name=name[:300],
            created_by=request.user,  # type: ignore[attr-defined]
            rows=len(rows),
            matches=sum(1 for r in results if r["match"] == "true"),
            seconds=round(time.perf_counter() - started, 2),
            list_version=loaded.version,
            result_csv=buffer.getvalue().decode("utf-8"),
        )
        audit.record(
            "screening.screen_file",
            run,
            actor=request.user,
            data={"file": name, "rows": run.rows, "matches": run.matches},
        )
    return run


@requires("screening.run")
def file_run(request: HttpRequest, pk: int) -> HttpResponse:
    run = queries.file_runs(request.user).filter(pk=pk).first()
    if run is None:
        raise Http404
    if request.GET.get("download"):
        response = HttpResponse(
            run.result_csv.encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="screening-{run.pk}.csv"'
        return response
    rows = list(csv.DictReader(io.StringIO(run.result_csv)))
    return render(request, "screening/file_run.html", {"run": run, "rows": rows[:500]})


@requires("screening.run")
def rescreens(request: HttpRequest) -> HttpResponse:
    new_hits = (
        Hit.objects.filter(
            subject__in=queries.subjects(request.user), found_by_rescreen__isnull=False
        )
        .select_related("subject", "entity", "found_by_rescreen__import_run")
        .order_by("-found_at")[:200]
    )
    return render(
        request,
        "screening/rescreens.html",
        {"runs": Rescreen.objects.select_related("import_run")[:50], "new_hits": new_hits},
    )
