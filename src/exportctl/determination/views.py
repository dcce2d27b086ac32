"""'Do I need a licence?': a form, then the decision with its trace, printable and saved."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from exportctl.core.errors import InvalidInput
from exportctl.determination.forms import DeterminationForm
from exportctl.determination.models import SavedDetermination
from exportctl.determination.services import determine_or_refusal, save
from exportctl.licensing.clock import configured_today
from exportctl.web.access import requires
from exportctl.web.localise import localised


def _visible(user):  # type: ignore[no-untyped-def]
    qs = SavedDetermination.objects.all()
    return qs if user.can("licensing.view_all") else qs.filter(organisation_id=user.organisation_id)


@requires("determination.use")
def form(request: HttpRequest) -> HttpResponse:
    initial = {"date": configured_today(), "movement": "export", "end_use_category": "civil"}
    f = DeterminationForm(request.POST or None, initial=initial)
    if request.method == "POST" and f.is_valid():
        org = request.organisation  # type: ignore[attr-defined]
        case = f.case(org.name_zh if org else "")
        result = determine_or_refusal(case)
        if isinstance(result, InvalidInput):
            f.add_error(None, localised(result))
        else:
            saved = save(org, request.user, case, result)
            return redirect("determination:result", saved.pk)
    return render(
        request, "determination/form.html", {"form": f, "saved": _visible(request.user)[:20]}
    )


@requires("determination.use")
def result(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _visible(request.user).filter(pk=pk).first()
    if saved is None:
        raise Http404
    return render(
        request,
        "determination/result.html",
        {"saved": saved, "r": saved.result, "case": saved.case},
    )
