"""Records of the catalogue the system ships: control entries, HS codes, countries, announcements.

Plain frozen dataclasses (no Django), like `reference.records`: the parsers in
`reference.formats`, the snapshot builder and the database import share them.

Source of the code structure: MOFCOM, 《中华人民共和国两用物项出口管制清单》常见问题 Q4-Q5
(`cn-mofcom-notices`, https://exportcontrol.mofcom.gov.cn/article/cjwt/202605/1271.html):
1st character industry field 0-9, 2nd item type A-E, 3rd reason for control, 4th-5th sequence;
sub-items alternate lower-case letters and digits (1C111.a.1, 1C111.b.1.a).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from exportctl.reference.records import StatusChange

CODE_PATTERN = re.compile(r"^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$")
HS_PATTERN = re.compile(r"^[0-9]{8}([0-9]{2})?$")

# Official names, FAQ Q5 (quoted above). Note: category 0 is "other items", not nuclear.
CATEGORY_NAMES_ZH: dict[int, str] = {
    0: "其他物项",
    1: "专用材料和相关设备、化学制品、微生物和毒素",
    2: "材料加工",
    3: "电子",
    4: "计算机",
    5: "电信和信息安全",
    6: "传感器和激光器",
    7: "导航和航空电子",
    8: "船舶",
    9: "航空航天与推进",
}
GROUP_NAMES_ZH: dict[str, str] = {
    "A": "系统、设备和部件",
    "B": "测试、检测和生产设备",
    "C": "材料",
    "D": "软件",
    "E": "技术",
}
# FAQ Q5, 3rd character: the official meaning of the reason digit.
REASON_DIGIT_MEANING_ZH: dict[str, str] = {
    "0": "与常规武器相关",
    "1": "与大规模杀伤性武器运载工具相关",
    "2": "与核不扩散相关",
    "3": "与化学和生物武器相关",
    "4": "监控化学品",
    "5": "临时管制",
    "9": "与其他国家安全因素相关",
}
# The vocabulary `cn-dual-use-control-list` uses for its derived reason and item type; entries
# added from announcements get the same words so one column never mixes two vocabularies.
SOURCE_REASON_BY_DIGIT: dict[str, str] = {
    "0": "常规物项",
    "1": "导弹相关（MTCR）",
    "2": "核相关（NSG）",
    "3": "生化相关（AG/CWC）",
    "4": "监控化学品",
    "5": "临时管制",
    "9": "其他国家安全事由",
}
SOURCE_ITEM_TYPE_BY_GROUP: dict[str, str] = {
    "A": "系统、设备与部件",
    "B": "试验、检验与生产设备",
    "C": "材料",
    "D": "软件",
    "E": "技术",
}

# The list PDF lost digits, superscripts and code prefixes on extraction. A unit with no number in
# front of it, a list marker with no number, or a code with its first characters cut off shows
# the loss ("大于kV", "为1.5～MPa", "第位", "．金属钐", "B101.a项").
_UNITS = (
    r"(?:kV|kN|mA|kA|MPa|GPa|kPa|Pa|mm|cm|nm|µm|μm|km|ml|kW|MHz|GHz|Hz|ns|ps|µs|μs|rpm|nH|µF|GBq|"
    r"dB|m|g|L|W|J|V|A|T|u|h|℃|Ω)"
)
_CJK = r"\u4e00-\u9fff"
DEGRADED_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<=[{_CJK}～~])" + _UNITS + r"(?![A-Za-z0-9])"),  # "大于kV", "～MPa"
    re.compile(rf"(?<=[{_CJK}])kg(?=TNT)"),  # "大于等于kgTNT"
    re.compile(r"(?<![0-9.])[～~](?=[0-9])"),  # "内径～120mm": lower bound lost
    re.compile(r"第(?:位|类|部分)"),  # "第位", "第类": ordinal lost
    re.compile(r"(?:^|[：；。])．"),  # "：．金属钐": the item number "1．" lost
    re.compile(r"(?:^|[^0-9一二两三四五六七八九十百千几多每各])个(?:或|以上|轴|电极|功能)"),
    re.compile(r"^项"),  # the snippet starts inside a code reference ("项所管制…")
    re.compile(r"(?<![0-9A-Za-z])[A-E][0-9]{1,3}(?=[.．项、所]|[^0-9A-Za-z]|$)"),  # "B101.a项"
    re.compile(r"[0-9][A-E](?:\.[a-z]|项)"),  # "9A.a", "1C项": code digits lost
    re.compile(r"×(?:m|-)"),  # "3.18×m": the power of ten lost
    re.compile(r"(?:大于|小于|超过|低于|高于|等于)[：:，；。.]"),  # "之比小于：": value lost
    re.compile(r"(?:-[0-9]+|同位素)（[A-Z][a-z]?）"),  # "硼-10（B）": isotope superscript lost
    re.compile(r"/c?m(?![A-Za-z0-9²³/])"),  # "g/cm", "mg/m": superscript 2/3 lost
    re.compile(r"为或"),  # "频率为或2450MHz"
    re.compile(r"(?:为|使用|生产|不受|受|由)$"),  # cut at a code reference the PDF dropped
    re.compile(r"[0-9][A-E][0-9]?(?:系统|测试|材料|软件|技术)"),  # a heading ran in ("3D软件")
)


def is_text_degraded(text: str | None) -> bool:
    """True when the text shows digits lost in PDF extraction: never check thresholds on it."""
    if not text:
        return False
    return any(p.search(text) for p in DEGRADED_PATTERNS)


def is_valid_code(code: str) -> bool:
    return bool(CODE_PATTERN.match(code))


def parent_code(code: str) -> str | None:
    """The structural parent: `1C902.a.1` -> `1C902.a`, `1C902` -> None."""
    return code.rsplit(".", 1)[0] if "." in code else None


def top_code(code: str) -> str:
    return code.split(".", 1)[0]


def code_sort_key(code: str) -> tuple[Any, ...]:
    """Natural order: 1C902 < 1C902.a < 1C902.a.2 < 1C902.a.10 < 1C902.b."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


@dataclass(frozen=True)
class ControlEntry:
    """A control code (`1C902`) or sub-item (`1C902.a`) with its text, HS references and status."""

    code: str
    parent: str | None  # structural parent code; an entry for it exists only if a source prints it
    category: int  # 1st character, 0-9
    group: str  # 2nd character, A-E
    text_zh: str | None  # as printed (control list snippet or announcement text)
    title_en: str | None = None  # only when the source gives one (none does today)
    reason: str | None = None  # reason for control in the source's words
    reason_derived: bool = True  # True: derived from the code's 3rd character, not printed
    item_type: str | None = None
    text_degraded: bool = False  # digits lost in extraction (see DEGRADED_PATTERNS)
    text_complete: bool = False  # False: a truncated snippet (the control list JSON)
    hs_codes: tuple[
        str, ...
    ] = ()  # reference HS codes printed by the announcement (8 or 10 digits)
    source_announcement: str | None = None  # announcement number as printed
    effective_from: date | None = None
    status_history: tuple[StatusChange, ...] = ()
    source_url: str | None = None
    source: str = ""  # data set: "cn-dual-use-control-list", "cn-mofcom-notices", "regime.md"
    citation: str | None = None  # where exactly the text and HS codes are printed
    list_text_zh: str | None = None  # the control list's snippet, when text_zh came from elsewhere

    def __post_init__(self) -> None:
        if not is_valid_code(self.code):
            raise ValueError(f"control code {self.code!r} does not match {CODE_PATTERN.pattern}")
        for hs in self.hs_codes:
            if not HS_PATTERN.match(hs):
                raise ValueError(f"{self.code}: HS code {hs!r} is not 8 or 10 digits")

    @property
    def is_top_level(self) -> bool:
        return self.parent is None

    def status_on(self, day: date) -> str:
        """'not_in_force' before effective_from, 'suspended' in a suspension, else 'in_force'."""
        for change in self.status_history:
            if (
                change.status in ("suspended", "removed")
                and change.start <= day
                and (
                    change.end is None or day <= change.end  # end dates are inclusive ("至…日")
                )
            ):
                return change.status
        if self.effective_from is not None and day < self.effective_from:
            return "not_in_force"
        return "in_force"

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "parent": self.parent,
            "category": self.category,
            "group": self.group,
            "text_zh": self.text_zh,
            "title_en": self.title_en,
            "reason": self.reason,
            "reason_derived": self.reason_derived,
            "item_type": self.item_type,
            "text_degraded": self.text_degraded,
            "text_complete": self.text_complete,
            "hs_codes": list(self.hs_codes),
            "source_announcement": self.source_announcement,
            "effective_from": _iso(self.effective_from),
            "status_history": [status_change_to_json(s) for s in self.status_history],
            "source_url": self.source_url,
            "source": self.source,
            "citation": self.citation,
            "list_text_zh": self.list_text_zh,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ControlEntry:
        return cls(
            code=data["code"],
            parent=data.get("parent"),
            category=int(data["category"]),
            group=data["group"],
            text_zh=data.get("text_zh"),
            title_en=data.get("title_en"),
            reason=data.get("reason"),
            reason_derived=bool(data.get("reason_derived", True)),
            item_type=data.get("item_type"),
            text_degraded=bool(data.get("text_degraded", False)),
            text_complete=bool(data.get("text_complete", False)),
            hs_codes=tuple(data.get("hs_codes", ())),
            source_announcement=data.get("source_announcement"),
            effective_from=_date(data.get("effective_from")),
            status_history=tuple(
                status_change_from_json(s) for s in data.get("status_history", ())
            ),
            source_url=data.get("source_url"),
            source=data.get("source", ""),
            citation=data.get("citation"),
            list_text_zh=data.get("list_text_zh"),
        )


@dataclass(frozen=True)
class HSCode:
    """A China Customs commodity code: 8-digit national code or 10-digit catalogue code."""

    code: str
    name_zh: str | None
    name_en: str | None
    # On a 10-digit row: the code is printed in the catalogue. On an 8-digit row: the catalogue
    # prints at least one 10-digit code under it (declare the full code to know).
    in_dual_use_catalogue_2026: bool = False
    in_export_licence_goods_2026: bool = False
    parent: str | None = None  # the HS8 code of a 10-digit row
    catalogue_name_zh: str | None = None  # the goods name the export licence goods catalogue prints
    control_codes: tuple[str, ...] = ()  # entries whose announcement prints this HS code
    names_from_parent: bool = False  # name_zh/name_en are the HS8 parent's names

    def __post_init__(self) -> None:
        if not HS_PATTERN.match(self.code):
            raise ValueError(f"HS code {self.code!r} is not 8 or 10 digits")

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "in_dual_use_catalogue_2026": self.in_dual_use_catalogue_2026,
            "in_export_licence_goods_2026": self.in_export_licence_goods_2026,
            "parent": self.parent,
            "catalogue_name_zh": self.catalogue_name_zh,
            "control_codes": list(self.control_codes),
            "names_from_parent": self.names_from_parent,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HSCode:
        return cls(
            code=data["code"],
            name_zh=data.get("name_zh"),
            name_en=data.get("name_en"),
            in_dual_use_catalogue_2026=bool(data.get("in_dual_use_catalogue_2026", False)),
            in_export_licence_goods_2026=bool(data.get("in_export_licence_goods_2026", False)),
            parent=data.get("parent"),
            catalogue_name_zh=data.get("catalogue_name_zh"),
            control_codes=tuple(data.get("control_codes", ())),
            names_from_parent=bool(data.get("names_from_parent", False)),
        )


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 country or territory with its Chinese names and China Customs partner code."""

    iso2: str
    iso3: str
    name_en: str
    name_zh: str  # zh_cn short name (countries-zh)
    names_zh_other: tuple[
        str, ...
    ] = ()  # full names, variants, other regions' and iso-codes' names
    customs_partner_code: str | None = None
    customs_partner_name_zh: str | None = None
    numeric: str | None = None

    def __post_init__(self) -> None:
        if not (re.fullmatch(r"[A-Z]{2}", self.iso2) and re.fullmatch(r"[A-Z]{3}", self.iso3)):
            raise ValueError(f"bad ISO codes {self.iso2!r}/{self.iso3!r}")

    def to_json(self) -> dict[str, Any]:
        return {
            "iso2": self.iso2,
            "iso3": self.iso3,
            "name_en": self.name_en,
            "name_zh": self.name_zh,
            "names_zh_other": list(self.names_zh_other),
            "customs_partner_code": self.customs_partner_code,
            "customs_partner_name_zh": self.customs_partner_name_zh,
            "numeric": self.numeric,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Country:
        return cls(
            iso2=data["iso2"],
            iso3=data["iso3"],
            name_en=data["name_en"],
            name_zh=data["name_zh"],
            names_zh_other=tuple(data.get("names_zh_other", ())),
            customs_partner_code=data.get("customs_partner_code"),
            customs_partner_name_zh=data.get("customs_partner_name_zh"),
            numeric=data.get("numeric"),
        )


@dataclass(frozen=True)
class Announcement:
    """An announcement (公告), order, FAQ or law text, with dates, kind and a short excerpt."""

    key: str  # stable id: "商务部公告2025年第10号", or the page path for unnumbered texts
    number: str | None  # as printed in the title, e.g. "商务部 海关总署公告2025年第10号"
    title: str | None
    authorities: tuple[str, ...] = ()
    published: date | None = None  # the date the text is signed (发文日期), else the posting date
    effective: date | None = None  # the earliest date any part takes effect
    kind: str = "other"
    url: str | None = None
    summary_zh: str | None = None
    excerpt_zh: str | None = (
        None  # the opening of the operative text (the full text is not shipped)
    )
    document_number: str | None = None  # 【发布文号】 when printed
    posted: date | None = None  # when the portal posted it (publishedAt)
    control_codes: tuple[str, ...] = ()  # codes the text spells out (checked against contentText)
    in_source: bool = True  # False: known only because another text or regime.md refers to it
    source: str = "cn-mofcom-notices"
    status_history: tuple[StatusChange, ...] = ()
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "number": self.number,
            "title": self.title,
            "authorities": list(self.authorities),
            "published": _iso(self.published),
            "effective": _iso(self.effective),
            "kind": self.kind,
            "url": self.url,
            "summary_zh": self.summary_zh,
            "excerpt_zh": self.excerpt_zh,
            "document_number": self.document_number,
            "posted": _iso(self.posted),
            "control_codes": list(self.control_codes),
            "in_source": self.in_source,
            "source": self.source,
            "status_history": [status_change_to_json(s) for s in self.status_history],
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Announcement:
        return cls(
            key=data["key"],
            number=data.get("number"),
            title=data.get("title"),
            authorities=tuple(data.get("authorities", ())),
            published=_date(data.get("published")),
            effective=_date(data.get("effective")),
            kind=data.get("kind", "other"),
            url=data.get("url"),
            summary_zh=data.get("summary_zh"),
            excerpt_zh=data.get("excerpt_zh"),
            document_number=data.get("document_number"),
            posted=_date(data.get("posted")),
            control_codes=tuple(data.get("control_codes", ())),
            in_source=bool(data.get("in_source", True)),
            source=data.get("source", "cn-mofcom-notices"),
            status_history=tuple(
                status_change_from_json(s) for s in data.get("status_history", ())
            ),
            notes=tuple(data.get("notes", ())),
        )


def find_by_text(entries: Iterable[ControlEntry], query: str) -> tuple[ControlEntry, ...]:
    """Entries whose code, text or list text contains the query (case-folded), in code order."""
    q = query.strip().casefold()
    if not q:
        return ()
    hits = [
        e
        for e in entries
        if q in e.code.casefold()
        or q in (e.text_zh or "").casefold()
        or q in (e.list_text_zh or "").casefold()
    ]
    return tuple(sorted(hits, key=lambda e: code_sort_key(e.code)))


def status_change_to_json(change: StatusChange) -> dict[str, Any]:
    return {
        "status": change.status,
        "start": change.start.isoformat(),
        "end": _iso(change.end),
        "announcement": change.announcement,
        "note": change.note,
    }


def status_change_from_json(data: dict[str, Any]) -> StatusChange:
    start = _date(data["start"])
    if start is None:
        raise ValueError("status change without a start date")
    return StatusChange(
        status=data["status"],
        start=start,
        end=_date(data.get("end")),
        announcement=data.get("announcement"),
        note=data.get("note"),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
