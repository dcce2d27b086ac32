"""The party-list sources exportctl imports: code, names, lists fed, parser, default files."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exportctl.reference.formats import bis_dpl, eu_fsf, mofcom, ofac_json, uk_json, un_xml
from exportctl.reference.records import SourceSnapshot

_MOFCOM_DIR = "cn-mofcom-controlled-parties"
_AMMITTO_LISTS = f"{_MOFCOM_DIR}/ammitto-data-cn/sources/sanction-lists"
# Aids the Chinese lists read besides their own files: notice texts and Chinese country names.
_ZH_COUNTRIES = "countries-zh/countrynames-zh-variants.csv"
_NOTICES = "cn-mofcom-notices/china-dual-use-notices.json.gz"


@dataclass(frozen=True)
class SourceInfo:
    """One source: its snapshot code, names, the list codes it feeds, and how to parse it."""

    code: str
    name_zh: str
    name_en: str
    list_codes: tuple[str, ...]
    parser: Callable[[Path], SourceSnapshot]  # takes the official file (or folder)
    default_files: tuple[str, ...]  # under the shared data directory; the first is parsed
    folder: str  # the shared data folder whose PROVENANCE.md describes the source

    def parse(self, path: Path | str) -> SourceSnapshot:
        """Parse a file in this source's official format (Chinese lists: see formats.mofcom)."""
        return self.parser(Path(path))

    def parse_default(self, shared_data_dir: Path | str) -> SourceSnapshot:
        """Parse the default input under the shared data directory."""
        return self.parse(Path(shared_data_dir) / self.default_files[0])


def _chinese(code: str) -> Callable[[Path], SourceSnapshot]:
    return functools.partial(mofcom.parse_source, code)


_UN = "un-sc-consolidated-list/un-consolidated-2026-02-27.xml.gz"
_OFAC = "us-ofac-sdn/ofac-sls.json.gz"
_UK = "uk-sanctions-list/uk-sanctions.json.gz"
_EU = "eu-financial-sanctions/eu-fsf-entities.jsonl.gz"
_BIS = "us-bis-denied-persons/dpl-2022-09.txt"

SOURCES: dict[str, SourceInfo] = {
    info.code: info
    for info in (
        SourceInfo(
            "mofcom",
            "商务部出口管制管控名单、关注名单",
            "MOFCOM Export Control Control List and Watch List",
            ("mofcom_control", "mofcom_watch"),
            _chinese("mofcom"),
            (
                f"{_MOFCOM_DIR}/china-control-entities.json",
                f"{_AMMITTO_LISTS}/import-export-control-list/",
                _NOTICES,
                _ZH_COUNTRIES,
            ),
            _MOFCOM_DIR,
        ),
        SourceInfo(
            "uel",
            "不可靠实体清单",
            "Unreliable Entity List",
            ("uel",),
            _chinese("uel"),
            (
                f"{_MOFCOM_DIR}/china-unreliable-entity.json",
                f"{_AMMITTO_LISTS}/unrealiable-entity-list/",
                f"{_MOFCOM_DIR}/ammitto-data-cn/sources/sanction-updates/unreliable-entity-list-updates/",
                _ZH_COUNTRIES,
            ),
            _MOFCOM_DIR,
        ),
        SourceInfo(
            "mfa",
            "外交部反制清单",
            "MFA Countermeasure (Anti-Sanctions) List",
            ("mfa_countermeasure",),
            _chinese("mfa"),
            (_MOFCOM_DIR, f"{_AMMITTO_LISTS}/anti-sanction-list/", _ZH_COUNTRIES),
            _MOFCOM_DIR,
        ),
        SourceInfo(
            "un",
            "联合国安理会综合制裁名单",
            "UN Security Council Consolidated List",
            ("un_sc",),
            un_xml.parse,
            (_UN,),
            "un-sc-consolidated-list",
        ),
        SourceInfo(
            "ofac",
            "美国OFAC特别指定国民清单及非SDN综合清单",
            "US OFAC SDN and Non-SDN Consolidated Lists",
            ("ofac_sdn",),
            ofac_json.parse,
            (_OFAC,),
            "us-ofac-sdn",
        ),
        SourceInfo(
            "uk",
            "英国制裁名单",
            "UK Sanctions List",
            ("uk_sanctions",),
            uk_json.parse,
            (_UK,),
            "uk-sanctions-list",
        ),
        SourceInfo(
            "eu",
            "欧盟金融制裁综合名单",
            "EU Consolidated Financial Sanctions List",
            ("eu_fsf",),
            eu_fsf.parse,
            (_EU,),
            "eu-financial-sanctions",
        ),
        SourceInfo(
            "bis_dpl",
            "美国BIS被拒绝人员清单",
            "US BIS Denied Persons List",
            ("us_bis_dpl",),
            bis_dpl.parse,
            (_BIS,),
            "us-bis-denied-persons",
        ),
    )
}
