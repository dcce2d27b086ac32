"""Licensing pages: exporter dashboard and application, officer queue, case page, licences."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exportctl.audit import services as audit
from exportctl.audit.models import AuditEntry
from exportctl.core import workflow
from exportctl.core.errors import ExportControlError, NotFound
from exportctl.licensing import queries, services
from exportctl.licensing import queue as open_cases
from exportctl.licensing.clock import clock, configured_today
from exportctl.licensing.forms import (
    ActionForm,
    ApplicationForm,
    CertificateForm,
    ItemFormSet,
    NewApplicationForm,
    PartyFormSet,
    UploadForm,
)
from exportctl.licensing.models import Application, Document, Notification
from exportctl.web.access import requires
from exportctl.web.localise import localised


def _get(request: HttpRequest, pk: int) -> Application:
    try:
        return queries.application(request.user, pk)
    except NotFound:
        raise Http404 from None


@requires("licensing.apply")
def dashboard(request: HttpRequest) -> HttpResponse:
    today = configured_today()
    apps = list(queries.applications(request.user).prefetch_related("pauses")[:200])
    rows = [(a, clock(a, today)) for a in apps]
    return render(
        request,
        "licensing/dashboard.html",
        {
            "rows": rows,
            "licences": queries.licences(request.user)[:100],
            "form": NewApplicationForm(),
            "notifications": Notification.objects.filter(user=request.user)[:10],
            "today": today,
        },
    )


@require_POST
@requires("licensing.apply")
def new(request: HttpRequest) -> HttpResponse:
    form = NewApplicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a kind and a destination."))
        return redirect("licensing:dashboard")
    extra = {}
    if form.cleaned_data["kind"] == Application.Kind.AMENDMENT:
        licence = (
            queries.licences(request.user)
            .filter(number=form.cleaned_data["amends"].strip())
            .first()
        )
        if licence is None:
            messages.error(request, _("No licence of your organisation has that number."))
            return redirect("licensing:dashboard")
        extra["amends"] = licence
    try:
        app = services.create_application(
            request.organisation,
            request.user,
            form.cleaned_data["kind"],  # type: ignore[attr-defined]
            form.cleaned_data["destination"],
            **extra,
        )
    except ExportControlError as exc:
        messages.error(request, localised(exc))
        return redirect("licensing:dashboard")
    return redirect("licensing:edit", app.pk)


@requires("licensing.apply")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    app = _get(request, pk)
    if app.status not in (Application.Status.DRAFT, Application.Status.SUPPLEMENT_REQUESTED):
        messages.info(
            request, _("Only a draft or an application with a supplement request can be edited.")
        )
        return redirect("licensing:case", app.pk)
    cert = getattr(app, "certificate", None)
    form = ApplicationForm(request.POST or None, instance=app)
    items = ItemFormSet(request.POST or None, instance=app, prefix="items")
    parties = PartyFormSet(request.POST or None, instance=app, prefix="parties")
    # The certificate may come later (it is checked when given and at submission), so its
    # fields must not stop the browser from saving a draft without it.
    cert_form = CertificateForm(
        request.POST or None, instance=cert, prefix="cert", use_required_attribute=False
    )
    wants_cert = app.kind in (Application.Kind.SINGLE, Application.Kind.GENERAL)
    if request.method == "POST":
        cert_given = any(request.POST.get(f"cert-{f}") for f in ("end_user", "signatory"))
        valid = (
            form.is_valid()
            and items.is_valid()
            and parties.is_valid()
            and (not cert_given or cert_form.is_valid())
        )
        if valid:
            with transaction.atomic():
                form.save()
                items.save()
                parties.save()
                if cert_given:
                    c = cert_form.save(commit=False)
                    c.application = app
                    c.save()
                audit.record(
                    "licensing.update",
                    app,
                    actor=request.user,
                    data={"reference": app.reference, "fields": form.changed_data},
                )
            messages.success(request, _("Saved."))
            if request.POST.get("then") == "submit":
                return redirect("licensing:case", app.pk)
            return redirect("licensing:edit", app.pk)
        messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "licensing/edit.html",
        {
            "app": app,
            "form": form,
            "items": items,
            "parties": parties,
            "cert_form": cert_form,
            "wants_cert": wants_cert,
            "upload": UploadForm(),
            "problems": services.completeness_problems(app),
        },
    )


@require_POST
@requires("licensing.apply")
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    app = _get(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if app.status not in (Application.Status.DRAFT, Application.Status.SUPPLEMENT_REQUESTED):
        messages.error(
            request, _("Documents can be added to a draft or after a supplement request.")
        )
    elif not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        f = form.cleaned_data["file"]
        stored = secrets.token_hex(16)  # never the user's name: no path to guess or traverse
        folder = Path(settings.MEDIA_ROOT) / "applications"
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with (folder / stored).open("wb") as out:
            for chunk in f.chunks():
                digest.update(chunk)
                out.write(chunk)
        with transaction.atomic():
            doc = Document.objects.create(
                application=app,
                kind=form.cleaned_data["kind"],
                original_name=f.name[:200],
                stored_as=stored,
                content_type=f.checked_type,
                size=f.size,
                sha256=digest.hexdigest(),
                uploaded_by=request.user,
            )
            audit.record(
                "licensing.upload",
                doc,
                actor=request.user,
                data={"reference": app.reference, "file": doc.original_name, "sha256": doc.sha256},
            )
        messages.success(request, _("Document uploaded."))
    return redirect("licensing:edit", app.pk)


@requires("licensing.use")
def document(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        doc = queries.document(request.user, pk)
    except NotFound:
        raise Http404 from None
    path = Path(settings.MEDIA_ROOT) / "applications" / doc.stored_as
    response = FileResponse(
        path.open("rb"),
        content_type=doc.content_type,
        as_attachment=True,
        filename=doc.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires("licensing.use")
def case(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        app = queries.case(request.user, pk)
    except NotFound:
        raise Http404 from None
    today = configured_today()
    officer = request.user.can("licensing.view_all")  # type: ignore[union-attr]
    events = app.events.select_related("actor")
    if not officer:
        events = events.filter(action__in=queries.EXPORTER_EVENTS)
    table = workflow.tables()["application"]
    steps = [t.name for t in table.available(app.status, request.user.role)]  # type: ignore[union-attr]
    context = {
        "app": app,
        "clock": clock(app, today),
        "events": events,
        "steps": steps,
        "officer": officer,
        # Routing to experts, the clock and referrals are for the roles that work cases.
        "works": request.user.can("licensing.work"),  # type: ignore[union-attr]
        "determination": app.determination,
        "factors": list(services.LAW13_FACTORS.items()),  # Export Control Law Art. 13
        "today": today,
        "licence": getattr(app, "licence", None),
        "proposals": app.proposals.select_related("reviewer") if officer else [],
        "paused": next((p for p in app.pauses.all() if p.ended_on is None), None),
        "pause_reasons": app.pauses.model.Reason.choices,
        "audit": AuditEntry.objects.filter(
            object_type="Application", object_id=str(app.pk)
        ).order_by("seq")
        if officer
        else [],
    }
    return render(request, "licensing/case.html", context)


@require_POST
@requires("licensing.use")
def act(request: HttpRequest, pk: int) -> HttpResponse:
    app = _get(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The request was incomplete."))
        return redirect("licensing:case", app.pk)
    d = form.cleaned_data
    user, note, version = request.user, d["note"] or "", d["version"]
    handlers = {
        "submit": lambda: services.submit(app, user, version),
        "resubmit": lambda: services.submit(app, user, version),
        "withdraw": lambda: services.withdraw(app, user, note, version),
        "request_supplement": lambda: services.request_supplement(app, user, note, version),
        "accept": lambda: services.accept(app, user, version),
        "refuse_acceptance": lambda: services.refuse_acceptance(app, user, note, version),
        "start_review": lambda: services.start_review(app, user, version),
        "pause_clock": lambda: services.pause_clock(app, user, d["reason"] or "", note),
        "resume_clock": lambda: services.resume_clock(app, user, note),
        "refer_state_council": lambda: services.refer_to_state_council(app, user, note),
        "propose": lambda: services.propose(
            app, user, d["decision"] or "", note, d["factors"], d["conditions"] or "", version
        ),
        "return_to_review": lambda: services.return_to_review(app, user, note, version),
        "approve": lambda: services.decide(app, user, "approve", note, version),
        "deny": lambda: services.decide(app, user, "deny", note, version),
    }
    handler = handlers.get(d["action"])
    if handler is None:
        messages.error(request, _("Unknown step."))
    else:
        try:
            handler()
            messages.success(request, _("Done."))
        except ExportControlError as exc:
            messages.error(request, localised(exc))
    return redirect("licensing:case", app.pk)


@requires("licensing.view_all")
def queue(request: HttpRequest) -> HttpResponse:
    """Open cases, soonest due first (stored due dates), 50 a page; the clock is computed per page."""
    today = configured_today()
    found, rows = open_cases.page(request.user, request.GET.get("page"), today)
    return render(request, "licensing/queue.html", {"rows": rows, "page": found, "today": today})


@requires("licensing.use")
def licence(request: HttpRequest, pk: int) -> HttpResponse:
    item = queries.licences(request.user).filter(pk=pk).first()
    if item is None:
        raise Http404
    if request.method == "POST":
        try:
            services.licence_step(
                item, request.user, request.POST.get("action", ""), request.POST.get("note", "")
            )
            messages.success(request, _("Done."))
        except ExportControlError as exc:
            messages.error(request, localised(exc))
        return redirect("licensing:licence", item.pk)
    steps = [t.name for t in workflow.tables()["licence"].available(item.status, request.user.role)]  # type: ignore[union-attr]
    return render(request, "licensing/licence.html", {"licence": item, "steps": steps})


@requires("licensing.use")
def notifications(request: HttpRequest) -> HttpResponse:
    items = Notification.objects.filter(user=request.user)[:100]
    if request.method == "POST":
        Notification.objects.filter(user=request.user, read=False).update(read=True)
        return redirect("licensing:notifications")
    return render(request, "licensing/notifications.html", {"items": items})
