"""Country names to ISO 3166-1 alpha-2: English via pycountry, Chinese via the zh name table."""

from __future__ import annotations

import csv
import gettext
import re
from functools import lru_cache
from pathlib import Path

import pycountry

# Names the lists use that pycountry does not carry (short forms, older names, territories).
_ENGLISH_ALIASES = {
    "russia": "RU",
    "turkey": "TR",
    "turkiye": "TR",
    "kosovo": "XK",
    "iran": "IR",
    "syria": "SY",
    "north korea": "KP",
    "korea north": "KP",
    "dprk": "KP",
    "south korea": "KR",
    "korea south": "KR",
    "burma": "MM",
    "laos": "LA",
    "vietnam": "VN",
    "bolivia": "BO",
    "venezuela": "VE",
    "moldova": "MD",
    "tanzania": "TZ",
    "united republic of tanzania": "TZ",
    "czech republic": "CZ",
    "usa": "US",
    "u s a": "US",
    "united states of america": "US",
    "uk": "GB",
    "great britain": "GB",
    "taiwan": "TW",
    "macau": "MO",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "cape verde": "CV",
    "swaziland": "SZ",
    "macedonia": "MK",
    "brunei": "BN",
    "the netherlands": "NL",
    "holland": "NL",
    "uae": "AE",
    "democratic republic of the congo": "CD",
    "congo democratic republic": "CD",
    "republic of the congo": "CG",
    "congo republic": "CG",
    "state of palestine": "PS",
    "palestinian territories": "PS",
    "palestinian territory": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "gaza strip": "PS",
    "china hong kong special administrative region": "HK",
    "hong kong sar": "HK",
    "vatican": "VA",
    "micronesia": "FM",
}

# MOFCOM's own way of naming Taiwan, and the SARs' usual short forms.
_ZH_ALIASES = {"台湾地区": "TW", "台湾": "TW", "臺灣": "TW", "香港": "HK", "澳门": "MO"}
# Every notice names China as the issuer: never read it as a listed party's country.
_ZH_SKIP_ISO3 = {"CHN"}


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _norm(value: str) -> str:
    return _NON_ALNUM.sub(" ", value.casefold()).strip()


@lru_cache(maxsize=1)
def _english_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_3", "alpha_2"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(_norm(value), country.alpha_2)
    index.update(_ENGLISH_ALIASES)
    return index


@lru_cache(maxsize=8192)
def iso2(name: str | None) -> str | None:
    """ISO2 for an English country name or code ("Iran (Islamic Republic of)", "USA"), else None."""
    if not name:
        return None
    index = _english_index()
    key = _norm(name)
    if key in index:
        return index[key]
    # "Iran (Islamic Republic of)", "Congo (Democratic Republic)": try the words outside brackets.
    outside = _norm(re.sub(r"\(.*?\)", " ", name))
    inside = _norm(" ".join(re.findall(r"\((.*?)\)", name)))
    return (
        index.get(outside) or index.get(f"{outside} {inside}") or index.get(f"{inside} {outside}")
    )


@lru_cache(maxsize=65536)
def iso2_in_address(address: str) -> str | None:
    """ISO2 of the country an address ends with ("... Havana Cuba", "..., Belgium"), else None."""
    tail = address.rsplit(",", 1)[-1]
    found = iso2(tail)
    if found:
        return found
    index = _english_index()
    words = _norm(address).split()
    for size in (5, 4, 3, 2, 1):
        if len(words) >= size and (found := index.get(" ".join(words[-size:]))):
            return found
    return None


@lru_cache(maxsize=4)
def _zh_index(csv_path: Path | None) -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, set[str]] = {}
    for value, code in _zh_names(csv_path):
        if len(value) >= 2:
            names.setdefault(value, set()).add(code)
    # A name shared by two countries (圭亚那: Guyana, French Guiana) decides nothing.
    index = {name: codes.pop() for name, codes in names.items() if len(codes) == 1}
    index.update(_ZH_ALIASES)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(index, key=len, reverse=True)))
    return pattern, index


def _zh_names(csv_path: Path | None) -> list[tuple[str, str]]:
    """(Chinese name, ISO2) from the regional-variants table, else pycountry's zh_CN names."""
    if csv_path is None or not csv_path.is_file():
        zh = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True
        )
        return [
            (zh.gettext(getattr(c, attr)), c.alpha_2)
            for c in pycountry.countries
            for attr in ("name", "common_name", "official_name")
            if getattr(c, attr, None) and c.alpha_3 not in _ZH_SKIP_ISO3
        ]
    iso3_to_iso2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    columns = ("short_name", "full_name", "variant_1", "variant_2", "variant_3", "variant_4")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return [
            (value, iso3_to_iso2[row["iso3c"]])
            for row in csv.DictReader(handle)
            if row["iso3c"] in iso3_to_iso2 and row["iso3c"] not in _ZH_SKIP_ISO3
            for value in ((row.get(c) or "").strip() for c in columns)
            if value and value != "NA"
        ]


def iso2_in_zh_text(text: str, csv_path: Path | None) -> tuple[str, ...]:
    """ISO2 codes of the Chinese country names in a text ("20家日本实体" -> JP), longest first."""
    pattern, index = _zh_index(csv_path)
    return tuple(dict.fromkeys(index[m.group(0)] for m in pattern.finditer(text)))


def iso2_zh_prefix(address: str, csv_path: Path | None) -> str | None:
    """ISO2 of the Chinese country name an address starts with ("日本东京都..." -> JP)."""
    pattern, index = _zh_index(csv_path)
    match = pattern.match(address)
    return index[match.group(0)] if match else None
