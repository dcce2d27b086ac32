"""China Customs commodity codes with the flags of the 2026 catalogues.

Sources: `cn-customs-hs-codes` (GACC 8-digit national codes, 2023 edition, zh + en CSV),
`cn-dual-use-licence-catalogue-hs-2026` (the 10-digit codes printed in the export part of the
2026 《两用物项和技术进出口许可证管理目录》, 商务部 海关总署公告2025年第91号) and
`cn-export-licence-goods-2026` (出口许可证管理货物目录（2026年）, a different licence regime).
A catalogue code is a 10-digit 海关商品编号 (8-digit national code + 2-digit suffix); it keeps
its own row and borrows the names of its 8-digit parent.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_records import HSCode
from exportctl.reference.formats.fields import KeyRegistry
from exportctl.reference.formats.hub_json import load_records, row_location
from exportctl.reference.formats.rawfile import RawFile

_HS8 = re.compile(r"^[0-9]{8}$")
_HS10 = re.compile(r"^[0-9]{10}$")


def parse_hs8_names(raw: RawFile, code_column: str, name_column: str) -> dict[str, str]:
    """Code -> name from a GACC CSV table (zh: 商品编码/商品名称, en: CODES/DESCRIPTION)."""
    reader = csv.DictReader(io.StringIO(raw.text(), newline=""))
    missing = {code_column, name_column} - set(reader.fieldnames or ())
    if missing:
        raise MalformedFile(f"missing column(s) {sorted(missing)}", location=f"{raw.name} line 1")
    names: dict[str, str] = {}
    seen = KeyRegistry(raw.name)
    for row in reader:
        location = f"{raw.name} line {reader.line_num}"
        code = (row.get(code_column) or "").strip()
        if not _HS8.match(code):
            raise MalformedFile(f"HS code {code!r} is not 8 digits", location=location)
        seen.add(code, location)
        name = " ".join((row.get(name_column) or "").split())
        if not name:
            raise MalformedFile(f"{code}: empty {name_column}", location=location)
        names[code] = name
    if not names:
        raise MalformedFile("no rows", location=raw.name)
    return names


def parse_dual_use_catalogue(raw: RawFile) -> frozenset[str]:
    """The 10-digit codes of the 2026 dual-use licence catalogue (export part)."""
    doc = raw.json()
    if not isinstance(doc, dict) or not isinstance(doc.get("codes"), list):
        raise MalformedFile("expected a JSON object with a 'codes' list", location=raw.name)
    seen = KeyRegistry(raw.name)
    for index, code in enumerate(doc["codes"]):
        location = f"{raw.name} codes[{index}]"
        if not isinstance(code, str) or not _HS10.match(code):
            raise MalformedFile(f"HS code {code!r} is not 10 digits", location=location)
        seen.add(code, location)
    declared = (doc.get("metadata") or {}).get("code_count")
    if declared is not None and declared != len(doc["codes"]):
        raise MalformedFile(
            f"metadata.code_count says {declared}, the file holds {len(doc['codes'])} codes",
            location=raw.name,
        )
    return frozenset(doc["codes"])


def parse_export_licence_goods(raw: RawFile) -> dict[str, str | None]:
    """Code -> goods name of the 2026 export licence goods catalogue."""
    _, rows = load_records(raw)
    seen = KeyRegistry(raw.name)
    goods: dict[str, str | None] = {}
    for index, row in enumerate(rows):
        location = row_location(raw, index, row)
        code = str(row.get("customsCode") or "").strip()
        if not _HS10.match(code):
            raise MalformedFile(f"customsCode {code!r} is not 10 digits", location=location)
        seen.add(code, location)
        name = row.get("goodsName")
        goods[code] = " ".join(name.split()) if isinstance(name, str) and name.strip() else None
    return goods


def build_hs_codes(
    names_zh: Mapping[str, str],
    names_en: Mapping[str, str],
    dual_use: frozenset[str],
    licence_goods: Mapping[str, str | None],
    control_codes_by_hs: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[HSCode, ...]:
    """One row per HS8 code and per catalogue code, sorted; 8-digit flags summarise the children.

    A catalogue code whose 8-digit parent is not in the 2023 table (codes created since) keeps
    empty names rather than a guessed one.
    """
    by_hs = control_codes_by_hs or {}
    hs8 = sorted(set(names_zh) | set(names_en))
    ten = sorted(dual_use | set(licence_goods) | {c for c in by_hs if len(c) == 10})
    dual_use_parents = {c[:8] for c in dual_use}
    licence_parents = {c[:8] for c in licence_goods}
    rows: list[HSCode] = []
    for code in hs8:
        rows.append(
            HSCode(
                code=code,
                name_zh=names_zh.get(code),
                name_en=names_en.get(code),
                in_dual_use_catalogue_2026=code in dual_use_parents,
                in_export_licence_goods_2026=code in licence_parents,
                control_codes=by_hs.get(code, ()),
            )
        )
    for code in ten:
        parent = code[:8]
        rows.append(
            HSCode(
                code=code,
                name_zh=names_zh.get(parent),
                name_en=names_en.get(parent),
                in_dual_use_catalogue_2026=code in dual_use,
                in_export_licence_goods_2026=code in licence_goods,
                parent=parent,
                catalogue_name_zh=licence_goods.get(code),
                control_codes=by_hs.get(code, ()),
                names_from_parent=parent in names_zh or parent in names_en,
            )
        )
    return tuple(sorted(rows, key=lambda r: r.code))
