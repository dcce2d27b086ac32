"""Prohibitions and restrictions by destination, end user and end use, from measures.yaml.

Sources: Export Control Law Art. 10 and Dual-Use Regulations Art. 13 (bans by item, country,
organisation or person); 商务部公告2024年第46号 (¶1 no dual-use items to US military users or
uses; ¶2 Ga, Ge, Sb, superhard materials to the US "in principle not licensed", suspended by
2025 No. 72 from 2025-11-09 to 2026-11-27; ¶3 stricter review of graphite to the US);
商务部公告2026年第1号 (no dual-use items to Japanese military users or uses or anything raising
Japan's military strength); the 9A501 note of the List (2024 No. 51: no unlisted UAVs for WMD,
terrorism or military purposes); 2025 Nos. 57/58 (declaration remarks); 2025 No. 73 (precursor
chemicals to the US, Mexico, Canada: another regime, reported only).
A ban "on dual-use items" bites on the items that are controlled on the date (listed,
temporarily controlled or caught by the catch-all).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from exportctl.core.determination.context import Context
from exportctl.core.determination.knowledge import MeasureOnDate
from exportctl.core.determination.result import Effect
from exportctl.core.determination.scope import covers_code, covers_code_unconfirmed, keyword_hit
from exportctl.core.determination.vocabulary import END_USER_ROLES

_BAN = Effect(outcome="prohibited", special_approval_possible=False)
_RISK_USES = frozenset({"military", "wmd", "terrorism"})


_HANDLED = frozenset(
    {"end_user_prohibition", "destination_restriction", "end_user_review", "end_use_prohibition"}
    | {"declaration_requirement", "destination_licence_requirement", "extraterritorial"}
)
# Kinds that look at the case whatever its countries; the others only bite where the scope's
# destinations meet the case's countries (destination, end users, any party's country).
_ANY_COUNTRY = frozenset({"end_use_prohibition", "declaration_requirement"})
# Kinds traced only while in force (the others also trace a suspended or expired measure).
_IN_FORCE_ONLY = frozenset(
    {"end_user_review", "end_use_prohibition", "declaration_requirement"}
    | {"destination_licence_requirement", "extraterritorial"}
)


class _Plan(NamedTuple):
    """The measures of one date this module can apply, by the country that brings them in."""

    measures: Sequence[MeasureOnDate]  # pins the id the plan is cached under
    any_country: tuple[tuple[int, MeasureOnDate], ...]
    by_country: dict[str, tuple[tuple[int, MeasureOnDate], ...]]


# id(measures) -> plan: built once per date (measures_on returns one tuple per date).
_PLANS: dict[int, _Plan] = {}


def _plan(measures: Sequence[MeasureOnDate]) -> _Plan:
    found = _PLANS.get(id(measures))
    if found is None or found.measures is not measures:
        any_country: list[tuple[int, MeasureOnDate]] = []
        by_country: dict[str, list[tuple[int, MeasureOnDate]]] = {}
        for position, mod in enumerate(measures):
            kind = mod.measure.kind
            if kind not in _HANDLED or (kind in _IN_FORCE_ONLY and mod.status != "in_force"):
                continue
            if kind in _ANY_COUNTRY:
                any_country.append((position, mod))
            for country in mod.measure.scope.destinations:
                by_country.setdefault(country, []).append((position, mod))
        if len(_PLANS) > 4096:
            _PLANS.clear()
        found = _PLANS[id(measures)] = _Plan(
            measures, tuple(any_country), {c: tuple(v) for c, v in by_country.items()}
        )
    return found


def _applicable(ctx: Context) -> list[MeasureOnDate]:
    """The measures that can say something about this case, in the order of measures.yaml."""
    plan = _plan(ctx.measures)
    countries = set(ctx.destinations)
    countries.update(p.country for p in ctx.case.parties if p.country)
    chosen = dict(plan.any_country)
    for country in countries:
        chosen.update(plan.by_country.get(country, ()))
    return [chosen[position] for position in sorted(chosen)]


def apply_prohibitions(ctx: Context) -> None:
    for mod in _applicable(ctx):
        kind = mod.measure.kind
        if kind == "end_user_prohibition":
            _end_user_ban(ctx, mod)
        elif kind == "destination_restriction":
            _destination_restriction(ctx, mod)
        elif kind == "end_user_review":
            _review(ctx, mod)
        elif kind == "end_use_prohibition":
            _unlisted_uav(ctx, mod)
        elif kind == "declaration_requirement":
            _declaration(ctx, mod)
        elif kind == "destination_licence_requirement":
            _other_regime(ctx, mod)
        elif kind == "extraterritorial":
            _foreign_transfer(ctx, mod)


def _end_user_ban(ctx: Context, mod: MeasureOnDate) -> None:
    """2024 No. 46 ¶1 and 2026 No. 1: no dual-use items to a country's military users or uses."""
    scope = mod.measure.scope
    case = ctx.case
    for country in scope.destinations:
        related = ctx.goes_to(country) or any(p.country == country for p in case.parties)
        if not related:
            continue
        military_user = scope.end_user_military is True and ctx.military_user_in(country)
        military_use = (
            "military" in scope.end_uses
            and case.end_use.category == "military"
            and ctx.goes_to(country)
        )
        controlled = [i.index for i in case.items if ctx.controlled(i.index)]
        inputs = {
            "country": country,
            "military_user": military_user,
            "military_use": military_use,
            "controlled_items": controlled,
            "status_on_date": mod.status,
        }
        if not (military_user or military_use):
            ctx.measure_step(
                mod.measure,
                "case",
                inputs,
                "not_applicable",
                f"The items go to {country} but no military user or military use is declared.",
                f"物项涉及{country}，但未申报军事用户或军事用途。",
                relevant=False,
            )
            if country == "JP" and case.end_use.category == "unknown" and controlled:
                ctx.warn(
                    "japan_end_use_unknown",
                    "2026 No. 1 also bans any end use that helps raise Japan's military strength; "
                    "the end use is unknown, so establish it before exporting.",
                    "2026年第1号公告还禁止一切有助于提升日本军事实力的最终用途；最终用途不明，出口前应当查明。",
                    mod.measure.id,
                )
            continue
        if mod.status != "in_force":
            ctx.measure_step(
                mod.measure,
                "case",
                inputs,
                mod.status,
                f"A military user or use in {country} is declared, but the ban is {mod.status} on {ctx.day_text}.",
                f"申报了{country}军事用户或军事用途，但该禁令于{ctx.day_text}不在实施期内。",
                relevant=False,
            )
            continue
        if not controlled:
            ctx.measure_step(
                mod.measure,
                "case",
                inputs,
                "not_applicable",
                f"The ban covers dual-use items to {country} military users and uses; no item is "
                f"controlled on {ctx.day_text}, so it does not bite. Confirm the classification.",
                f"该禁令针对两用物项；{ctx.day_text}无管制物项，不适用。请核实物项归类。",
            )
            ctx.warn(
                "military_user_uncontrolled_items",
                f"A military user or use in {country} is declared: {mod.measure.id} bans dual-use "
                "items to it. No item is controlled on the date; confirm the classification and "
                "whether a catch-all risk should be known (ECL Art. 12 ¶3).",
                f"申报了{country}军事用户或军事用途，相关公告禁止向其出口两用物项；当前无管制物项，请核实归类及兜底条款风险。",
                mod.measure.id,
            )
            continue
        who = "military user" if military_user else "military use"
        ctx.measure_step(
            mod.measure,
            "case",
            inputs,
            "prohibited",
            f"{mod.measure.description_en} The case declares a {who} in {country}: the export is "
            "prohibited; there is no application procedure for an exception.",
            f"{mod.measure.description_zh}本案申报了{country}的{'军事用户' if military_user else '军事用途'}，禁止出口。",
            _BAN,
        )


def _destination_restriction(ctx: Context, mod: MeasureOnDate) -> None:
    """2024 No. 46 ¶2: named items to the US are in principle not licensed (when not suspended)."""
    scope = mod.measure.scope
    countries = [c for c in scope.destinations if ctx.goes_to(c)]
    if not countries:
        return
    for item in ctx.case.items:
        code = item.control_code
        if code is None or not ctx.controlled(item.index):
            continue
        confirmed = covers_code(scope, code)
        possible = not confirmed and covers_code_unconfirmed(scope, code)
        if not (confirmed or possible):
            continue
        inputs = {"control_code": code, "destination": countries, "status_on_date": mod.status}
        subject = f"items[{item.index}]"
        if possible:
            ctx.measure_step(
                mod.measure,
                subject,
                inputs,
                "possibly_covered",
                f"{code} may be one of the items of this measure (unconfirmed); if it is, an "
                "application is in principle refused. Not applied: verify.",
                f"{code}可能属于该措施所列物项（未经核实）；如属于，原则上不予许可。未予适用，须核实。",
            )
            continue
        if mod.status != "in_force":
            ctx.measure_step(
                mod.measure,
                subject,
                inputs,
                mod.status,
                f"{mod.measure.description_en} On {ctx.day_text} it is {mod.status}: the application is "
                "reviewed case by case.",
                f"{mod.measure.description_zh}（{ctx.day_text}不在实施期内，逐案审查。）",
                relevant=False,
            )
            continue
        effect = (
            _BAN
            if mod.measure.effect == "prohibited"
            else Effect(outcome="licence_required", policy="presumption_of_denial")
        )
        ctx.measure_step(
            mod.measure,
            subject,
            inputs,
            mod.measure.effect,
            f"{mod.measure.description_en} Applies to {code} to {', '.join(countries)} on {ctx.day_text}.",
            f"{mod.measure.description_zh}（适用于{code}，{ctx.day_text}）",
            effect,
        )
        if mod.resumed_after:
            ctx.warn(
                "suspension_ended",
                f"{mod.measure.id}: its suspension ended on {mod.resumed_after}; no extension is "
                f"known in our data (as of {ctx.knowledge.data_as_of}): treated as back in force. Verify.",
                f"{mod.measure.id}：暂停期限已于{mod.resumed_after}届满，本数据未见延期，按恢复实施处理，须核实。",
                "dt-suspension-ended",
            )


def _review(ctx: Context, mod: MeasureOnDate) -> None:
    """2024 No. 46 ¶3: stricter end-user and end-use review (graphite to the US)."""
    scope = mod.measure.scope
    if mod.status != "in_force" or not any(ctx.goes_to(c) for c in scope.destinations):
        return
    for item in ctx.case.items:
        code = item.control_code
        if code is None or not ctx.controlled(item.index):
            continue
        if covers_code(scope, code) or covers_code_unconfirmed(scope, code):
            ctx.measure_step(
                mod.measure,
                f"items[{item.index}]",
                {"control_code": code, "destination": list(scope.destinations)},
                "enhanced_review",
                f"{mod.measure.description_en} ({code}, possibly covered: verify.)",
                f"{mod.measure.description_zh}（{code}，可能适用，须核实。）",
            )


def _unlisted_uav(ctx: Context, mod: MeasureOnDate) -> None:
    """List note to 9A501: no unlisted UAV for WMD, terrorism or military purposes."""
    case = ctx.case
    if mod.status != "in_force" or all(i.control_code is not None for i in case.items):
        return
    keywords = next(
        (k for k in ctx.rulebook.of_kind("keywords") if k.for_rule == mod.measure.id), None
    )
    if keywords is None:
        return
    uses = set()
    if case.end_use.category in _RISK_USES:
        uses.add(case.end_use.category)
    if case.knowledge.wmd_risk:
        uses.add("wmd")
    if case.knowledge.terrorism_risk:
        uses.add("terrorism")
    if any(p.military and p.role in END_USER_ROLES for p in case.parties):
        uses.add("military")
    for item in case.items:
        if item.control_code is not None:
            continue
        hit = keyword_hit(item.description, keywords.keywords)
        if hit is None and item.hs_code and item.hs_code.startswith(keywords.hs_prefixes):
            hit = f"HS {item.hs_code}"
        if hit is None:
            continue
        inputs = {"description": item.description, "matched": hit, "risk_uses": sorted(uses)}
        if not uses:
            ctx.measure_step(
                mod.measure,
                f"items[{item.index}]",
                inputs,
                "not_applicable",
                "An unlisted UAV with no known WMD, terrorism or military purpose: the ban does not apply.",
                "未列入清单的无人驾驶航空器，未知悉用于大规模杀伤性武器、恐怖主义或军事目的，不适用该禁令。",
                relevant=False,
            )
            continue
        ctx.measure_step(
            mod.measure,
            f"items[{item.index}]",
            inputs,
            "prohibited",
            f"{mod.measure.description_en} The case declares: {', '.join(sorted(uses))}.",
            f"{mod.measure.description_zh}本案申报：{'、'.join(sorted(uses))}。",
            _BAN,
        )
        ctx.step(
            keywords.id,
            f"items[{item.index}]",
            {"matched": hit},
            "matched",
            "Recognised as an unmanned aerial vehicle from its description or HS heading.",
            "依据物项描述或税则号识别为无人驾驶航空器。",
        )


def _declaration(ctx: Context, mod: MeasureOnDate) -> None:
    if mod.status != "in_force":
        return
    codes = [
        i.control_code
        for i in ctx.case.items
        if i.control_code and covers_code(mod.measure.scope, i.control_code)
    ]
    if codes and ctx.licensing_applies:
        ctx.measure_step(
            mod.measure,
            "case",
            {"control_codes": codes},
            "declaration_required",
            mod.measure.description_en,
            mod.measure.description_zh,
        )


def _other_regime(ctx: Context, mod: MeasureOnDate) -> None:
    countries = [c for c in mod.measure.scope.destinations if ctx.goes_to(c)]
    if mod.status != "in_force" or not countries:
        return
    ctx.measure_step(
        mod.measure,
        "case",
        {"destination": countries},
        "note",
        f"{mod.measure.description_en} (A separate regime: check whether any item is such a chemical.)",
        f"{mod.measure.description_zh}（另一管理制度：请核实物项是否属于所列化学品。）",
        relevant=False,
    )
    ctx.warn(
        "precursor_chemicals",
        f"Precursor chemicals to {', '.join(countries)} need a licence under 2025 No. 73: check "
        "whether any item is one.",
        f"向{'、'.join(countries)}出口所列易制毒化学品须申请许可（2025年第73号公告），请核实。",
        mod.measure.id,
    )


def _foreign_transfer(ctx: Context, mod: MeasureOnDate) -> None:
    """2026 No. 1 ¶2: foreign parties may not pass PRC-origin items on to the banned users."""
    if mod.status != "in_force" or ctx.case.movement not in (
        "re_export",
        "transit",
        "transshipment",
    ):
        return
    countries = [
        c for c in mod.measure.scope.destinations if ctx.goes_to(c) or ctx.military_user_in(c)
    ]
    if countries:
        ctx.measure_step(
            mod.measure,
            "case",
            {"countries": countries, "movement": ctx.case.movement},
            "note",
            mod.measure.description_en,
            mod.measure.description_zh,
            relevant=False,
        )
