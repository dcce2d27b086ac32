"""Classification questions: 'is my item dual-use?' (Export Control Law Art. 12 ¶4; Regulations Art. 14 ¶4)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from exportctl.audit import services as audit
from exportctl.licensing.forms import AnswerForm, QuestionForm
from exportctl.licensing.models import ClassificationQuestion
from exportctl.licensing.notify import notify, role_users
from exportctl.web.access import requires


def _visible(user):  # type: ignore[no-untyped-def]
    qs = ClassificationQuestion.objects.select_related("asked_by", "answered_by")
    return qs if user.can("licensing.view_all") else qs.filter(organisation_id=user.organisation_id)


@requires("licensing.use")
def questions(request: HttpRequest) -> HttpResponse:
    form = QuestionForm(request.POST or None)
    if request.method == "POST":
        if not request.user.can("licensing.apply"):  # type: ignore[union-attr]
            raise Http404
        if form.is_valid():
            with transaction.atomic():
                q = form.save(commit=False)
                q.organisation, q.asked_by = request.organisation, request.user  # type: ignore[attr-defined]
                q.save()
                audit.record("licensing.question", q, actor=request.user, data={"item": q.item})
                notify(
                    role_users("case_officer"),
                    gettext_noop("classification question: %(item)s"),
                    f"/licensing/questions/{q.pk}/",
                    item=q.item,
                )
            messages.success(request, _("Your question was sent to the authority."))
            return redirect("licensing:questions")
    return render(
        request, "licensing/questions.html", {"form": form, "items": _visible(request.user)[:100]}
    )


@requires("licensing.use")
def question(request: HttpRequest, pk: int) -> HttpResponse:
    q = _visible(request.user).filter(pk=pk).first()
    if q is None:
        raise Http404
    form = AnswerForm(request.POST or None, instance=q)
    if request.method == "POST":
        if not request.user.can("licensing.work"):  # type: ignore[union-attr]
            raise Http404
        if form.is_valid():
            with transaction.atomic():
                q = form.save(commit=False)
                q.answered_by, q.answered_at = request.user, timezone.now()
                q.save()
                audit.record(
                    "licensing.answer",
                    q,
                    actor=request.user,
                    data={"item": q.item, "control_code": q.control_code},
                )
                notify(
                    list(q.organisation.users.filter(role="exporter")),
                    gettext_noop("answer: %(item)s"),
                    f"/licensing/questions/{q.pk}/",
                    item=q.item,
                )
            return redirect("licensing:question", q.pk)
    return render(request, "licensing/question.html", {"q": q, "form": form})
