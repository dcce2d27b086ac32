"""Combine the findings into one decision: the most restrictive finding wins, the trace keeps all.

Order of evaluation: movement (ECL Arts. 2, 45; REG Art. 48) -> items (ECL Arts. 9, 12; REG
Arts. 12, 14) -> party screening (ECL Art. 18; REG Arts. 26, 28-29; UEL Provisions Art. 10) ->
bans and restrictions (ECL Art. 10; REG Art. 13; the announcements) -> routes (REG Arts. 15,
19, 20) -> review (REG Arts. 16, 17, 24, 26; ECL Art. 13). Outcomes rank no licence <
registration < licence < prohibited; routes only ever close, so adding a restriction never makes
the decision less restrictive, and nothing but the trace depends on the order of items or parties.
"""

from __future__ import annotations

from typing import Any

from exportctl.core.determination.case import Case, InvalidCase, parse_case
from exportctl.core.determination.context import Context, destinations_of
from exportctl.core.determination.knowledge import Knowledge, PartyFinding
from exportctl.core.determination.result import Caveat, Determination, Effect
from exportctl.core.determination.rules_items import apply_items
from exportctl.core.determination.rules_movements import apply_movement
from exportctl.core.determination.rules_parties import apply_party_effects, screen_parties
from exportctl.core.determination.rules_prohibitions import apply_prohibitions
from exportctl.core.determination.rules_review import review
from exportctl.core.determination.rules_routes import apply_routes
from exportctl.core.determination.vocabulary import ROUTES, Outcome, most_restrictive
from exportctl.core.errors import InvalidInput
from exportctl.core.text import Param, english, gettext_noop

_NOT_LISTED = gettext_noop(
    "%(where)s %(code)s is not on the Dual-Use Items Export Control List or in any announcement "
    "we hold (use null for an unlisted item)"
)


def determine(case: Case, knowledge: Knowledge) -> Determination:
    """The determination for a parsed case; InvalidInput for a control code not on the list."""
    for item in case.items:
        code = item.control_code
        if code is not None and not knowledge.is_known_code(code):
            where = f"items[{item.index}].control_code"
            params: dict[str, Param] = {"where": where, "code": repr(code)}
            raise InvalidCase(
                english(_NOT_LISTED, params),
                code="unknown_control_code",
                field=where,
                template=_NOT_LISTED,
                params=params,
            )
    ctx = Context(
        case=case,
        knowledge=knowledge,
        rulebook=knowledge.rulebook,
        measures=knowledge.measures_on(case.date),
        destinations=destinations_of(case),
    )
    _date_warnings(ctx)
    apply_movement(ctx)
    apply_items(ctx)
    uncontrolled = [i.index for i in case.items if not ctx.controlled(i.index)]
    findings = screen_parties(ctx)
    apply_prohibitions(ctx)
    apply_party_effects(ctx, findings, uncontrolled)
    apply_routes(ctx)

    effects = [s.effect for s in ctx.steps if not s.effect.is_empty()]
    outcome, routes = _outcome(ctx, effects)
    decision = review(ctx, outcome, routes, effects)
    return Determination(
        date=case.date,
        outcome=outcome,
        licence_types=tuple(r for r in ROUTES if r in routes),
        policy=decision.policy,
        special_approval_possible=decision.special_approval_possible,
        review_time_limit_working_days=decision.time_limit,
        required_documents=decision.required_documents,
        documents_by_route=decision.documents_by_route,
        conditional_documents=decision.conditional_documents,
        screening_hits=_hits(findings),
        trace=tuple(ctx.steps),
        rules_version=knowledge.rules_version,
        data_as_of=knowledge.data_as_of,
        data_versions=dict(knowledge.data_versions),
        warnings=_unique(ctx.caveats),
    )


def evaluate(data: Any, knowledge: Knowledge) -> dict[str, Any]:
    """Input JSON in, output JSON out: the determination, or {"error": {code, message, field}}."""
    try:
        return determine(parse_case(data), knowledge).to_json()
    except InvalidCase as exc:
        return exc.to_json()
    except InvalidInput as exc:
        return {"error": {"code": exc.code, "message": exc.message}}


def _outcome(ctx: Context, effects: list[Effect]) -> tuple[Outcome, frozenset[str]]:
    """(outcome, open routes). Registration replaces a licence only where every finding allows it."""
    if not ctx.licensing_applies:
        return "no_licence_required", frozenset()
    outcome = most_restrictive([e.outcome for e in effects if e.outcome is not None])
    if outcome in ("no_licence_required", "prohibited"):
        return outcome, frozenset()
    closed = frozenset().union(*(e.closes for e in effects)) if effects else frozenset()
    routes = {"single", "general"}
    if any(e.opens_registration for e in effects):
        routes.add("registration")
    routes -= closed
    if "registration" in routes:
        return "registration", frozenset(routes)
    return outcome, frozenset(routes)


def _date_warnings(ctx: Context) -> None:
    day, as_of = ctx.day, ctx.knowledge.data_as_of
    if day > as_of:
        rule = ctx.rule("dt-after-data")
        ctx.warn(
            "date_after_data",
            f"The date {day} is later than the newest data the system holds ({as_of}): measures, "
            "suspensions, extensions and list changes published after that are unknown. Verify.",
            f"日期{day}晚于本系统所持最新数据日期（{as_of}）；此后发布的措施、暂停、延期和名单变动均未收录，须核实。",
            rule.id,
        )
    before = ctx.rule("dt-before-regulations")
    if before.in_force_on(day) or day < before.valid_from:
        ctx.warn(
            "date_before_regulations",
            f"The date {day} is before the Dual-Use Regulations took effect (2024-12-01): the "
            "predecessor regulations are not in our data and the current rules are applied. Verify.",
            f"日期{day}早于《两用物项出口管制条例》施行日（2024年12月1日）；前身法规未收录，按现行规则判断，须核实。",
            before.id,
        )
    if ctx.case.ignored_fields:
        ctx.warn(
            "ignored_fields",
            f"Fields outside the input interface were ignored: {', '.join(ctx.case.ignored_fields)}.",
            f"以下字段不属于输入接口，已忽略：{', '.join(ctx.case.ignored_fields)}。",
        )


def _hits(findings: list[PartyFinding]) -> tuple[dict[str, Any], ...]:
    """The screening hits in a stable order (never the order of the parties)."""
    if not findings:
        return ()
    return tuple(sorted((f.to_json() for f in findings), key=_hit_order))


def _hit_order(hit: dict[str, Any]) -> tuple[str, str, str, str]:
    return (hit["query_name"], hit["list_code"], hit["entity_key"], hit["announcement"] or "")


def _unique(caveats: list[Caveat]) -> tuple[Caveat, ...]:
    seen: dict[tuple[str, str], Caveat] = {}
    for caveat in caveats:
        seen.setdefault((caveat.code, caveat.message_en), caveat)
    return tuple(sorted(seen.values(), key=lambda c: (c.code, c.message_en)))
