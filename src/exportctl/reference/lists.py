"""The party lists exportctl knows: stable codes, names in both languages, publisher, legal basis."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ListInfo:
    code: str
    name_zh: str
    name_en: str
    publisher: str
    legal_basis: str
    chinese: bool  # a PRC list, binding on exporters (as opposed to a foreign list they respect)


LISTS: dict[str, ListInfo] = {
    info.code: info
    for info in (
        ListInfo(
            "mofcom_control",
            "出口管制管控名单",
            "MOFCOM Export Control Control List",
            "商务部 (MOFCOM)",
            "Export Control Law Art. 18; Dual-Use Regulations Arts. 28-30",
            True,
        ),
        ListInfo(
            "mofcom_watch",
            "关注名单",
            "MOFCOM Watch List",
            "商务部 (MOFCOM)",
            "Dual-Use Regulations Art. 26",
            True,
        ),
        ListInfo(
            "uel",
            "不可靠实体清单",
            "Unreliable Entity List",
            "不可靠实体清单工作机制 (UEL Working Mechanism, MOFCOM)",
            "Provisions on the Unreliable Entity List (MOFCOM Order 2020 No. 4) Arts. 2, 8, 10",
            True,
        ),
        ListInfo(
            "mfa_countermeasure",
            "外交部反制裁清单",
            "MFA Countermeasure List",
            "外交部 (Ministry of Foreign Affairs)",
            "Anti-Foreign Sanctions Law Arts. 4-6, 15",
            True,
        ),
        ListInfo(
            "un_sc",
            "联合国安理会综合制裁名单",
            "UN Security Council Consolidated List",
            "United Nations Security Council",
            "UN Charter Chapter VII resolutions; Export Control Law Art. 10 (international obligations)",
            False,
        ),
        ListInfo(
            "ofac_sdn",
            "美国OFAC特别指定国民清单",
            "US OFAC SDN and Consolidated (Non-SDN) Lists",
            "U.S. Treasury OFAC",
            "Foreign list (not PRC law): respected for the exporter's risk assessment",
            False,
        ),
        ListInfo(
            "uk_sanctions",
            "英国制裁名单",
            "UK Sanctions List",
            "UK FCDO",
            "Foreign list (not PRC law): respected for the exporter's risk assessment",
            False,
        ),
        ListInfo(
            "eu_fsf",
            "欧盟金融制裁综合名单",
            "EU Consolidated Financial Sanctions List",
            "European Commission",
            "Foreign list (not PRC law): respected for the exporter's risk assessment",
            False,
        ),
        ListInfo(
            "us_bis_dpl",
            "美国BIS被拒绝人员清单",
            "US BIS Denied Persons List",
            "U.S. Department of Commerce BIS",
            "Foreign list (not PRC law); the bundled edition is from 2022",
            False,
        ),
    )
}
