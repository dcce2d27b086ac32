"""Movements: which kinds of transfer the licensing rules apply to.

Sources: Export Control Law Art. 2 ¶3 (export, including provision by PRC persons to foreign
persons: the deemed export) and Art. 45 (transit, transshipment, through-shipment, re-export,
exports from special customs zones); Dual-Use Regulations Art. 2 ¶3 and Art. 48 (¶1 the same
rules for transit, transshipment, re-export; ¶2 no licence for moves into or between special
customs supervision zones and bonded sites inside China, under customs supervision).
"""

from __future__ import annotations

from exportctl.core.determination.context import Context
from exportctl.core.determination.result import Effect

_ZH = {
    "export": "出口",
    "re_export": "再出口",
    "transit": "过境",
    "transshipment": "转运",
    "deemed_export": "向境内外国组织和个人提供（视同出口）",
    "into_special_customs_zone": "进入海关特殊监管区域",
    "between_special_customs_zones": "在海关特殊监管区域之间",
}


def apply_movement(ctx: Context) -> None:
    """One step for the movement; switches licensing off where Art. 48 ¶2 says no licence."""
    case = ctx.case
    movement = case.movement
    entry = ctx.rulebook.for_subject("movement", movement)
    inputs: dict[str, object] = {"movement": movement, "destination": case.destination}
    if not entry.in_force_on(ctx.day):
        ctx.warn(
            "movement_rule_not_in_force",
            f"{entry.citation} was not in force on {ctx.day_text}; the rule is applied as it stands now.",
            f"{entry.citation}在该日期尚未施行，按现行规则处理。",
            entry.id,
        )
    if entry.licensing == "not_required":
        ctx.licensing_applies = False
        ctx.step(
            entry.id,
            "case",
            inputs,
            "no_licence_required",
            f"The items move {movement.replace('_', ' ')} inside China: no export licence is needed "
            "and customs supervises the move (REG Art. 48 ¶2).",
            f"两用物项{_ZH[movement]}，无需办理出口许可证件，由海关实施监管（条例第四十八条第二款）。",
            Effect(outcome="no_licence_required"),
        )
        onward = ctx.rule("dt-zone-onward-export")
        ctx.step(
            onward.id,
            "case",
            {"movement": movement},
            "note",
            "A later export from the zone or bonded site abroad is an export and needs a licence "
            "where the rules below require one.",
            "此后从海关特殊监管区域或保税监管场所向境外出口的，按出口管理，需要许可的应当申请许可。",
        )
        ctx.warn(
            "zone_onward_export",
            "No licence for this move (REG Art. 48 ¶2); the findings in the trace apply to any "
            "later export from the zone abroad.",
            "本次移动无需许可（条例第四十八条第二款）；轨迹中的结论适用于此后自区域向境外的出口。",
            onward.id,
        )
        return
    if movement == "deemed_export":
        foreign = sorted({p.country for p in case.parties if p.country and p.country != "CN"})
        if case.destination and case.destination != "CN":
            foreign = sorted({*foreign, case.destination})
        inputs["foreign_recipient_countries"] = foreign
        if not foreign:
            ctx.warn(
                "no_foreign_recipient",
                "A deemed export is provision to a FOREIGN organisation or person (ECL Art. 2 ¶3); "
                "no party or destination outside China is given, so check who receives the items.",
                "视同出口是指向外国组织和个人提供（出口管制法第二条第三款）；案件未列明境外接收方，请核实。",
                entry.id,
            )
    ctx.step(
        entry.id,
        "case",
        inputs,
        "licensing_applies",
        f"{_article(movement)} {movement.replace('_', ' ')} is subject to the Export Control Law and the Regulations: "
        "the rules below decide whether a licence is needed.",
        f"{_ZH[movement]}适用出口管制法和两用物项出口管制条例，是否需要许可依下列规则确定。",
    )
    if movement in ("re_export", "transit", "transshipment"):
        ctx.warn(
            "implementing_measures_missing",
            f"{entry.citation}: the specific measures for {movement.replace('_', ' ')} that MOFCOM "
            "and GACC are to issue are not in our data; the general rules are applied.",
            f"{entry.citation}：商务部会同海关总署制定的具体办法本数据未收录，按一般规则处理。",
            entry.id,
        )
    if movement != "deemed_export" and case.destination == "CN":
        ctx.warn(
            "destination_in_china",
            "The destination is CN for a movement out of China: check the destination.",
            "出境移动的目的地为中国，请核实目的地。",
            entry.id,
        )


def _article(movement: str) -> str:
    return "An" if movement[0] in "aeiou" else "A"
