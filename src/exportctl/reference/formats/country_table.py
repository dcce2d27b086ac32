"""The country table the system ships: ISO 3166-1, Chinese names, China Customs partner codes.

Sources: pycountry (ISO 3166-1 and the iso-codes zh_CN translation), `countries-zh` (Chinese
names in six regional variants, keyed by ISO3) and `cn-customs-hs-codes` trading-partner tables
(GACC partner code -> Chinese and English name). A partner code is assigned only when the
partner is a whole ISO country or territory; parts (Canary Islands, Society Islands), groupings
("Other Asia nes") and historic units (Serbia and Montenegro) get no ISO code.
"""

from __future__ import annotations

import csv
import gettext
import io
import re
from collections.abc import Mapping

import pycountry

from exportctl.core.errors import MalformedFile
from exportctl.reference.catalogue_records import Country
from exportctl.reference.formats.countries import iso2 as english_iso2
from exportctl.reference.formats.fields import KeyRegistry
from exportctl.reference.formats.rawfile import RawFile

_LANGUAGE_ORDER = ("zh_cn", "zh_sg", "zh_my", "zh_hk", "zh_mo", "zh_tw")
_NAME_COLUMNS = ("short_name", "full_name", "variant_1", "variant_2", "variant_3", "variant_4")
# Partner names neither the Chinese table nor the English resolver knows.
_PARTNER_OVERRIDES = {"East Timor": "TL", "São Tomé and Príncipe": "ST", "Vatican City State": "VA"}
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def parse_chinese_names(raw: RawFile) -> dict[str, dict[str, list[str]]]:
    """ISO3 -> language variant -> names (short name first), from countrynames-zh-variants.csv."""
    reader = csv.DictReader(io.StringIO(raw.text(), newline=""))
    missing = {"iso3c", "language", *_NAME_COLUMNS} - set(reader.fieldnames or ())
    if missing:
        raise MalformedFile(f"missing column(s) {sorted(missing)}", location=f"{raw.name} line 1")
    names: dict[str, dict[str, list[str]]] = {}
    seen = KeyRegistry(raw.name)
    for row in reader:
        location = f"{raw.name} line {reader.line_num}"
        iso3, language = row["iso3c"].strip(), row["language"].strip()
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise MalformedFile(f"iso3c {iso3!r} is not three capital letters", location=location)
        seen.add(f"{iso3}/{language}", location)
        values = [v.strip() for v in (row[c] or "" for c in _NAME_COLUMNS)]
        values = [v for v in values if v and v != "NA"]
        if not values or row["short_name"].strip() in ("", "NA"):
            raise MalformedFile(f"{iso3}/{language}: no short_name", location=location)
        names.setdefault(iso3, {})[language] = values
    return names


def parse_partners(raw_zh: RawFile, raw_en: RawFile) -> dict[str, tuple[str, str]]:
    """GACC partner code -> (Chinese name, English name); the two files must list the same codes."""
    zh = _partner_column(raw_zh, "zh")
    en = _partner_column(raw_en, "en")
    if set(zh) != set(en):
        odd = sorted(set(zh) ^ set(en))
        raise MalformedFile(
            f"partner codes differ between the files: {odd[:5]}", location=raw_en.name
        )
    return {code: (zh[code], en[code]) for code in zh}


def build_countries(
    chinese: Mapping[str, Mapping[str, list[str]]], partners: Mapping[str, tuple[str, str]]
) -> tuple[Country, ...]:
    """One Country per ISO 3166-1 entry, sorted by ISO2."""
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"]).gettext
    partner_by_iso2 = _partners_by_iso2(chinese, partners)
    countries = []
    for entry in pycountry.countries:
        by_language = chinese.get(entry.alpha_3)
        if not by_language or "zh_cn" not in by_language:
            raise MalformedFile(
                f"no zh_cn name for {entry.alpha_3}", location="countrynames-zh-variants.csv"
            )
        name_zh = by_language["zh_cn"][0]
        others = [n for lang in _LANGUAGE_ORDER for n in by_language.get(lang, ())]
        partner = partner_by_iso2.get(entry.alpha_2)
        extra = [translate(entry.name), *([partner[1]] if partner else [])]
        names_other = tuple(
            dict.fromkeys(n for n in (*others, *extra) if n != name_zh and n != entry.name)
        )
        countries.append(
            Country(
                iso2=entry.alpha_2,
                iso3=entry.alpha_3,
                name_en=entry.name,
                name_zh=name_zh,
                names_zh_other=names_other,
                customs_partner_code=partner[0] if partner else None,
                customs_partner_name_zh=partner[1] if partner else None,
                numeric=entry.numeric,
            )
        )
    return tuple(sorted(countries, key=lambda c: c.iso2))


def _partners_by_iso2(
    chinese: Mapping[str, Mapping[str, list[str]]], partners: Mapping[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    iso3_to_2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    by_zh_name: dict[str, set[str]] = {}
    for iso3, by_language in chinese.items():
        for names in by_language.values():
            for name in names:
                by_zh_name.setdefault(name, set()).add(iso3_to_2.get(iso3, ""))
    found: dict[str, tuple[str, str]] = {}
    for code, (zh, en) in sorted(partners.items()):
        candidates = by_zh_name.get(zh, set()) - {""}
        iso = (
            candidates.pop()
            if len(candidates) == 1
            else _PARTNER_OVERRIDES.get(en) or english_iso2(en)
        )
        if not iso:
            continue  # a part of a country, a grouping or a historic unit
        if iso in found:
            raise MalformedFile(
                f"partner codes {found[iso][0]} and {code} both resolve to {iso}", location=code
            )
        found[iso] = (code, zh)
    return found


def _partner_column(raw: RawFile, column: str) -> dict[str, str]:
    reader = csv.DictReader(io.StringIO(raw.text(), newline=""))
    if not {"code", column} <= set(reader.fieldnames or ()):
        raise MalformedFile(f"expected columns code,{column}", location=f"{raw.name} line 1")
    out: dict[str, str] = {}
    seen = KeyRegistry(raw.name)
    for row in reader:
        location = f"{raw.name} line {reader.line_num}"
        code = (row.get("code") or "").strip()
        if not re.fullmatch(r"[0-9]{3}", code):
            raise MalformedFile(f"partner code {code!r} is not 3 digits", location=location)
        seen.add(code, location)
        # Upstream's manually cleaned file carries a stray NUL ("\x00Serbia and Montenegro").
        out[code] = _CONTROL_CHARS.sub("", row.get(column) or "").strip()
    return out
