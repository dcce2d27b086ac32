"""Listed-party pages: name search, entity page with designations, list status and imports."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from exportctl.core.errors import InvalidInput, NotFound
from exportctl.parties.models import ImportRun
from exportctl.parties.services import get_entity, list_status, search_entities
from exportctl.reference.lists import LISTS
from exportctl.web.access import requires
from exportctl.web.localise import localised


@requires("reference.view")
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    list_code = request.GET.get("list") or None
    context: dict[str, object] = {"query": query, "lists": LISTS, "selected_list": list_code}
    if query:
        try:
            context["results"] = search_entities(query, list_code=list_code)
        except InvalidInput as exc:
            context["error"] = localised(exc)
    return render(request, "parties/search.html", context)


@requires("reference.view")
def entity(request: HttpRequest, entity_id: int) -> HttpResponse:
    try:
        item = get_entity(entity_id)
    except NotFound:
        raise Http404 from None
    return render(
        request,
        "parties/entity.html",
        {
            "entity": item,
            "lists": LISTS,
            "runs": ImportRun.objects.filter(pk__in=[item.first_seen_id, item.last_changed_id]),
        },
    )


@requires("reference.view")
def lists(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "parties/lists.html",
        {"status": list_status(), "runs": ImportRun.objects.all()[:50]},
    )


@requires("reference.view")
def import_run(request: HttpRequest, run_id: int) -> HttpResponse:
    try:
        run = ImportRun.objects.get(pk=run_id)
    except ImportRun.DoesNotExist:
        raise Http404 from None
    diff = {k: v[:200] for k, v in (run.diff or {}).items()}
    return render(request, "parties/import_run.html", {"run": run, "diff": diff})
