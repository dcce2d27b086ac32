"""Use cases: screen a party, review a hit (four eyes), re-screen after a list import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from exportctl.audit import services as audit
from exportctl.core.errors import ExportControlError, IllegalTransition, InvalidInput
from exportctl.core.screening.score import DEFAULT_THRESHOLD
from exportctl.core.screening.screen import Hit as EngineHit
from exportctl.core.screening.screen import Query, screen
from exportctl.core.text import Code
from exportctl.parties.models import Entity, ImportRun
from exportctl.screening.index_cache import LoadedIndex, current_index, index_for
from exportctl.screening.models import Decision, Hit, Rescreen, Subject

SCHEMAS = {
    "": None,
    "person": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "company": "Company",
    "legalentity": "LegalEntity",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
}


def parse_schema(value: str | None) -> str | None:
    key = (value or "").strip().lower().replace("_", "")
    if key not in SCHEMAS:
        raise InvalidInput.of(
            gettext_noop(
                "unknown party type '%(value)s': person, organization, company, vessel or aircraft"
            ),
            value=str(value),
        )
    return SCHEMAS[key]


def make_query(
    name: str, schema: str | None = None, country: str | None = None, birth_date: str | None = None
) -> Query:
    name = (name or "").strip()
    if not name:
        raise InvalidInput.of(gettext_noop("a name is required"))
    if len(name) > 500:
        raise InvalidInput.of(gettext_noop("a name has at most 500 characters"))
    country = (country or "").strip().upper() or None
    if country and (len(country) != 2 or not country.isalpha()):
        raise InvalidInput.of(
            gettext_noop("country '%(country)s' is not an ISO 3166-1 alpha-2 code"),
            country=country,
        )
    return Query(
        name=name,
        schema=parse_schema(schema),
        country=country,
        birth_date=(birth_date or "").strip() or None,
    )


def run_query(
    query: Query,
    loaded: LoadedIndex | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
) -> list[EngineHit]:
    """Screen without saving anything (the CLI's `screen name`, batch files)."""
    loaded = loaded or current_index()
    return screen(loaded.index, query, threshold=threshold, limit=limit)


def _explanation_json(hit: EngineHit) -> dict[str, Any]:
    ex = hit.explanation
    to_json = getattr(ex, "to_json", None)
    return to_json() if callable(to_json) else {"text_en": ex.text_en(), "text_zh": ex.text_zh()}


def _record_hits(
    subject: Subject, found: list[EngineHit], loaded: LoadedIndex, rescreen: Rescreen | None
) -> list[Hit]:
    """Create hits for new matches; a false positive stays suppressed while the list entry is unchanged."""
    created = []
    hashes = dict(
        Entity.objects.filter(
            pk__in=[loaded.entity_ids[(h.source, h.entity_key)] for h in found]
        ).values_list("id", "content_hash")
    )
    for h in found:
        entity_id = loaded.entity_ids[(h.source, h.entity_key)]
        previous = subject.hits.filter(entity_id=entity_id).order_by("-found_at").first()
        if previous is not None and previous.entity_hash == hashes[entity_id]:
            continue  # already known: open, decided, or suppressed as a false positive
        created.append(
            Hit.objects.create(
                subject=subject,
                entity_id=entity_id,
                entity_hash=hashes[entity_id],
                score=h.score,
                matched_name=h.matched_name[:500],
                list_codes=sorted({d.list_code for d in h.designations}),
                explanation_en=h.text_en,
                explanation_zh=h.text_zh,
                explanation=_explanation_json(h),
                found_by_rescreen=rescreen,
            )
        )
    return created


@dataclass
class ScreeningOutcome:
    subject: Subject
    hits: list[Hit]  # every current hit of the subject (new and earlier)
    new_hits: list[Hit]


def screen_party(
    organisation: Any,
    actor: Any,
    name: str,
    *,
    schema: str | None = None,
    country: str | None = None,
    birth_date: str | None = None,
    context: str = "manual",
    reference: str = "",
) -> ScreeningOutcome:
    """Screen one party for an organisation and keep the result for review and re-screening."""
    query = make_query(name, schema, country, birth_date)
    loaded = current_index()
    found = run_query(query, loaded)
    with transaction.atomic():
        subject = Subject.objects.filter(
            organisation=organisation,
            name=query.name,
            schema=query.schema or "",
            country=query.country or "",
            birth_date=query.birth_date or "",
        ).first()
        if subject is None:
            subject = Subject(
                organisation=organisation,
                name=query.name,
                schema=query.schema or "",
                country=query.country or "",
                birth_date=query.birth_date or "",
                created_by=actor if getattr(actor, "pk", None) else None,
            )
        subject.context, subject.reference = context, reference[:200]
        subject.last_screened_at, subject.list_version = timezone.now(), loaded.version
        subject.save()
        new = _record_hits(subject, found, loaded, None)
        audit.record(
            "screening.screen",
            subject,
            actor=actor,
            data={
                "name": query.name,
                "country": query.country,
                "context": context,
                "list_version": loaded.version,
                "hits": [{"entity": h.entity_key, "score": h.score} for h in found],
                "new_hits": len(new),
            },
        )
    return ScreeningOutcome(subject, list(subject.hits.select_related("entity")), new)


# ---- review of hits: open -> false_positive | true_match_proposed -> true_match (other person) | open


def decide(hit: Hit, actor: Any, action: str, reason: str = "") -> Hit:
    """Record one review step; a true match needs a second person to confirm it."""
    reason = reason.strip()
    with transaction.atomic():
        hit = Hit.objects.select_for_update().get(pk=hit.pk)
        status = hit.status
        if action == "false_positive":
            if status not in (Hit.Status.OPEN, Hit.Status.PROPOSED):
                raise IllegalTransition.of(
                    gettext_noop("a hit that is %(status)s cannot be marked a false positive"),
                    status=Code(status),
                )
            if not reason:
                raise InvalidInput.of(gettext_noop("say why this is a false positive"))
            new_status = Hit.Status.FALSE_POSITIVE
        elif action == "propose_true_match":
            if status != Hit.Status.OPEN:
                raise IllegalTransition.of(
                    gettext_noop(
                        "only an open hit can be proposed as a true match (this one is %(status)s)"
                    ),
                    status=Code(status),
                )
            new_status = Hit.Status.PROPOSED
        elif action in ("confirm_true_match", "reject_proposal"):
            if status != Hit.Status.PROPOSED:
                raise IllegalTransition.of(
                    gettext_noop("there is no true-match proposal to confirm or reject")
                )
            proposer = hit.decisions.filter(action="propose_true_match").order_by("-at").first()
            if proposer is not None and proposer.by_id == actor.pk:
                raise IllegalTransition.of(
                    gettext_noop(
                        "four eyes: the person who proposed a true match cannot confirm or reject it"
                    )
                )
            if action == "reject_proposal" and not reason:
                raise InvalidInput.of(gettext_noop("say why the proposal is rejected"))
            new_status = (
                Hit.Status.TRUE_MATCH if action == "confirm_true_match" else Hit.Status.OPEN
            )
        elif action == "reopen":
            if status != Hit.Status.FALSE_POSITIVE:
                raise IllegalTransition.of(gettext_noop("only a false positive can be reopened"))
            new_status = Hit.Status.OPEN
        else:
            raise InvalidInput.of(gettext_noop("unknown action '%(action)s'"), action=action)
        Decision.objects.create(hit=hit, action=action, reason=reason, by=actor)
        hit.status = new_status
        hit.save(update_fields=["status"])
        audit.record(
            f"screening.{action}",
            hit,
            actor=actor,
            data={
                "subject": hit.subject.name,
                "entity": hit.entity_id,
                "from": status,
                "to": new_status,
                "reason": reason,
            },
        )
    return hit


# ---- re-screening after a list import


def rescreen_after_import(run: ImportRun, actor: Any = None) -> Rescreen | None:
    """Screen every screened party against the entities an import added or changed."""
    keys = [*run.diff.get("added", []), *run.diff.get("changed", [])] if run.diff else []
    if run.status != ImportRun.Status.APPLIED or not keys or not Subject.objects.exists():
        return None
    entities = list(Entity.objects.filter(source=run.source, key__in=keys, removed_at__isnull=True))
    loaded = index_for(entities)
    with transaction.atomic():
        rescreen = Rescreen.objects.create(import_run=run, entities_checked=len(entities))
        subjects = list(Subject.objects.all())
        new_hits = 0
        for subject in subjects:
            query = Query(
                subject.name,
                subject.schema or None,
                subject.country or None,
                subject.birth_date or None,
            )
            new_hits += len(_record_hits(subject, run_query(query, loaded), loaded, rescreen))
        rescreen.subjects_checked, rescreen.new_hits = len(subjects), new_hits
        rescreen.save()
        audit.record(
            "screening.rescreen",
            rescreen,
            actor=actor,
            data={
                "import_run": run.pk,
                "source": run.source,
                "entities": len(entities),
                "subjects": len(subjects),
                "new_hits": new_hits,
            },
        )
    return rescreen


def safe_rescreen(run: ImportRun, actor: Any = None) -> tuple[Rescreen | None, str | None]:
    """Re-screen; a failure is reported, not raised (the import itself already committed)."""
    try:
        return rescreen_after_import(run, actor), None
    except ExportControlError as exc:
        return None, exc.message
