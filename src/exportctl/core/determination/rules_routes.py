"""Routes: which of single licence, general licence and registration voucher are open.

Sources: Dual-Use Regulations Art. 15 (the three routes and their validity), Art. 16 ¶2 and
Export Control Law Art. 14 (general licence for a well-running compliance programme), Art. 19
(registration cases (1)-(5); ¶3 stop on notice), Art. 20 (no general licence or registration
after a criminal penalty, a serious administrative penalty within 5 years, or for a PRC branch
of a control-listed party), Export Control Law Art. 39 (applications may be refused for 5 years
after a penalty).
"""

from __future__ import annotations

from exportctl.core.determination.context import Context
from exportctl.core.determination.result import Effect


def apply_routes(ctx: Context) -> None:
    _exporter_bars(ctx)
    _registration(ctx)
    if ctx.any_controlled() and ctx.licensing_applies:
        rule = ctx.rule("dt-general-licence-conditions")
        if rule.in_force_on(ctx.day):
            ctx.step(
                rule.id,
                "exporter",
                {"exporter": ctx.case.exporter.name},
                "condition",
                "A general licence is open only to an exporter whose internal compliance programme "
                "runs well, with an export record and stable channels and end users (not checked here).",
                "通用许可以内部合规制度运行良好、具有出口记录和相对固定的出口渠道及最终用户为条件（本系统未核查）。",
            )


def _exporter_bars(ctx: Context) -> None:
    exporter = ctx.case.exporter
    barred = False
    for bar in ctx.rulebook.of_kind("exporter_bar"):
        flag = bar.flag or ""
        if not getattr(exporter, flag) or not bar.in_force_on(ctx.day):
            continue
        barred = barred or flag != "branch_of_control_listed_party"
        ctx.step(
            bar.id,
            "exporter",
            {flag: True},
            "routes_closed",
            f"{bar.description_en} The general licence and the registration route are closed; a "
            "single licence remains.",
            f"{bar.description_zh}通用许可和登记填报方式不可用，可申请单项许可。",
            Effect(closes=frozenset(bar.closes)),
        )
    if barred:
        rule = ctx.rule("dt-penalty-refusal-5-years")
        ctx.warn(
            "penalty_refusal_possible",
            "After a penalty MOFCOM may refuse to accept the exporter's licence applications for "
            "five years from the decision (ECL Art. 39 ¶1).",
            "受到处罚的出口经营者，自处罚决定生效之日起五年内，商务部可以不受理其出口许可申请（出口管制法第三十九条第一款）。",
            rule.id,
        )


def _registration(ctx: Context) -> None:
    case = ctx.case
    name = case.registration_case
    if name is None:
        return
    entry = ctx.rulebook.for_subject("registration_case", name)
    subject = "registration_case"
    inputs: dict[str, object] = {"registration_case": name, "end_use": case.end_use.category}
    if not entry.in_force_on(ctx.day):
        ctx.step(
            entry.id,
            subject,
            inputs,
            "not_in_force",
            f"The registration route (REG Art. 19) did not exist on {ctx.day_text}.",
            f"{ctx.day_text}登记填报方式尚未施行（条例第十九条）。",
        )
        return
    if not ctx.any_controlled():
        ctx.step(
            entry.id,
            subject,
            inputs,
            "not_needed",
            "No item needs a licence, so no registration is needed either.",
            "物项无需许可，亦无需登记填报。",
            relevant=False,
        )
        return
    if case.end_use.category in entry.excluded_end_uses:
        ctx.step(
            entry.id,
            subject,
            inputs,
            "does_not_fit",
            f"{entry.description_en} A {case.end_use.category} end use does not fit this case: a "
            "licence is needed.",
            f"{entry.description_zh}{case.end_use.category}最终用途不符合该情形，应当申请许可。",
            Effect(closes=frozenset({"registration"})),
        )
        return
    risks = list(case.knowledge.raised())
    if case.end_use.category in ("wmd", "terrorism"):
        risks.append(f"end_use_{case.end_use.category}")
    if risks:
        ctx.step(
            "dt-registration-closed-on-risk",
            subject,
            {**inputs, "risks": risks},
            "does_not_fit",
            "The exporter knows of, or was notified of, a risk: the registration route is closed "
            "and the export needs a licence.",
            "出口经营者知道存在风险或者接到通知，不得以登记填报方式出口，应当申请许可。",
            Effect(closes=frozenset({"registration"})),
        )
        return
    ctx.step(
        entry.id,
        subject,
        inputs,
        "registration_open",
        f"{entry.description_en} The exporter may register before each export and export on the "
        "voucher (a licence may also be sought).",
        f"{entry.description_zh}出口经营者可在每次出口前办理登记、获得出口凭证后自行出口（亦可申请许可）。",
        Effect(opens_registration=True),
    )
    ctx.step(
        "dt-registration-specified-items",
        subject,
        inputs,
        "verify",
        "The route is for the dual-use items MOFCOM specifies; which items are specified is not in our data.",
        "登记填报适用于商务部规定的特定两用物项；具体物项范围本数据未收录。",
    )
