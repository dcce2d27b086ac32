"""MOFCOM notices (`cn-mofcom-notices`): announcements, the items they spell out, suspensions.

Sources: `china-dual-use-notices.json.gz` and `china-licence-catalogue-notices.json`, full texts
from exportcontrol.mofcom.gov.cn. The repackager's `controlCodes`/`hsCodes` were made by a parser
and miss or over-collect codes (exclusions such as "非1C226项下管制的", 8-digit 税则号列), so the
item entries here are read from `contentText` itself; `parser_discrepancies` reports the gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_records import (
    CODE_PATTERN,
    HS_PATTERN,
    SOURCE_ITEM_TYPE_BY_GROUP,
    SOURCE_REASON_BY_DIGIT,
    Announcement,
    ControlEntry,
    is_text_degraded,
    parent_code,
)
from exportctl.reference.formats.fields import iso_date
from exportctl.reference.formats.hub_json import load_records, row_location
from exportctl.reference.formats.rawfile import RawFile

CODE = r"[0-9][A-E][0-9]{3}(?:\.[a-z0-9]+)*"
_CN_NUM = "一二三四五六七八九十"
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"

# Line shapes of the item announcements (2025 Nos. 10, 57, 58, 62):
_SECTION = re.compile(rf"^([{_CN_NUM}]+)、\s*(?:({CODE})\s*)?(.*)$")  # "一、1C909 钬相关物项"
_ITEM = re.compile(
    rf"^（([{_CN_NUM}]+)）\s*({CODE}(?:、{CODE})*)\s*[．.]?\s*(.*)$"
)  # "（一）1C117.d．…"
_ITEM_CODE_LAST = re.compile(rf"^（([{_CN_NUM}]+)）(.+?)（管制编码：({CODE})）[。；]?$")  # No. 62
_SUB_POINT = re.compile(r"^(?:\d+|[a-z])\s*[．.]")  # "1．仲钨酸铵", "a. 钬铜合金"
_END = re.compile(r"^(?:说明|出口经营者|本公告|附件|商务部|出口非管制)")
_HS = re.compile(r"(?:参考海关商品编号|参考税则号列)[：:]\s*([0-9、，,\s]+)")


@dataclass(frozen=True)
class ExtractedItem:
    """One control code as an item announcement prints it, with the points nested under it."""

    code: str
    text_zh: str  # heading text and nested points as printed (line breaks removed)
    hs_codes: tuple[str, ...]
    paragraph: str  # where it is printed, e.g. "一（一）"


@dataclass(frozen=True)
class Suspension:
    """A suspension an announcement orders: what, from when, until when (inclusive)."""

    target: str  # canonical key of the suspended announcement
    paragraph: str | None  # e.g. "第二款" when only part is suspended
    start: date
    end: date
    by: str  # canonical key of the suspending announcement
    by_number: str | None


def parse_notices(raw: RawFile) -> tuple[tuple[Announcement, str], ...]:
    """Each notice as an Announcement with its full contentText (kept for extraction and checks)."""
    _, rows = load_records(raw)
    out = []
    for index, row in enumerate(rows):
        location = row_location(raw, index, row)
        title = row.get("noticeTitle")
        text = row.get("contentText")
        if not isinstance(title, str) or not title.strip():
            raise MalformedFile("missing noticeTitle", location=location)
        if not isinstance(text, str) or not text.strip():
            raise MalformedFile("missing contentText", location=location)
        out.append((_announcement(row, title.strip(), text, location), text))
    return tuple(out)


def merge_notices(
    *sources: tuple[tuple[Announcement, str], ...],
) -> tuple[tuple[Announcement, str], ...]:
    """One notice per key across files; the same notice in two files must carry the same text."""
    merged: dict[str, tuple[Announcement, str]] = {}
    for notices in sources:
        for announcement, text in notices:
            kept = merged.get(announcement.key)
            if kept is None:
                merged[announcement.key] = (announcement, text)
            elif _squash(kept[1]) != _squash(text):
                raise MalformedFile(
                    "two different texts carry the same announcement key",
                    location=announcement.key,
                )
    return tuple(sorted(merged.values(), key=lambda n: (n[0].published or date.min, n[0].key)))


def canonical_key(value: str) -> str | None:
    """'商务部 海关总署公告2025年第10号', '商务部公告2025第61号' -> '商务部公告2025年第10号' etc."""
    text = re.sub(r"\s+", "", value)
    match = re.search(r"(公告|令)((?:\d|[〇一二三四五六七八九]){4})年?第(\d+)号", text)
    if not match:
        return None
    issuer = text[: match.start()]
    year = "".join(_CN_DIGITS.get(c, c) for c in match.group(2))
    if "不可靠实体清单工作机制" in issuer:
        return f"不可靠实体清单工作机制公告{year}年第{int(match.group(3))}号"
    if "商务部" in issuer or issuer in ("", "、"):
        return f"商务部{match.group(1)}{year}年第{int(match.group(3))}号"
    return None


def extract_items(text: str) -> tuple[ExtractedItem, ...]:
    """The control codes an item announcement spells out, with nested points and HS codes."""
    items: list[tuple[str, str, list[str]]] = []  # (code, paragraph, lines)
    open_codes: list[int] = []  # indexes in `items` that take the nested points
    section = ""
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if _END.match(line):
            open_codes = []
            if items:
                break
            continue
        if m := _SECTION.match(line):
            section = m.group(1)
            open_codes = []
            if m.group(2):
                items.append((m.group(2), section, [m.group(3).strip()]))
                open_codes = [len(items) - 1]
        elif m := _ITEM_CODE_LAST.match(line):
            items.append((m.group(3), f"{section}（{m.group(1)}）", [m.group(2).strip()]))
            open_codes = []  # no nested points follow a code printed last
        elif m := _ITEM.match(line):
            codes = m.group(2).split("、")
            for code in codes:
                items.append((code, f"{section}（{m.group(1)}）", [m.group(3).strip()]))
            open_codes = list(range(len(items) - len(codes), len(items)))
        elif _SUB_POINT.match(line):
            for i in open_codes:
                items[i][2].append(line)
    return _merge_same_code(items)


def _merge_same_code(items: list[tuple[str, str, list[str]]]) -> tuple[ExtractedItem, ...]:
    # 2025 No. 10 prints 1E101.b twice (technology for 1C004/1C117.c/.d, then for 1C117.b).
    merged: dict[str, ExtractedItem] = {}
    for code, paragraph, lines in items:
        text = "".join(lines)
        hs = tuple(h for m in _HS.finditer(text) for h in re.findall(r"\d{8,10}", m.group(1)))
        if code in merged:
            old = merged[code]
            merged[code] = ExtractedItem(
                code,
                f"{old.text_zh}\n{text}",
                tuple(dict.fromkeys(old.hs_codes + hs)),
                f"{old.paragraph}、{paragraph}",
            )
        else:
            merged[code] = ExtractedItem(code, text, tuple(dict.fromkeys(hs)), paragraph)
    return tuple(merged.values())


def extract_suspensions(announcement: Announcement, text: str) -> tuple[Suspension, ...]:
    """Suspensions ordered as "自即日起至YYYY年M月D日，…公告…暂停实施" (2025 Nos. 70 and 72)."""
    out = []
    for m in re.finditer(rf"自即日起至{_DATE}，(.+?)暂停实施", _squash(text)):
        if announcement.published is None:
            raise MalformedFile(
                "a suspension 'from today' needs the signing date", location=announcement.key
            )
        end = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        targets = m.group(4)
        for group in re.finditer(
            r"公告(\d{4})年第((?:\d+号、?)+)(?:（《[^》]+》）)?(第[一二三四五六七八九十]+款)?",
            targets,
        ):
            for number in re.findall(r"(\d+)号", group.group(2)):
                out.append(
                    Suspension(
                        target=f"商务部公告{group.group(1)}年第{int(number)}号",
                        paragraph=group.group(3),
                        start=announcement.published,
                        end=end,
                        by=announcement.key,
                        by_number=announcement.number,
                    )
                )
    return tuple(out)


def parser_discrepancies(row_codes: tuple[str, ...], text: str) -> dict[str, tuple[str, ...]]:
    """Where the repackager's controlCodes differ from the codes the text spells out as items."""
    printed = {item.code for item in extract_items(text)}
    listed = set(row_codes)
    return {
        "only_in_parser": tuple(sorted(listed - printed)),
        "only_in_text": tuple(sorted(printed - listed)),
    }


def _announcement(row: dict[str, Any], title: str, text: str, location: str) -> Announcement:
    doc_number = _first(r"【发布文号】\s*(\S+)", text)
    number = _title_number(title) or doc_number or _body_number(text)
    kind = classify(title, text, row.get("recordType"))
    key = (
        canonical_key(doc_number or "")
        or canonical_key(number or "")
        or (title if kind == "law" else None)  # laws are cited by their name
        or _url_key(row.get("sourceUrl"), location)
    )
    posted = iso_date(row.get("publishedAt"), location, what="publishedAt")
    signed = None if kind == "guidance" else _signed_on(text)
    effective, notes = (None, ()) if kind == "guidance" else _effective(row, text, signed, location)
    authorities = row.get("issuingAuthorities") or ()
    if not isinstance(authorities, list | tuple) or not all(
        isinstance(a, str) for a in authorities
    ):
        raise MalformedFile("issuingAuthorities is not a list of names", location=location)
    return Announcement(
        key=key,
        number=number,
        title=title,
        authorities=tuple(authorities),
        published=signed or posted,
        effective=effective,
        kind=kind,
        url=row.get("sourceUrl") or None,
        summary_zh=_summary(title, number),
        excerpt_zh=_excerpt(text),
        document_number=doc_number,
        posted=posted,
        control_codes=tuple(item.code for item in extract_items(text)),
        notes=notes,
    )


def classify(title: str, text: str, record_type: Any) -> str:
    """The kind of text, from its title and wording (the repackager's measureType is unreliable)."""
    rules = (
        (
            record_type == "guidance"
            or "常见问" in title
            or "问题解答" in title
            or "指南" in title,
            "guidance",
        ),
        ("许可证管理目录" in title, "licence_catalogue"),
        ("发布《中华人民共和国两用物项出口管制清单》" in title, "dual_use_list"),
        ("暂停实施" in text and len(text) < 400 and "令" not in title, "suspension"),
        ("境外" in title and "实施出口管制" in title, "extraterritorial"),
        ("实施出口管制的决定" in title, "item_control"),
        ("不可靠实体清单" in title, "unreliable_entity_list"),
        ("管控名单" in title, "control_list_designation"),
        ("关注名单" in title, "watch_list_designation"),
        ("反制" in title, "countermeasure"),
        ("易制毒化学品" in title, "precursor_chemicals"),
        ("举报" in title, "enforcement_procedure"),
        ("出口管制的公告" in title, "destination_measure"),
        (title.endswith("法") or title.endswith("条例"), "law"),
    )
    return next((kind for matched, kind in rules if matched), "other")


def _title_number(title: str) -> str | None:
    m = re.match(r"^(.*?(?:公告|令)\s*(?:\d|[〇一二三四五六七八九]){4}年?\s*第\s*\d+\s*号)", title)
    return m.group(1).strip() if m else None


def _body_number(text: str) -> str | None:
    # Older notices print "中华人民共和国商务部 … 公 告 … 2022年 第42号" as a letterhead.
    head = re.sub(r"\s+", "", text[:200])
    m = re.search(r"(公告|令)(\d{4})年第(\d+)号", head)
    if m and head.startswith("中华人民共和国商务部"):
        issuers = "商务部 海关总署" if "海关总署" in head[: m.start()] else "商务部"
        return f"{issuers}{m.group(1)}{m.group(2)}年第{m.group(3)}号"
    if m and head.startswith("不可靠实体清单工作机制"):
        return f"不可靠实体清单工作机制公告{m.group(2)}年第{m.group(3)}号"
    return None


def _url_key(url: Any, location: str) -> str:
    if not isinstance(url, str) or "://" not in url:
        raise MalformedFile(
            "a notice without number needs a sourceUrl to be keyed", location=location
        )
    return re.sub(r"\.html?$", "", url.split("://", 1)[1])


def _signed_on(text: str) -> date | None:
    """The date the text is signed: 【发文日期】, a date standing alone on its line (the signature),
    or for a law the adoption date printed at its head; None when the text prints none."""
    if m := re.search(rf"【发文日期】\s*{_DATE}", text):
        return _to_date(m)
    for line in text.splitlines():
        if m := re.fullmatch(rf"\s*{_DATE}\s*", line):
            return _to_date(m)
    if m := re.match(rf"\s*（{_DATE}[^）]*通过）", text):
        return _to_date(m)
    return None


def _effective(
    row: dict[str, Any], text: str, signed: date | None, location: str
) -> tuple[date | None, tuple[str, ...]]:
    """The earliest date any part takes effect, as the text states it; else the portal's date."""
    flat = _squash(text)
    if m := re.search(rf"本(?:法|条例|规定|办法)自{_DATE}起施行", flat):
        found = [_to_date(m)]  # a law: its own commencement clause, not dates it quotes
    else:
        found = [_to_date(m) for m in re.finditer(rf"自{_DATE}起(?:正式)?(?:实施|施行)", flat)]
    if signed and re.search(r"自(?:公布|发布)之日起(?:正式)?(?:实施|施行)|自即日起", flat):
        found.append(signed)
    portal = iso_date(row.get("effectiveFrom"), location, what="effectiveFrom")
    if not found:
        return portal, ()
    effective = min(found)
    notes: tuple[str, ...] = ()
    if len(set(found)) > 1:
        dates = ", ".join(sorted({d.isoformat() for d in found}))
        notes += (f"parts take effect on different dates: {dates}",)
    if portal and portal != effective:
        notes += (
            f"the portal's effectiveFrom says {portal.isoformat()}; "
            f"the text says {effective.isoformat()}",
        )
    return effective, notes


def _summary(title: str, number: str | None) -> str:
    rest = title[len(number) :] if number and title.startswith(number) else title
    return rest.strip(" 　:：") or title


def _excerpt(text: str, limit: int = 300) -> str:
    lines = [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("【")
    ]
    body = "".join(lines)
    return body if len(body) <= limit else body[:limit] + "…"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _first(pattern: str, text: str) -> str | None:
    m = re.search(pattern, text)
    return m.group(1).strip() if m else None


def _to_date(m: re.Match[str]) -> date:
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


# ---- The curated item file (snapshot/catalogue/items_from_announcements.yaml) ------------------

_ENTRY_KEYS = {
    "code", "parent", "text_zh", "hs_codes", "hs_codes_source", "announcement", "effective_from",
    "citation", "verified_in", "note",
}  # fmt: skip
_REFERENCED_KEYS = {
    "key", "number", "title", "published", "effective", "kind", "source", "confidence", "notes",
}  # fmt: skip
_INTRODUCED_KEYS = {"code", "announcement", "effective_from", "citation", "verified_in"}
LIST_SOURCE = "cn-dual-use-control-list"


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported with its entry."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class CuratedItems:
    """The curated file: item entries, codes introduced later, referenced announcements."""

    entries: tuple[ControlEntry, ...]
    verified_in: dict[str, str]  # code -> the text it was checked against
    introduced: tuple[tuple[str, str, date, str], ...]  # (code, announcement, effective, citation)
    referenced: tuple[Announcement, ...]


def load_curated_items(raw: RawFile) -> CuratedItems:
    """Read and validate the curated YAML; any bad entry raises MalformedFile naming it."""
    try:
        doc = yaml.load(raw.text(), Loader=_TextDatesLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise MalformedFile(f"invalid YAML: {exc}", location=raw.name) from exc
    if not isinstance(doc, dict) or doc.get("format") != "exportctl-announcement-items/1":
        raise MalformedFile("expected format: exportctl-announcement-items/1", location=raw.name)
    entries, verified, seen = [], {}, set()
    for index, row in enumerate(_rows(doc, "entries", raw.name)):
        where = f"{raw.name} entries[{index}] ({row.get('code')!r})"
        entry = _curated_entry(row, where)
        if entry.code in seen:
            raise MalformedFile(f"duplicate code {entry.code}", location=where)
        seen.add(entry.code)
        entries.append(entry)
        verified[entry.code] = str(row["verified_in"])
    introduced = []
    for index, row in enumerate(_rows(doc, "introduced_codes", raw.name)):
        where = f"{raw.name} introduced_codes[{index}] ({row.get('code')!r})"
        _check_keys(row, _INTRODUCED_KEYS, where)
        code = _text(row, "code", where)
        if not CODE_PATTERN.match(code) or "." in code:
            raise MalformedFile(f"{code!r} is not a top-level control code", location=where)
        introduced.append(
            (
                code,
                _text(row, "announcement", where),
                _day(row, "effective_from", where),
                _text(row, "citation", where),
            )
        )
    referenced = tuple(
        _referenced(row, f"{raw.name} referenced_announcements[{i}]")
        for i, row in enumerate(_rows(doc, "referenced_announcements", raw.name))
    )
    return CuratedItems(tuple(entries), verified, tuple(introduced), referenced)


def _curated_entry(row: dict[str, Any], where: str) -> ControlEntry:
    _check_keys(row, _ENTRY_KEYS, where)
    code = _text(row, "code", where)
    if not CODE_PATTERN.match(code):
        raise MalformedFile(
            f"control code {code!r} does not match {CODE_PATTERN.pattern}", location=where
        )
    if row.get("parent") != parent_code(code):
        raise MalformedFile(
            f"parent {row.get('parent')!r} is not {parent_code(code)!r}", location=where
        )
    hs = row.get("hs_codes")
    if not isinstance(hs, list) or not all(isinstance(h, str) and HS_PATTERN.match(h) for h in hs):
        raise MalformedFile("hs_codes must be a list of 8- or 10-digit strings", location=where)
    text = _text(row, "text_zh", where)
    from_list = _text(row, "verified_in", where) == LIST_SOURCE
    citation = _text(row, "citation", where)
    if row.get("note"):
        citation = f"{citation}. Note: {row['note']}"
    return ControlEntry(
        code=code,
        parent=parent_code(code),
        category=int(code[0]),
        group=code[1],
        text_zh=text,
        reason=SOURCE_REASON_BY_DIGIT.get(code[2]),
        reason_derived=True,
        item_type=SOURCE_ITEM_TYPE_BY_GROUP[code[1]],
        text_degraded=is_text_degraded(text),
        text_complete=not from_list,  # the list JSON holds truncated snippets only
        hs_codes=tuple(hs),
        source_announcement=_text(row, "announcement", where),
        effective_from=_day(row, "effective_from", where),
        source=LIST_SOURCE if from_list else "cn-mofcom-notices",
        citation=citation,
    )


def _referenced(row: dict[str, Any], where: str) -> Announcement:
    _check_keys(row, _REFERENCED_KEYS, where)
    notes = row.get("notes") or []
    if not isinstance(notes, list):
        raise MalformedFile("notes must be a list", location=where)
    number = _text(row, "number", where)
    issuers = re.split(r"[\s、]+", re.split(r"公告|令", number)[0])
    return Announcement(
        key=_text(row, "key", where),
        number=number,
        title=row.get("title"),
        authorities=tuple(i for i in issuers if i),
        published=None if row.get("published") is None else _day(row, "published", where),
        effective=None if row.get("effective") is None else _day(row, "effective", where),
        kind=_text(row, "kind", where),
        in_source=False,
        source=_text(row, "source", where),
        notes=(f"confidence: {_text(row, 'confidence', where)}", *map(str, notes)),
    )


def _rows(doc: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    rows = doc.get(key) or []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise MalformedFile(f"{key} must be a list of mappings", location=name)
    return rows


def _check_keys(row: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(row) - allowed
    if unknown:
        raise MalformedFile(f"unknown field(s) {sorted(unknown)}", location=where)


def _text(row: dict[str, Any], key: str, where: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise MalformedFile(f"missing or empty {key}", location=where)
    return value.strip()


def _day(row: dict[str, Any], key: str, where: str) -> date:
    value = row.get(key)
    try:
        if isinstance(value, str):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise MalformedFile(f"{key} must be a date (YYYY-MM-DD), got {value!r}", location=where)
