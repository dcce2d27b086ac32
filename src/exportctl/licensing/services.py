"""Use cases of the licensing workflow: one function per step, each under a row lock, audited."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_noop

from exportctl.audit import services as audit
from exportctl.core import workflow
from exportctl.core.calendar import deemed_acceptance
from exportctl.core.errors import IllegalTransition, InvalidInput
from exportctl.core.text import Code, Param, Phrase
from exportctl.licensing import checks, notify
from exportctl.licensing.clock import CHECK_RULE, calendar, configured_today, rule
from exportctl.licensing.models import Application, ClockPause, Event, Licence, Proposal

LAW13_FACTORS = {
    "national_security": "Export Control Law Art. 13(1): national security and interests",
    "international_obligations": "Art. 13(2): international obligations and commitments",
    "export_type": "Art. 13(3): type of export",
    "sensitivity": "Art. 13(4): sensitivity of the items",
    "destination": "Art. 13(5): destination country or region",
    "end_user_use": "Art. 13(6): end user and end use",
    "credit_record": "Art. 13(7): the exporter's credit record",
    "other": "Art. 13(8): other factors set by law",
}


def _role(actor: Any) -> str:
    return str(actor.role)


def _url(app: Application) -> str:
    return reverse("licensing:case", args=[app.pk])


def _lock(app: Application, expected_version: int | None) -> Application:
    locked = Application.objects.select_for_update().get(pk=app.pk)
    if expected_version is not None and locked.version != expected_version:
        raise IllegalTransition.of(
            gettext_noop(
                "the case changed since you opened it (someone else acted on it): reload and try again"
            )
        )
    return locked


OPEN_STATES = {"accepted", "under_review", "proposed"}


def refresh_due(app: Application, today: date) -> None:
    """Store the current due date and pause state (what the queue sorts on)."""
    from exportctl.licensing.clock import clock

    c = clock(app, today)
    app.due_on = c.deadline.due if c.deadline and app.status in OPEN_STATES else None
    app.clock_paused = c.paused


def _apply(
    app: Application,
    actor: Any,
    name: str,
    *,
    note: str = "",
    data: dict[str, Any] | None = None,
    earlier_actor: int | None = None,
    today: date | None = None,
) -> workflow.Transition:
    if _role(actor) == "exporter" and actor.organisation_id != app.organisation_id:
        raise IllegalTransition.of(
            gettext_noop("an exporter can act only on its own organisation's cases")
        )
    step = workflow.check(
        workflow.tables()["application"],
        name,
        app.status,
        _role(actor),
        earlier_actor=earlier_actor,
        actor=actor.pk,
    )
    before = app.status
    app.status = step.target
    app.version += 1
    on = today or configured_today()
    refresh_due(app, on)
    app.save()
    Event.objects.create(
        application=app,
        action=name,
        from_status=before,
        to_status=app.status,
        actor=actor,
        on=on,
        note=note,
        data=data or {},
    )
    audit.record(
        f"licensing.{name}",
        app,
        actor=actor,
        data={
            "reference": app.reference,
            "from": before,
            "to": app.status,
            "note": note,
            "citation": step.citation,
            **(data or {}),
        },
    )
    return step


def _require(condition: bool, template: str, **params: Param) -> None:
    """Refuse with InvalidInput unless `condition`; `template` is a marked msgid."""
    if not condition:
        raise InvalidInput.of(template, **params)


def completeness_problems(app: Application) -> list[Phrase]:
    """What Regulations Art. 16 / 24 require and the draft lacks (shape, not merits)."""
    problems = []
    items, parties = list(app.items.all()), list(app.parties.all())
    if app.kind != Application.Kind.AMENDMENT:
        if not items:
            problems.append(
                Phrase(gettext_noop("at least one item (Art. 16: items, quantities, values)"))
            )
        if not any(p.role == "end_user" for p in parties):
            problems.append(Phrase(gettext_noop("the end user (Art. 16, Art. 24)")))
        if not app.contract_number and app.kind != Application.Kind.REGISTRATION:
            problems.append(Phrase(gettext_noop("the contract number (Art. 16)")))
        if not (app.end_use_statement_zh or app.end_use_statement_en):
            problems.append(Phrase(gettext_noop("the end-use statement (Art. 24)")))
        if not app.legal_representative or not app.handler:
            problems.append(
                Phrase(
                    gettext_noop(
                        "the legal representative and the handler (Art. 16: their identity documents)"
                    )
                )
            )
    if app.kind in (Application.Kind.SINGLE, Application.Kind.GENERAL):
        cert = getattr(app, "certificate", None)
        if cert is None:
            problems.append(Phrase(gettext_noop("the end-user and end-use certificate (Art. 24)")))
        elif not (cert.no_retransfer and cert.no_change_of_use):
            problems.append(
                Phrase(
                    gettext_noop(
                        "the certificate's commitments: no change of end use, no transfer to a third party (Export Control Law Art. 16; Regulations Art. 24)"
                    )
                )
            )
    if app.kind == Application.Kind.GENERAL and not (
        app.icp_summary and app.licence_history and app.channels_and_end_users
    ):
        problems.append(
            Phrase(
                gettext_noop(
                    "for a general licence: the ICP operation report, the licence use history and the channels and end users (Art. 16 ¶2)"
                )
            )
        )
    if app.kind == Application.Kind.REGISTRATION and not app.registration_case:
        problems.append(Phrase(gettext_noop("the Art. 19 case the registration rests on")))
    if app.kind == Application.Kind.AMENDMENT and (app.amends is None or not app.amendment_note):
        problems.append(Phrase(gettext_noop("the licence to amend and what changes (Art. 18 ¶3)")))
    return problems


# ---- exporter steps


def submit(app: Application, actor: Any, expected_version: int | None = None) -> Application:
    """Submit (or resubmit after a supplement request): completeness, determination, screening."""
    with transaction.atomic():
        app = _lock(app, expected_version)
        problems = completeness_problems(app)
        _require(
            not problems,
            gettext_noop("the application is incomplete: %(missing)s"),
            missing=tuple(problems),
        )
        name = "resubmit" if app.status == Application.Status.SUPPLEMENT_REQUESTED else "submit"
        today = configured_today()
        result = checks.run(app, actor, today)
        app.determination = result
        if app.submitted_on is None:
            app.submitted_on = today
        _apply(
            app,
            actor,
            name,
            data={
                "outcome": result.get("outcome"),
                "screening_hits": len(result.get("screening_hits", [])),
            },
            today=today,
        )
        notify.notify(
            notify.role_users("case_officer"),
            gettext_noop("%(reference)s: resubmitted, completeness check due")
            if name == "resubmit"
            else gettext_noop("%(reference)s: submitted, completeness check due"),
            _url(app),
            reference=app.reference,
        )
    return app


def withdraw(
    app: Application, actor: Any, note: str = "", expected_version: int | None = None
) -> Application:
    with transaction.atomic():
        app = _lock(app, expected_version)
        _apply(app, actor, "withdraw", note=note)
    return app


# ---- authority steps


def request_supplement(
    app: Application, actor: Any, note: str, expected_version: int | None = None
) -> Application:
    _require(
        bool(note.strip()),
        gettext_noop("say which materials are missing (one notice listing all of them)"),
    )
    with transaction.atomic():
        app = _lock(app, expected_version)
        _apply(app, actor, "request_supplement", note=note)
        notify.notify(
            notify.organisation_users(app.organisation_id),
            gettext_noop("%(reference)s: supplement requested"),
            _url(app),
            reference=app.reference,
        )
    return app


def accept(app: Application, actor: Any, expected_version: int | None = None) -> Application:
    """Accept; if the completeness check ran out without a supplement request, acceptance dates from receipt."""
    with transaction.atomic():
        app = _lock(app, expected_version)
        today = configured_today()
        asked = app.events.filter(action="request_supplement").order_by("on").first()
        deemed = deemed_acceptance(
            calendar(),
            rule(CHECK_RULE),
            app.submitted_on or today,
            today=today,
            supplement_requested_on=asked.on if asked else None,
        )
        app.accepted_on = deemed.accepted_on or today
        app.case_officer = actor
        limit = app.determination.get("review_time_limit_working_days") if app.determination else 45
        app.time_limit_days = 20 if app.kind == Application.Kind.AMENDMENT else limit
        _apply(
            app,
            actor,
            "accept",
            data={
                "accepted_on": app.accepted_on.isoformat(),
                "basis": deemed.reason,
                "time_limit_working_days": app.time_limit_days,
            },
            today=today,
        )
        notify.notify(
            notify.organisation_users(app.organisation_id),
            gettext_noop("%(reference)s: accepted"),
            _url(app),
            reference=app.reference,
        )
    return app


def refuse_acceptance(
    app: Application, actor: Any, note: str, expected_version: int | None = None
) -> Application:
    _require(bool(note.strip()), gettext_noop("give the reason the application is not accepted"))
    with transaction.atomic():
        app = _lock(app, expected_version)
        _apply(app, actor, "refuse_acceptance", note=note)
        notify.notify(
            notify.organisation_users(app.organisation_id),
            gettext_noop("%(reference)s: not accepted"),
            _url(app),
            reference=app.reference,
        )
    return app


def start_review(app: Application, actor: Any, expected_version: int | None = None) -> Application:
    with transaction.atomic():
        app = _lock(app, expected_version)
        _apply(app, actor, "start_review")
        notify.notify(
            notify.role_users("reviewer"),
            gettext_noop("%(reference)s: under review"),
            _url(app),
            reference=app.reference,
        )
    return app


def _record_step(
    app: Application,
    actor: Any,
    action: str,
    today: date,
    note: str,
    data: dict[str, Any],
    *,
    extra_fields: tuple[str, ...] = (),
) -> None:
    """A step inside a status (pause, resume, referral): timeline event, stored clock, audit."""
    app.version += 1
    refresh_due(app, today)
    app.save(update_fields=["version", "due_on", "clock_paused", *extra_fields])
    Event.objects.create(
        application=app,
        action=action,
        from_status=app.status,
        to_status=app.status,
        actor=actor,
        on=today,
        note=note,
        data=data,
    )
    audit.record(
        f"licensing.{action}",
        app,
        actor=actor,
        data={"reference": app.reference, "note": note, **data},
    )


def pause_clock(app: Application, actor: Any, reason: str, note: str = "") -> ClockPause:
    """Expert consultation, identification or on-site verification: the clock stops (Art. 17 ¶3)."""
    _require(
        reason in ClockPause.Reason.values,
        gettext_noop("the clock stops only for %(reasons)s (Art. 17 ¶3)"),
        reasons=tuple(ClockPause.Reason.values),
    )
    _require(
        _role(actor) in ("case_officer", "reviewer"),
        gettext_noop("only a case officer or reviewer routes a case to experts or checks"),
    )
    with transaction.atomic():
        app = _lock(app, None)
        if app.status != Application.Status.UNDER_REVIEW:
            raise IllegalTransition.of(
                gettext_noop(
                    "the clock can be paused only while the case is under review; it is %(state)s"
                ),
                state=Code(app.status),
            )
        if app.kind == Application.Kind.AMENDMENT:
            raise IllegalTransition.of(
                gettext_noop(
                    "the 20 working days for an amendment (Art. 18 ¶3) do not stop: Art. 17 ¶3 pauses apply to licence decisions"
                )
            )
        if app.pauses.filter(ended_on__isnull=True).exists():
            raise IllegalTransition.of(
                gettext_noop("the clock is already paused: end the current step first")
            )
        today = configured_today()
        pause = ClockPause.objects.create(
            application=app, reason=reason, started_on=today, note=note
        )
        _record_step(
            app,
            actor,
            "pause_clock",
            today,
            note,
            {"reason": reason, "citation": "Dual-Use Regulations Art. 17 ¶3"},
        )
    return pause


def resume_clock(app: Application, actor: Any, note: str = "") -> ClockPause:
    _require(
        _role(actor) in ("case_officer", "reviewer"),
        gettext_noop(
            "only a case officer or reviewer ends an expert, identification or on-site step"
        ),
    )
    with transaction.atomic():
        app = _lock(app, None)
        pause = app.pauses.filter(ended_on__isnull=True).first()
        if pause is None:
            raise IllegalTransition.of(gettext_noop("the clock is not paused"))
        today = configured_today()
        pause.ended_on = max(today, pause.started_on)
        pause.save(update_fields=["ended_on"])
        _record_step(app, actor, "resume_clock", today, note, {"reason": pause.reason})
    return pause


def refer_to_state_council(app: Application, actor: Any, note: str) -> Application:
    """A case of major impact goes to the State Council: no time limit (Art. 17 ¶2)."""
    _require(
        _role(actor) in ("case_officer", "approver"),
        gettext_noop("a case officer or approver refers a case"),
    )
    _require(bool(note.strip()), gettext_noop("say why the case has major impact"))
    with transaction.atomic():
        app = _lock(app, None)
        if app.status not in (Application.Status.UNDER_REVIEW, Application.Status.ACCEPTED):
            raise IllegalTransition.of(
                gettext_noop("only an accepted case under review can be referred; it is %(state)s"),
                state=Code(app.status),
            )
        app.referred_to_state_council = True
        _record_step(
            app,
            actor,
            "refer_state_council",
            configured_today(),
            note,
            {"citation": "Dual-Use Regulations Art. 17 ¶2"},
            extra_fields=("referred_to_state_council",),
        )
    return app


def propose(
    app: Application,
    actor: Any,
    decision: str,
    reasons: str,
    factors: list[str],
    conditions: str = "",
    expected_version: int | None = None,
) -> Proposal:
    _require(decision in Proposal.Decision.values, gettext_noop("propose approve or deny"))
    _require(bool(reasons.strip()), gettext_noop("give the reasons for the proposal"))
    unknown = [f for f in factors if f not in LAW13_FACTORS]
    _require(
        not unknown, gettext_noop("unknown Art. 13 factor(s): %(factors)s"), factors=tuple(unknown)
    )
    _require(
        decision == "approve" or bool(factors),
        gettext_noop("a denial names the Export Control Law Art. 13 factors it rests on"),
    )
    with transaction.atomic():
        app = _lock(app, expected_version)
        if app.pauses.filter(ended_on__isnull=True).exists():
            raise IllegalTransition.of(
                gettext_noop(
                    "the clock is paused for an expert, identification or on-site step: end it before proposing"
                )
            )
        _apply(app, actor, "propose", note=reasons, data={"decision": decision, "factors": factors})
        proposal = Proposal.objects.create(
            application=app,
            decision=decision,
            reasons=reasons,
            factors=factors,
            conditions=conditions,
            reviewer=actor,
        )
        notify.notify(
            notify.role_users("approver"),
            gettext_noop("%(reference)s: decision proposed (%(decision)s)"),
            _url(app),
            reference=app.reference,
            decision=Code(decision),
        )
    return proposal


def return_to_review(
    app: Application, actor: Any, note: str, expected_version: int | None = None
) -> Application:
    _require(bool(note.strip()), gettext_noop("say why the proposal goes back"))
    with transaction.atomic():
        app = _lock(app, expected_version)
        _apply(app, actor, "return_to_review", note=note)
        notify.notify(
            notify.role_users("reviewer"),
            gettext_noop("%(reference)s: proposal returned"),
            _url(app),
            reference=app.reference,
        )
    return app


def decide(
    app: Application, actor: Any, name: str, note: str = "", expected_version: int | None = None
) -> Application:
    """Approve (issue the licence) or deny; the approver is never the reviewer who proposed."""
    _require(name in ("approve", "deny"), gettext_noop("decide approve or deny"))
    with transaction.atomic():
        app = _lock(app, expected_version)
        proposal = app.proposals.order_by("-at").first()
        if proposal is None:
            raise IllegalTransition.of(gettext_noop("there is no proposal to decide on"))
        today = configured_today()
        app.decided_on = today
        _apply(
            app,
            actor,
            name,
            note=note
            or (
                proposal.reasons if name == "deny" else ""
            ),  # refusals are reasoned in writing (Art. 17); approval notes stay internal
            earlier_actor=proposal.reviewer_id,
            data={"proposal": proposal.pk},
            today=today,
        )
        if name == "approve":
            licence = _issue(app, proposal, today)
            audit.record(
                "licensing.licence_issued",
                licence,
                actor=actor,
                data={"number": licence.number, "valid_until": licence.valid_until.isoformat()},
            )
        notify.notify(
            notify.organisation_users(app.organisation_id),
            gettext_noop("%(reference)s: approved")
            if name == "approve"
            else gettext_noop("%(reference)s: denied"),
            _url(app),
            reference=app.reference,
        )
    return app


# ---- licences


VALIDITY_DAYS = {
    "single": 365,
    "general": 3 * 365,
    "registration": 365,
}  # Art. 15: <= 1 year / <= 3 years


def _issue(app: Application, proposal: Proposal, today: date) -> Licence:
    kind = app.kind
    replaces = None
    if kind == Application.Kind.AMENDMENT:
        replaces = Licence.objects.select_for_update().get(pk=app.amends_id)
        step = workflow.check(workflow.tables()["licence"], "replace", replaces.status, "system")
        replaces.status = step.target
        replaces.save(update_fields=["status"])
        kind, valid_until = (
            replaces.kind,
            replaces.valid_until,
        )  # an amendment does not extend validity
    else:
        valid_until = today + timedelta(days=VALIDITY_DAYS[kind])
    end_user = app.parties.filter(role="end_user").first()
    lines = [
        {
            "control_code": i.control_code,
            "description": i.description,
            "hs_code": i.hs_code,
            "quantity": str(i.quantity),
            "unit": i.unit,
            "value_cny": str(i.value_cny),
        }
        for i in app.items.all()
    ] or (replaces.lines if replaces else [])
    licence = Licence.objects.create(
        application=app,
        organisation=app.organisation,
        number=f"tmp-{app.pk}",
        kind=kind,
        issued_on=today,
        valid_until=valid_until,
        destination=app.destination,
        end_user=end_user.name if end_user else (replaces.end_user if replaces else ""),
        conditions=proposal.conditions,
        lines=lines,
        replaces=replaces,
    )
    # YY-CC-NNNNNN as on export licences (2008 face-content norms [S]); CC 00 = the central authority.
    licence.number = f"{today:%y}-00-{licence.pk:06d}"
    licence.save(update_fields=["number"])
    return licence


def licence_step(licence: Licence, actor: Any, name: str, note: str = "") -> Licence:
    """Suspend, restore, revoke, withdraw or return a licence (Art. 18 ¶2, ¶4)."""
    with transaction.atomic():
        licence = Licence.objects.select_for_update().get(pk=licence.pk)
        if _role(actor) == "exporter" and actor.organisation_id != licence.organisation_id:
            raise IllegalTransition.of(
                gettext_noop("an exporter can act only on its own organisation's licences")
            )
        if name in ("suspend", "revoke", "withdraw_licence"):
            _require(
                bool(note.strip()),
                gettext_noop("give the reason (the Art. 13 factor that changed)"),
            )
        step = workflow.check(workflow.tables()["licence"], name, licence.status, _role(actor))
        before, licence.status = licence.status, step.target
        licence.save(update_fields=["status"])
        audit.record(
            f"licensing.licence_{name}",
            licence,
            actor=actor,
            data={
                "number": licence.number,
                "from": before,
                "to": licence.status,
                "note": note,
                "citation": step.citation,
            },
        )
        notify.notify(
            notify.organisation_users(licence.organisation_id),
            gettext_noop("licence %(number)s: %(state)s"),
            reverse("licensing:licence", args=[licence.pk]),
            number=licence.number,
            state=Code(licence.status),
        )
    return licence


def create_application(
    organisation: Any, actor: Any, kind: str, destination: str, **fields: Any
) -> Application:
    if kind not in Application.Kind.values:
        raise InvalidInput.of(gettext_noop("unknown application kind '%(kind)s'"), kind=kind)
    destination = (destination or "").strip().upper()
    from exportctl.catalogue.models import Country

    if not Country.objects.filter(iso2=destination).exists():
        raise InvalidInput.of(
            gettext_noop("unknown destination '%(destination)s' (ISO 3166-1 alpha-2)"),
            destination=destination,
        )
    with transaction.atomic():
        app = Application.objects.create(
            organisation=organisation,
            reference=f"tmp-{uuid.uuid4().hex[:20]}",
            kind=kind,
            destination=destination,
            created_by=actor,
            **fields,
        )
        # Numbered from the primary key: unique without a race between two creations.
        app.reference = f"EC{configured_today():%Y}-{app.pk:06d}"
        app.save(update_fields=["reference"])
        audit.record(
            "licensing.create", app, actor=actor, data={"reference": app.reference, "kind": kind}
        )
    return app
