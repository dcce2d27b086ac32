"""Parties: what a listing does to the transaction, per list and per published measure.

Sources: Export Control Law Art. 18 and Dual-Use Regulations Arts. 28-30 (control list: no
dealings, special application), Art. 26 (watch list: single licence only, risk-assessment
report and commitment, no statutory time limit), the designating announcements (2026 Nos. 12
and 28 add a no-military-use commitment and refuse Japanese military users/uses); Provisions on
the Unreliable Entity List Arts. 10, 12 (measures of each designation, special application);
Anti-Foreign Sanctions Law (MFA countermeasures); UN Security Council lists (REG Art. 10 (4));
foreign lists are reported for the risk assessment only. What each measure does is data
(`party_effect` entries of determination.yaml); a designation counts only while it is listed on
the date: suspended, removed or not yet effective designations are traced without effect.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportctl.core.determination.context import Context
from exportctl.core.determination.knowledge import PartyFinding
from exportctl.core.determination.result import NO_EFFECT, Effect
from exportctl.core.determination.rulebook import Rulebook, RuleEntry

_STATUS_ZH = {
    "suspended": "暂停实施",
    "removed": "已移出或措施已停止",
    "not_yet_listed": "尚未生效",
}


def screen_parties(ctx: Context) -> list[PartyFinding]:
    """Screen every party once; the findings feed the hits and `apply_party_effects`."""
    findings: list[PartyFinding] = []
    for party in ctx.case.parties:
        findings.extend(ctx.knowledge.screen(party, ctx.day))
    threshold = ctx.rulebook.setting("set-screening-apply-threshold")
    for finding in findings:
        # A UN-listed party is one the exporter should know carries a catch-all risk: mark the
        # uncontrolled items before the bans run, so the bans see them as controlled.
        if finding.status == "listed" and finding.score >= threshold:
            for effect in _effects_for(ctx, finding):
                if effect.outcome == "licence_required" and effect.items == "uncontrolled":
                    for item in ctx.case.items:
                        if not ctx.controlled(item.index):
                            ctx.item_basis[item.index] = "catch_all"
    return findings


def apply_party_effects(
    ctx: Context, findings: Sequence[PartyFinding], uncontrolled: list[int]
) -> None:
    """One trace step per finding and applicable measure; `uncontrolled`: items before screening."""
    threshold = ctx.rulebook.setting("set-screening-apply-threshold")
    for finding in findings:
        subject = f"parties[{finding.party_index}]"
        base = {
            "party": finding.query_name,
            "list_code": finding.list_code,
            "matched_name": finding.matched_name,
            "entity_key": finding.entity_key,
            "score": round(finding.score, 4),
            "announcement": finding.announcement,
            "status_on_date": finding.status,
        }
        effects = _effects_for(ctx, finding)
        if not effects:
            continue
        if finding.score < threshold:
            ctx.step(
                "set-screening-apply-threshold",
                subject,
                base,
                "possible_match",
                f"'{finding.query_name}' resembles '{finding.matched_name}' ({finding.list_code}, "
                f"score {finding.score:.2f}, below {threshold}): review the match; not applied.",
                f"“{finding.query_name}”与“{finding.matched_name}”近似（分值{finding.score:.2f}，低于{threshold}），须人工复核，未予适用。",
            )
            ctx.warn(
                "possible_list_match",
                f"Possible match of {finding.query_name!r} with {finding.matched_name!r} on "
                f"{finding.list_code} ({finding.announcement}): review before exporting.",
                f"“{finding.query_name}”可能与{finding.list_code}所列“{finding.matched_name}”匹配，出口前须复核。",
                finding.entity_key,
            )
            continue
        for entry in effects:
            _apply(ctx, entry, finding, subject, base, uncontrolled)


def _apply(
    ctx: Context,
    entry: RuleEntry,
    finding: PartyFinding,
    subject: str,
    base: dict[str, object],
    uncontrolled: list[int],
) -> None:
    who = f"{finding.query_name} ({finding.announcement})"
    if finding.status != "listed":
        ctx.step(
            entry.id,
            subject,
            base,
            finding.status,
            f"{who} is {finding.status.replace('_', ' ')} on {ctx.day_text}"
            + (f" ({finding.status_note})" if finding.status_note else "")
            + ": the measure does not apply on that date.",
            f"{who}于{ctx.day_text}{_STATUS_ZH.get(finding.status, finding.status)}，该措施在该日期不适用。",
            relevant=False,
        )
        return
    effect, result = _effect(ctx, entry, finding)
    ctx.step(
        entry.id,
        subject,
        base,
        result,
        f"{who} matches {finding.matched_name!r} on {finding.list_code}. {entry.description_en}"
        + (
            ""
            if effect.outcome or effect.closes or effect.documents
            else " No effect on this export."
        ),
        f"{who}与{finding.list_code}所列“{finding.matched_name}”匹配。{entry.description_zh}",
        effect,
    )
    if finding.resumed_after:
        ctx.warn(
            "suspension_ended",
            f"{finding.entity_key} ({finding.announcement}): the suspension of its measures ended on "
            f"{finding.resumed_after}; no extension is known in our data (as of "
            f"{ctx.knowledge.data_as_of}): treated as back in force. Verify.",
            f"{finding.announcement}相关措施的暂停期限已于{finding.resumed_after}届满，本数据未见延期，按恢复实施处理，须核实。",
            "dt-suspension-ended",
        )
    if entry.review:
        ctx.warn(
            "party_review",
            f"{who} on {finding.list_code}: {entry.description_en}",
            f"{who}列入{finding.list_code}：{entry.description_zh}",
            entry.id,
        )
    all_uncontrolled = len(uncontrolled) == len(ctx.case.items)
    if (
        effect.outcome == "prohibited"
        and finding.list_code == "mofcom_control"
        and all_uncontrolled
    ):
        ctx.step(
            "dt-control-list-uncontrolled-items",
            subject,
            {"items": uncontrolled},
            "prohibited",
            "No item is on the List, yet dealings with a control-listed party are barred as well: "
            "the listing itself tells the exporter of a national-security risk.",
            "物项虽未列入清单，与管控名单主体的交易同样禁止：列名本身即提示国家安全风险。",
            Effect(outcome="prohibited", special_approval_possible=True),
        )


def _effect(ctx: Context, entry: RuleEntry, finding: PartyFinding) -> tuple[Effect, str]:
    case = ctx.case
    if entry.items == "controlled" and not ctx.any_controlled():
        return NO_EFFECT, "no_controlled_item"
    if entry.when_military:
        party = case.parties[finding.party_index]
        if not (party.military or case.end_use.category == "military"):
            return NO_EFFECT, "not_applicable"
    return _listed_effect(ctx.rulebook, entry)


# (id(rulebook), rule id) -> (rulebook, effect, result): what a listing does depends only on the
# rule (and the routes of the documents it names), so it is worked out once per rule.
_EFFECTS: dict[tuple[int, str], tuple[Rulebook, Effect, str]] = {}


def _listed_effect(rulebook: Rulebook, entry: RuleEntry) -> tuple[Effect, str]:
    key = (id(rulebook), entry.id)
    found = _EFFECTS.get(key)
    if found is not None and found[0] is rulebook:
        return found[1], found[2]
    documents = tuple(
        d for d in entry.documents if "special_application" not in rulebook.document(d).routes
    )
    special_docs = tuple(d for d in entry.documents if d not in documents)
    effect = Effect(
        outcome=entry.outcome,  # type: ignore[arg-type]  # validated on load
        closes=frozenset(entry.closes),
        special_approval_possible=entry.special_approval_possible,
        no_time_limit=entry.no_time_limit,
        documents=documents,
        special_documents=special_docs,
    )
    if entry.outcome:
        result = entry.outcome
    elif entry.closes:
        result = "single_licence_only"
    elif documents:
        result = "documents_required"
    elif entry.review:
        result = "review"
    else:
        result = "informational"
    if len(_EFFECTS) > 4096:
        _EFFECTS.clear()
    _EFFECTS[key] = (rulebook, effect, result)
    return effect, result


def _effects_for(ctx: Context, finding: PartyFinding) -> list[RuleEntry]:
    out = []
    codes = set(finding.measure_codes)
    for entry in ctx.rulebook.party_effects(finding.list_code):
        if not entry.in_force_on(ctx.day):
            continue
        if entry.announcements and finding.announcement not in entry.announcements:
            continue
        if entry.measure_codes and not codes.intersection(entry.measure_codes):
            continue
        out.append(entry)
    return out
