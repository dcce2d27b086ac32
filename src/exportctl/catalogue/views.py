"""Control list pages: browse by category and group, ranked search, entry page."""

from __future__ import annotations

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from exportctl.catalogue.models import ControlEntry, HSCode
from exportctl.catalogue.search import search_entries, search_hs_codes
from exportctl.core.errors import InvalidInput
from exportctl.web.access import requires
from exportctl.web.localise import localised

# Official headings: MOFCOM, 《中华人民共和国两用物项出口管制清单》常见问题 Q5 (cn-mofcom-notices);
# the Chinese text is in reference.catalogue_records.CATEGORY_NAMES_ZH, these are translations.
CATEGORIES = {
    0: _("Other items"),
    1: _("Special materials and related equipment, chemicals, microorganisms and toxins"),
    2: _("Materials processing"),
    3: _("Electronics"),
    4: _("Computers"),
    5: _("Telecommunications and information security"),
    6: _("Sensors and lasers"),
    7: _("Navigation and avionics"),
    8: _("Marine"),
    9: _("Aerospace and propulsion"),
}
GROUPS = {
    "A": _("Systems, equipment and components"),
    "B": _("Test, inspection and production equipment"),
    "C": _("Materials"),
    "D": _("Software"),
    "E": _("Technology"),
}


@requires("reference.view")
def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    category = request.GET.get("category")
    group = request.GET.get("group")
    context: dict[str, object] = {"query": query, "categories": CATEGORIES, "groups": GROUPS}
    if query:
        try:
            context["hits"] = search_entries(query)
            context["hs_hits"] = search_hs_codes(query, limit=20)
        except InvalidInput as exc:
            context["error"] = localised(exc)
    else:
        qs = ControlEntry.objects.filter(parent__isnull=True)
        if category and category.isdigit():
            qs = qs.filter(category=int(category))
        if group in GROUPS:
            qs = qs.filter(group=group)
        context["entries"] = qs.annotate(children_count=Count("children"))
        context["selected_category"] = int(category) if category and category.isdigit() else None
        context["selected_group"] = group
        counts = (
            ControlEntry.objects.filter(parent__isnull=True)
            .values("category", "group")
            .annotate(n=Count("id"))
        )
        cells = {(c["category"], c["group"]): c["n"] for c in counts}
        context["matrix"] = [
            (c, label, [(g, cells.get((c, g), 0)) for g in GROUPS])
            for c, label in CATEGORIES.items()
        ]
    return render(request, "catalogue/index.html", context)


@requires("reference.view")
def entry(request: HttpRequest, code: str) -> HttpResponse:
    try:
        item = ControlEntry.objects.select_related("parent", "announcement").get(code=code)
    except ControlEntry.DoesNotExist:
        raise Http404(code) from None
    hs = [link.hs_code for link in item.hs_links.order_by("hs_code")]
    names = {h.code: h for h in HSCode.objects.filter(code__in=hs)}
    return render(
        request,
        "catalogue/entry.html",
        {
            "entry": item,
            "children": item.children.order_by("code"),
            "hs_codes": [(c, names.get(c) or names.get(c[:8])) for c in hs],
            "category": CATEGORIES.get(item.category),
            "group": GROUPS.get(item.group),
        },
    )


@requires("reference.view")
def hs_code(request: HttpRequest, code: str) -> HttpResponse:
    try:
        item = HSCode.objects.get(code=code)
    except HSCode.DoesNotExist:
        raise Http404(code) from None
    entries = ControlEntry.objects.filter(hs_links__hs_code__startswith=code[:8]).distinct()
    return render(request, "catalogue/hs_code.html", {"hs": item, "entries": entries})
