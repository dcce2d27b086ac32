"""Review: the statutory time limit, the review policy, the documents and special approval.

Sources: Dual-Use Regulations Art. 15 (validity of the routes, from deadlines.yaml), Art. 16
(documents for single and general licences), Art. 17 (45 working days from acceptance; no limit
for State Council referrals; identification, expert consultation and on-site checks not
counted), Art. 24 (end-use certificates, possibly government-authenticated), Art. 26 ¶2 (watch
list: risk report, commitment, no limit), Art. 29 ¶2 and ECL Art. 18 ¶3 (special application);
ECL Art. 13 (case-by-case review) and the announcements that say "in principle not licensed".
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from exportctl.core.determination.context import Context
from exportctl.core.determination.result import Effect
from exportctl.core.determination.rulebook import Rulebook
from exportctl.core.determination.vocabulary import ROUTES, Outcome, Policy


class Review(NamedTuple):
    """What the review part adds to the decision (a NamedTuple: made once per determination)."""

    policy: Policy | None
    special_approval_possible: bool
    time_limit: int | None
    required_documents: tuple[str, ...]
    documents_by_route: dict[str, tuple[str, ...]]
    conditional_documents: tuple[str, ...]


def review(ctx: Context, outcome: Outcome, routes: frozenset[str], effects: list[Effect]) -> Review:
    if outcome == "prohibited":
        bans = [e for e in effects if e.outcome == "prohibited"]
        special = all(e.special_approval_possible is True for e in bans)
        special_docs = (
            tuple(dict.fromkeys(d for e in bans for d in e.special_documents)) if special else ()
        )
        return Review(
            None,
            special,
            None,
            (),
            {"special_application": special_docs} if special_docs else {},
            (),
        )
    if outcome == "no_licence_required":
        return Review(None, False, None, (), {}, ())
    by_route = _documents(ctx, routes, effects)
    for route in (r for r in ROUTES if r in routes):
        _route_step(ctx, route, by_route[route])
    conditional = _route_documents(ctx.rulebook, ctx.day, "on_request", frozenset())
    if outcome == "registration":
        return Review(None, False, None, by_route["registration"], by_route, ())
    policy: Policy = (
        "presumption_of_denial"
        if any(e.policy == "presumption_of_denial" for e in effects)
        else "case_by_case"
    )
    _policy_step(ctx, policy)
    return Review(
        policy, False, _time_limit(ctx, effects), by_route["single"], by_route, conditional
    )


def _documents(
    ctx: Context, routes: frozenset[str], effects: list[Effect]
) -> dict[str, tuple[str, ...]]:
    extra = frozenset(d for e in effects for d in e.documents)
    return {r: _route_documents(ctx.rulebook, ctx.day, r, extra) for r in ROUTES if r in routes}


# (id(rulebook), day, route, extra documents) -> (rulebook, codes): the lists depend only on these.
_DOCS: dict[tuple[int, date, str, frozenset[str]], tuple[Rulebook, tuple[str, ...]]] = {}


def _route_documents(
    rulebook: Rulebook, day: date, route: str, extra: frozenset[str]
) -> tuple[str, ...]:
    key = (id(rulebook), day, route, extra)
    found = _DOCS.get(key)
    if found is None or found[0] is not rulebook:
        codes = tuple(
            d.code or ""
            for d in rulebook.of_kind("document")
            if (route in d.routes or (route == "on_request" and d.condition == "on_request"))
            and d.in_force_on(day)
            and (
                d.condition == "always"
                or (d.condition == "finding" and d.code in extra)
                or (route == "on_request" and d.condition == "on_request")
            )
        )
        if len(_DOCS) > 50_000:
            _DOCS.clear()
        found = _DOCS[key] = (rulebook, codes)
    return found[1]


def _route_step(ctx: Context, route: str, documents: tuple[str, ...]) -> None:
    entry = ctx.rulebook.for_subject("licence_type", route)
    deadline = ctx.knowledge.deadline(entry.deadline) if entry.deadline else None
    validity = (
        f"{deadline.quantity} {deadline.unit.rstrip('s') if deadline.quantity == 1 else deadline.unit}"
        if deadline is not None
        else None
    )
    ctx.step(
        entry.id,
        "route",
        {"route": route, "validity_max": validity, "documents": list(documents)},
        "open",
        f"{entry.description_en} Documents: {', '.join(documents)}.",
        f"{entry.description_zh}所需材料：{'、'.join(documents)}。",
        relevant=False,
    )


def _policy_step(ctx: Context, policy: Policy) -> None:
    if policy == "presumption_of_denial":
        ctx.step(
            "dt-policy-case-by-case",
            "review",
            {"policy": policy},
            policy,
            "An announcement says applications of this kind are in principle not licensed "
            "(原则上不予许可): expect a refusal unless MOFCOM finds otherwise.",
            "有关公告规定此类申请原则上不予许可。",
        )
    else:
        ctx.step(
            "dt-policy-case-by-case",
            "review",
            {"policy": policy},
            policy,
            "MOFCOM reviews the application case by case on the Art. 13 factors.",
            "商务部依据出口管制法第十三条所列因素逐案审查。",
        )


def _time_limit(ctx: Context, effects: list[Effect]) -> int | None:
    rule = ctx.rule("dt-review-time-limit")
    deadline = ctx.knowledge.deadline(rule.deadline or "")
    if any(e.no_time_limit for e in effects):
        ctx.step(
            rule.id,
            "review",
            {"watch_list": True},
            "no_time_limit",
            "A party is on the watch list: the review is not bound by the 45 working days (REG Art. 26 ¶2).",
            "涉及关注名单主体，许可审查期限不受四十五个工作日限制（条例第二十六条第二款）。",
        )
        return None
    if (
        deadline is None
        or deadline.status_on(ctx.day) != "in_force"
        or not rule.in_force_on(ctx.day)
    ):
        ctx.step(
            rule.id,
            "review",
            {"date": ctx.day.isoformat()},
            "not_in_force",
            f"No statutory review time limit is in force on {ctx.day_text}.",
            f"{ctx.day_text}无施行中的法定审查期限。",
        )
        return None
    ctx.step(
        rule.id,
        "review",
        {"deadline": deadline.id, "quantity": deadline.quantity, "unit": deadline.unit},
        f"{deadline.quantity}_{deadline.unit}",
        f"MOFCOM decides within {deadline.quantity} working days of accepting the application; "
        "identification, expert consultation and on-site checks are not counted, and a referral "
        "to the State Council (major impact on national security) has no limit.",
        f"商务部自受理申请之日起{deadline.quantity}个工作日内作出决定；鉴别、专家咨询、实地核查时间不计入；报国务院批准的不受该期限限制。",
    )
    ctx.warn(
        "state_council_referral",
        "The 45 working days do not bind an export MOFCOM refers to the State Council for its "
        "major impact on national security (REG Art. 17 ¶2); whether that happens is not known in advance.",
        "对国家安全和利益有重大影响、报国务院批准的出口，不受四十五个工作日期限限制（条例第十七条第二款）。",
        "dt-review-state-council",
    )
    return deadline.quantity
