"""Items: listed, temporarily controlled, or caught by the catch-all on the date.

Sources: Export Control Law Arts. 9 (list, temporary control), 12 ¶2-¶4 (licence for listed
and temporarily controlled items; catch-all for unlisted items the exporter knows, should know
or is notified may endanger national security, serve WMD or terrorism; classification);
Dual-Use Regulations Arts. 11, 12, 14; the item announcements in measures.yaml (2025 Nos. 10,
18, 55-58, 62) with their suspensions (2025 No. 70). The catalogue entry's own status history
and the measure covering it must agree; where they do not, the stricter reading is applied and
the decision says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from exportctl.core.determination.case import Item
from exportctl.core.determination.context import Context
from exportctl.core.determination.knowledge import MeasureOnDate
from exportctl.core.determination.result import NO_EFFECT, Effect
from exportctl.core.determination.scope import covers_code, keyword_hit
from exportctl.reference.catalogue_records import ControlEntry

LICENCE = Effect(outcome="licence_required")
_ITEM_KINDS = ("item_control", "temporary_control")
_RISK_ZH = {
    "national_security_risk": "危害国家安全和利益",
    "wmd_risk": "用于大规模杀伤性武器及其运载工具",
    "terrorism_risk": "用于恐怖主义目的",
    "notified_by_authority": "已得到商务部通知",
}


def apply_items(ctx: Context) -> None:
    """Classify every item on the date, then apply the catch-all to the uncontrolled ones."""
    for item in ctx.case.items:
        if item.control_code is None:
            _unlisted(ctx, item)
        else:
            _listed(ctx, item, item.control_code)
    _catch_all(ctx)


def _listed(ctx: Context, item: Item, code: str) -> None:
    subject = f"items[{item.index}]"
    entry = ctx.knowledge.entry(code)
    covering = _covering(ctx.measures, code)
    measure = _strongest(covering)
    entry_status = entry.status_on(ctx.day) if entry is not None else None
    if entry_status == "not_in_force":
        entry_status = "not_yet_in_force"
    status = measure.status if measure is not None else (entry_status or "not_yet_in_force")
    if measure is not None and entry_status is not None and entry_status != status:
        ctx.warn(
            "data_disagree",
            f"{code}: the catalogue entry says {entry_status} on {ctx.day_text} but "
            f"{measure.measure.id} says {status}; the stricter reading is applied.",
            f"{code}：目录条目与措施规则在该日期的状态不一致，按较严格者处理。",
            measure.measure.id,
        )
        if "in_force" in (entry_status, status):
            status = "in_force"
    temporary = code[2] == "5" or (
        measure is not None and measure.measure.kind == "temporary_control"
    )
    announcement = (
        measure.measure.announcement
        if measure is not None
        else (entry.source_announcement if entry is not None else None)
    )
    inputs = {
        "control_code": code,
        "entry": entry.code if entry is not None else None,
        "announcement": announcement,
        "effective_from": _effective(entry, measure),
        "status_on_date": status,
    }
    if status == "in_force":
        ctx.item_basis[item.index] = "temporary" if temporary else "listed"
        rule_id = "dt-temporary-control-licence" if temporary else "dt-listed-item-licence"
        kind_en = (
            "under temporary control" if temporary else "on the Dual-Use Items Export Control List"
        )
        kind_zh = "属于临时管制物项" if temporary else "列入两用物项出口管制清单"
        ctx.step(
            rule_id,
            subject,
            inputs,
            "licence_required",
            f"{code} is {kind_en} on {ctx.day_text} ({announcement}): exporting it needs a MOFCOM licence.",
            f"{code}于{ctx.day_text}{kind_zh}（{announcement}），出口应当向商务部申请许可。",
            LICENCE,
        )
        if measure is not None:
            _measure_step(ctx, measure, subject, code, "in_force")
        if temporary:
            ctx.warn(
                "temporary_control_term",
                f"{code} is under a temporary control: its term (at most 2 years, extended at most "
                "twice, ECL Art. 9 ¶2, REG Art. 12) is not in our data; verify it runs on the date.",
                f"{code}为临时管制物项，实施期限（每次不超过2年，延长不超过2次）本数据未收录，须核实。",
                rule_id,
            )
        return
    if _predecessor(ctx, entry, status):
        ctx.item_basis[item.index] = "predecessor"
        ctx.step(
            "dt-predecessor-regime",
            subject,
            inputs,
            "licence_required",
            f"{code} is on the 2024 List, which took effect on 2024-12-01 and consolidated earlier "
            f"lists; on {ctx.day_text} the item was controlled under those predecessor rules.",
            f"{code}列入2024年12月1日施行的统一清单；该清单整合了此前的清单，{ctx.day_text}时该物项依前身法规管制。",
            LICENCE,
        )
        return
    ctx.item_basis[item.index] = "not_on_list_on_date"
    reason_en = {
        "suspended": "its control is suspended on that date",
        "not_yet_in_force": "its control had not yet taken effect",
        "expired": "its control had ended",
        "removed": "it had been removed from the list",
    }.get(status, status)
    ctx.step(
        "dt-not-on-list-on-date",
        subject,
        inputs,
        status,
        f"{code}: {reason_en} ({announcement}), so on {ctx.day_text} it is not a listed item; the "
        "catch-all below still applies.",
        f"{code}：该日期{_status_zh(status)}（{announcement}），不按清单物项管理；仍适用兜底条款。",
    )
    if measure is not None:
        _measure_step(ctx, measure, subject, code, status)


def _unlisted(ctx: Context, item: Item) -> None:
    ctx.item_basis[item.index] = "unlisted"
    ctx.step(
        "dt-classification-duty",
        f"items[{item.index}]",
        {"control_code": None, "description": item.description, "hs_code": item.hs_code},
        "not_listed",
        "No control code is given: the item is treated as not on the List. Classifying it from its "
        "parameters and main uses is the exporter's duty; when unsure, consult MOFCOM.",
        "未填写管制编码，按未列入清单的物项处理。出口经营者应当依据性能指标、主要用途自行判定，无法确定的可以向商务部咨询。",
    )


def _catch_all(ctx: Context) -> None:
    case = ctx.case
    uncontrolled = [i.index for i in case.items if not ctx.controlled(i.index)]
    if not uncontrolled:
        return
    risks = list(case.knowledge.raised())
    if case.end_use.category == "wmd" and "wmd_risk" not in risks:
        risks.append("wmd_risk")
    if case.end_use.category == "terrorism" and "terrorism_risk" not in risks:
        risks.append("terrorism_risk")
    inputs = {"items": uncontrolled, "risks": risks, "end_use": case.end_use.category}
    if risks:
        for index in uncontrolled:
            ctx.item_basis[index] = "catch_all"
        risk_zh = "、".join(_RISK_ZH[r] for r in risks)
        ctx.step(
            "dt-catch-all",
            "case",
            inputs,
            "licence_required",
            f"The exporter knows, should know or was notified of a risk ({', '.join(risks)}): the "
            f"unlisted items {uncontrolled} need a licence (catch-all).",
            f"出口经营者知道、应当知道或者得到通知存在风险（{risk_zh}），未列入清单的物项{uncontrolled}应当申请许可（兜底条款）。",
            LICENCE,
        )
    else:
        ctx.step(
            "dt-catch-all",
            "case",
            inputs,
            "not_applicable",
            f"No risk to national security, of WMD use or of terrorism is known or notified: the "
            f"unlisted items {uncontrolled} need no licence under the catch-all.",
            f"未知悉也未被通知存在危害国家安全、用于大规模杀伤性武器或者恐怖主义的风险，未列入清单的物项{uncontrolled}不因兜底条款需要许可。",
        )
        if case.end_use.category == "unknown":
            ctx.warn(
                "end_use_unknown",
                "The end use is unknown: whether the exporter 'should know' of a catch-all risk "
                "turns on it (ECL Art. 12 ¶3); establish the end use before exporting.",
                "最终用途不明：是否“应当知道”存在兜底条款风险取决于最终用途，出口前应当查明。",
                "dt-end-use-unknown",
            )
    _announced_catch_alls(ctx, uncontrolled)


def _announced_catch_alls(ctx: Context, uncontrolled: list[int]) -> None:
    """Catch-alls an announcement adds for named activities (2025 No. 62 ¶1: rare earths)."""
    if not ctx.case.end_use.statement:
        return
    catch_alls = _catch_alls(ctx.measures)
    for keywords in ctx.rulebook.of_kind("keywords"):
        mod = catch_alls.get(keywords.for_rule or "")
        if mod is None:
            continue
        hit = keyword_hit(ctx.case.end_use.statement, keywords.keywords)
        if hit is None:
            continue
        in_force = mod.status == "in_force"
        if in_force:
            for index in uncontrolled:
                ctx.item_basis[index] = "catch_all"
        ctx.measure_step(
            mod.measure,
            "case",
            {"items": uncontrolled, "end_use_statement_matches": hit, "status_on_date": mod.status},
            "licence_required" if in_force else mod.status,
            f"The end-use statement names a foreign rare-earth activity ('{hit}'): "
            + (
                "the unlisted items need a licence."
                if in_force
                else f"the rule is {mod.status} on {ctx.day_text}."
            ),
            f"最终用途说明涉及境外稀土相关活动（“{hit}”）："
            + (
                "未列入清单的物项应当申请许可。"
                if in_force
                else f"该规则于{ctx.day_text}{_status_zh(mod.status)}。"
            ),
            LICENCE if in_force else NO_EFFECT,
        )
        ctx.step(
            keywords.id,
            "case",
            {"matched": hit},
            "matched",
            "Recognised from the end-use statement.",
            "依据最终用途说明识别。",
        )
        if in_force and mod.resumed_after:
            _resumed(ctx, mod)


def _measure_step(ctx: Context, mod: MeasureOnDate, subject: str, code: str, status: str) -> None:
    ctx.measure_step(
        mod.measure,
        subject,
        {"control_code": code, "status_on_date": status},
        status,
        f"{mod.measure.description_en} Status on {ctx.day_text}: {status}.",
        f"{mod.measure.description_zh}（{ctx.day_text}状态：{_status_zh(status)}）",
        relevant=status == "in_force",
    )
    if status == "in_force" and mod.resumed_after:
        _resumed(ctx, mod)


def _resumed(ctx: Context, mod: MeasureOnDate) -> None:
    ctx.warn(
        "suspension_ended",
        f"{mod.measure.id}: its suspension ended on {mod.resumed_after}; no extension is known in "
        f"our data (as of {ctx.knowledge.data_as_of}), so it is treated as back in force. Verify.",
        f"{mod.measure.id}：暂停实施期限已于{mod.resumed_after}届满，本数据（截至{ctx.knowledge.data_as_of}）未见延期，按恢复实施处理，须核实。",
        "dt-suspension-ended",
    )


# (id(measures), code) -> (measures, covering): measures_on() returns one tuple per date, so the
# item-to-measure match is computed once per date and code. The tuple is kept to pin its id.
_COVERING: dict[tuple[int, str], tuple[Sequence[MeasureOnDate], list[MeasureOnDate]]] = {}


def _covering(measures: Sequence[MeasureOnDate], code: str) -> list[MeasureOnDate]:
    key = (id(measures), code)
    found = _COVERING.get(key)
    if found is None or found[0] is not measures:
        covering = [
            m
            for m in measures
            if m.measure.kind in _ITEM_KINDS and covers_code(m.measure.scope, code)
        ]
        if len(_COVERING) > 50_000:
            _COVERING.clear()
        found = _COVERING[key] = (measures, covering)
    return found[1]


_STRENGTH = {"in_force": 0, "suspended": 1, "not_yet_in_force": 2, "expired": 3}


# id(measures) -> (measures, catch-all measures by id): one scan per date, not per case.
_CATCH_ALLS: dict[int, tuple[Sequence[MeasureOnDate], dict[str, MeasureOnDate]]] = {}


def _catch_alls(measures: Sequence[MeasureOnDate]) -> dict[str, MeasureOnDate]:
    found = _CATCH_ALLS.get(id(measures))
    if found is None or found[0] is not measures:
        by_id: dict[str, MeasureOnDate] = {}
        for m in measures:
            if m.measure.kind == "catch_all":
                by_id.setdefault(m.measure.id, m)  # the first, as before
        if len(_CATCH_ALLS) > 4096:
            _CATCH_ALLS.clear()
        found = _CATCH_ALLS[id(measures)] = (measures, by_id)
    return found[1]


def _strongest(found: list[MeasureOnDate]) -> MeasureOnDate | None:
    if len(found) == 1:
        return found[0]
    return min(found, key=lambda m: _STRENGTH.get(m.status, 9)) if found else None


def _predecessor(ctx: Context, entry: ControlEntry | None, status: str) -> bool:
    """Before 2024-12-01 an entry of the 2024 List was controlled under the rules it replaced."""
    rule = ctx.rule("dt-predecessor-regime")
    if entry is None or entry.effective_from is None or rule.valid_to is None:
        return False
    return (
        status == "not_yet_in_force"
        and rule.in_force_on(ctx.day)
        and entry.effective_from == rule.valid_to + timedelta(days=1)
    )


def _effective(entry: ControlEntry | None, mod: MeasureOnDate | None) -> str | None:
    if mod is not None:
        return mod.measure.valid_from.isoformat()
    if entry is None or entry.effective_from is None:
        return None
    return entry.effective_from.isoformat()


def _status_zh(status: str) -> str:
    return {
        "in_force": "实施中",
        "suspended": "暂停实施",
        "not_yet_in_force": "尚未施行",
        "expired": "已失效",
        "removed": "已移出",
    }.get(status, status)
