"""Vocabulary of the Chinese party lists: announcement numbers, measure codes and legal bases.

Measure codes (stable; derived from the published measure text, Chinese wording in brackets):

- dual_use_export_ban: export of dual-use items to the entity prohibited (禁止…出口两用物项)
- foreign_transfer_ban: no foreign transfer of PRC-origin dual-use items to it (禁止境外…转移或提供)
- ongoing_activity_stop: ongoing export activities must stop at once (正在开展的…应当立即停止)
- special_case_application: an export in a special case needs an application (特殊情况下确需出口)
- no_general_licence: no general licence or registration voucher (不得申请通用许可…登记填报)
- single_licence_only: only a single (individual) licence may be applied for (申请单项许可)
- risk_report_and_commitment: risk-assessment report and written commitment (风险评估报告…书面承诺)
- no_review_time_limit: licence review is not bound by the statutory time limit (审查期限不受…限制)
- enhanced_end_use_review: stricter end-user and end-use review (更严格的最终用户和最终用途审查)
- military_end_use_denial: military users/uses are not approved (军事用户…不予批准)
- import_export_ban: China-related import and export prohibited (禁止…从事与中国有关的进出口活动)
- new_investment_ban: new investment in China prohibited (禁止…在中国境内新增投资)
- product_import_ban: a named product may not be exported to China (禁止其向中国出口…)
- entry_ban: entry into China prohibited (入境)
- visa_ban: no visa issued (不予签发签证)
- work_permit_ban: work permit, stay and residence refused or cancelled (工作许可、停留…居留资格)
- fine: a fine (罚款)
- asset_freeze: property in China frozen (冻结…财产)
- transaction_ban: transactions and cooperation with it prohibited (禁止…进行有关交易)
- transaction_restriction: transactions and exchanges strictly restricted (严格限制…交易)
- data_transfer_ban: no data or sensitive information may be passed to it (传输数据、提供敏感信息)
- listing: listed with measures to follow in a later announcement (列入不可靠实体清单)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from exportctl.reference.records import Schema

MOFCOM_CONTROL = "mofcom_control"
MOFCOM_WATCH = "mofcom_watch"
UEL = "uel"
MFA = "mfa_countermeasure"

_MEASURE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern))
    for code, pattern in (
        ("dual_use_export_ban", r"禁止.*?出口两用物项"),
        ("foreign_transfer_ban", r"原产于.*?两用物项转移或提供"),
        ("ongoing_activity_stop", r"正在开展的.*?立即停止"),
        ("special_case_application", r"特殊情况下确需出口"),
        ("no_general_licence", r"不得申请通用许可"),
        ("single_licence_only", r"申请单项许可"),
        ("risk_report_and_commitment", r"风险评估报告.*?书面承诺"),
        ("no_review_time_limit", r"审查期限不受"),
        ("enhanced_end_use_review", r"更严格的最终用户和最终用途审查"),
        ("military_end_use_denial", r"军事用户.*?不予批准"),
        ("import_export_ban", r"从事与中国有关的进出口活动"),
        ("new_investment_ban", r"新增投资"),
        ("product_import_ban", r"禁止其向中国出口"),
        ("entry_ban", r"禁止.*?入境|不准入境"),
        ("visa_ban", r"不予签发签证"),
        ("work_permit_ban", r"工作许可|居留资格"),
        ("fine", r"罚款"),
        ("asset_freeze", r"冻结.*?财产"),
        ("transaction_ban", r"禁止.*?进行有关交易"),
        ("transaction_restriction", r"严格限制.*?交易"),
        ("data_transfer_ban", r"传输数据|提供敏感信息"),
        ("listing", r"^列入不可靠实体清单$"),
    )
)
_LEGAL_BASIS = {
    MOFCOM_CONTROL: "Export Control Law Art. 18; Dual-Use Regulations Art. 28",
    MOFCOM_WATCH: "Dual-Use Regulations Art. 26",
}
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


@dataclass
class Listing:
    """One entity in one announcement, as one upstream source gives it (merged later)."""

    list_code: str
    announcement: str
    ordinal: int
    origin: str  # where it came from: the file name
    name_zh: str = ""
    name_en: str = ""
    zh_official: bool = True  # False when the zh name is the repackager's translation
    aliases: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    postal_code: str = ""
    country_hints: list[str] = field(default_factory=list)  # ISO2 codes or English country names
    zh_context: list[str] = field(default_factory=list)  # Chinese texts that may name the country
    schema: Schema = "Organization"
    title: str | None = None
    published: date | None = None
    effective: date | None = None
    authority: str | None = None
    legal_basis: str | None = None
    measures: tuple[str, ...] = ()
    reason: str | None = None
    source_url: str | None = None
    remarks: list[str] = field(default_factory=list)


def announcement_number(list_code: str, text: str, year: int | None = None) -> str | None:
    """Canonical number, e.g. 商务部公告2025年第1号 or 不可靠实体清单工作机制公告〔2025〕5号."""
    if list_code == UEL:
        m = re.search(r"〔(\d{4})〕(\d+)号", text)
        return f"不可靠实体清单工作机制公告〔{m[1]}〕{m[2]}号" if m else None
    m = re.search(r"(?:(\d{4})年)?第(\d+)号", text)
    if not m:
        return None
    if list_code == MFA:
        return f"外交部令第{m[2]}号"
    found_year = m[1] or (str(year) if year else None)
    return f"商务部公告{found_year}年第{m[2]}号" if found_year else None


def measure_codes(measures: tuple[str, ...]) -> tuple[str, ...]:
    """Stable codes for the measure texts, in the order of the rules above."""
    return tuple(code for code, rule in _MEASURE_RULES if any(rule.search(m) for m in measures))


def numbered_items(text: str) -> tuple[str, ...]:
    """The "一、… 二、…" items of a notice summary, without the closing "本公告…" sentences."""
    items = re.findall(
        r"[一二三四五六七八九十]+、\s*(.*?)(?=\s*[一二三四五六七八九十]+、|$)", text, re.S
    )
    cleaned = [re.split(r"\s*本公告", item)[0].strip().rstrip("；;。") for item in items]
    return tuple(i for i in cleaned if i)


def legal_basis(list_code: str, articles: list[int]) -> str:
    """Legal basis of a designation, with the articles the announcement cites where it does."""
    if list_code in _LEGAL_BASIS:
        return _LEGAL_BASIS[list_code]
    law = (
        "Provisions on the Unreliable Entity List"
        if list_code == UEL
        else "Anti-Foreign Sanctions Law"
    )
    if not articles:
        return f"{law} Art. 10" if list_code == UEL else law
    cited = ", ".join(str(a) for a in sorted(set(articles)))
    return f"{law} Art{'s' if len(set(articles)) > 1 else ''}. {cited}"


def article_number(text: str) -> int | None:
    """第十五条 -> 15 (articles 1-99)."""
    m = re.fullmatch(r"第([一二三四五六七八九十]+)条", text.strip())
    if not m:
        return None
    digits = m[1]
    if "十" not in digits:
        return _NUMERALS[digits]
    tens, _, units = digits.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


def cited_articles(text: str, law: str) -> list[int]:
    """Articles of `law` a text cites (《不可靠实体清单规定》第二条、第八条和第十条: 2, 8, 10)."""
    m = re.search(rf"《{law}》((?:第[一二三四五六七八九十]+条[、和及]?)+)", text)
    return (
        [n for a in re.findall(r"第[一二三四五六七八九十]+条", m[1]) if (n := article_number(a))]
        if m
        else []
    )
