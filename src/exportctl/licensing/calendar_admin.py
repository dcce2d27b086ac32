"""The administrator's calendar page: years held, and a new year's arrangement uploaded."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from exportctl.audit import services as audit
from exportctl.calendar_store import import_year_text, imported_dir
from exportctl.core.errors import ExportControlError
from exportctl.licensing.clock import calendar
from exportctl.web.access import requires
from exportctl.web.localise import localised

MAX_SIZE = 256 * 1024


@requires("calendar.admin")
def calendar_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None or upload.size > MAX_SIZE:
            messages.error(request, _("Choose a calendar file (YAML, at most 256 KB)."))
        else:
            try:
                done = import_year_text(upload.read().decode("utf-8"), upload.name)
            except UnicodeDecodeError:
                messages.error(request, _("The file is not UTF-8 text."))
            except ExportControlError as exc:
                messages.error(request, localised(exc))
            else:
                audit.record(
                    "calendar.import",
                    None,
                    actor=request.user,
                    data={
                        "year": done.arrangement.year,
                        "file": upload.name,
                        "holidays": len(done.arrangement.holidays),
                        "working_days": len(done.arrangement.working_days),
                        "replaces": done.replaces,
                    },
                )
                messages.success(request, _("Imported %(year)s.") % {"year": done.arrangement.year})
            return redirect("licensing:calendar")
    cal = calendar()
    imported = {p.stem for p in imported_dir().glob("*.yaml")} if imported_dir().exists() else set()
    years = [(cal.arrangement(y), str(y) in imported) for y in sorted(cal.years, reverse=True)]
    return render(request, "licensing/calendar.html", {"years": years})
