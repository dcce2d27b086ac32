"""Foreign lists from ../shared/data (UN, OFAC, UK, EU FSF, BIS DPL); counts per PROVENANCE.md."""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from exportctl.reference.formats import bis_dpl, eu_fsf, ofac_json, uk_json, un_xml
from exportctl.reference.records import SourceSnapshot

SHARED = Path(__file__).resolve().parents[3] / "../shared/data"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not present: {SHARED}")

UN_FILE = SHARED / "un-sc-consolidated-list/un-consolidated-2026-02-27.xml.gz"
OFAC_FILE = SHARED / "us-ofac-sdn/ofac-sls.json.gz"
UK_FILE = SHARED / "uk-sanctions-list/uk-sanctions.json.gz"
EU_FILE = SHARED / "eu-financial-sanctions/eu-fsf-entities.jsonl.gz"
BIS_FILE = SHARED / "us-bis-denied-persons/dpl-2022-09.txt"


@functools.cache
def parsed(name: str) -> SourceSnapshot:
    parsers = {
        "un": (un_xml.parse, UN_FILE),
        "ofac": (ofac_json.parse, OFAC_FILE),
        "uk": (uk_json.parse, UK_FILE),
        "eu": (eu_fsf.parse, EU_FILE),
        "bis": (bis_dpl.parse, BIS_FILE),
    }
    parse, path = parsers[name]
    return parse(path)


def test_un_xml_has_730_individuals_and_273_entities() -> None:
    schemas = Counter(r.schema for r in parsed("un").records)
    assert schemas == {"Person": 730, "Organization": 273}


def test_un_regimes_match_provenance_counts() -> None:
    regimes = Counter(p for r in parsed("un").records for d in r.designations for p in d.programmes)
    assert regimes["Al-Qaida"] == 341
    assert regimes["DPRK"] == 155
    assert regimes["SouthSudan"] == 8
    assert sum(regimes.values()) == 1003


def test_un_name_original_script_is_parsed_with_its_script() -> None:
    # 378 NAME_ORIGINAL_SCRIPT elements; one repeats the Latin primary name and is not kept twice.
    originals = [n for r in parsed("un").records for n in r.names if n.kind == "original_script"]
    assert len(originals) == 377
    assert Counter(n.script for n in originals) == {"Arab": 366, "Cyrl": 11}


def test_un_low_quality_alias_is_a_weak_alias_and_good_an_alias() -> None:
    record = next(r for r in parsed("un").records if r.key == "6907995")  # GASTON IYAMUREMYE
    kinds = {n.value: n.kind for n in record.names}
    assert kinds["Rumuli"] == "weak_alias"
    assert kinds["Victor Rumuri"] == "alias"
    assert record.countries[0] == "RW"
    assert record.birth_dates == ("1948",)


def test_un_designation_carries_reference_number_regime_and_listing_date() -> None:
    record = next(r for r in parsed("un").records if r.key == "6907993")
    (designation,) = record.designations
    assert designation.list_code == "un_sc"
    assert designation.announcement == "CDi.001"
    assert designation.programmes == ("DRC",)
    assert designation.published == date(2012, 12, 31)


def test_un_provenance_has_list_date_sha256_and_repository() -> None:
    provenance = parsed("un").provenance
    assert provenance.list_date == date(2026, 2, 27)
    assert provenance.source_sha256 == hashlib.sha256(UN_FILE.read_bytes()).hexdigest()
    assert "moov-io/watchman" in (provenance.source_repository or "")


def test_un_passport_becomes_an_identifier_with_issuing_country() -> None:
    identifiers = [
        i for r in parsed("un").records for i in r.identifiers if i.value == "OB 0243318"
    ]
    assert identifiers and identifiers[0].type == "Passport" and identifiers[0].country == "CD"


def test_ofac_has_19199_sdn_and_481_non_sdn_designations() -> None:
    lists = Counter(d.announcement for r in parsed("ofac").records for d in r.designations)
    assert lists == {"SDN": 19199, "Non-SDN Consolidated": 481}


def test_ofac_has_19680_records_and_a_uid_on_both_lists_has_one_per_list() -> None:
    records = parsed("ofac").records
    assert len(records) == 19680
    vtb = [r for r in records if r.key in ("17013", "17013-cons")]
    assert [r.designations[0].announcement for r in vtb] == ["SDN", "Non-SDN Consolidated"]
    assert "93 OFAC uids" in (parsed("ofac").provenance.notes or "")


def test_ofac_descriptive_id_rows_are_remarks_not_identifiers() -> None:
    abbas = next(r for r in parsed("ofac").records if r.key == "2674")
    assert abbas.identifiers == ()
    assert "Secondary sanctions risk:" in (abbas.remarks or "")


def test_ofac_list_date_is_7_august_2026() -> None:
    assert parsed("ofac").provenance.list_date == date(2026, 8, 7)


def test_uk_has_6334_designations_and_3281_with_non_latin_names() -> None:
    records = parsed("uk").records
    assert len(records) == 6334
    assert sum(1 for r in records if any(n.kind == "original_script" for n in r.names)) == 3281
    assert Counter(r.schema for r in records) == {
        "Person": 4027,
        "Organization": 1643,
        "Vessel": 664,
    }


def test_uk_measures_are_split_and_coded() -> None:
    record = next(r for r in parsed("uk").records if r.key == "AFG0001")
    (designation,) = record.designations
    assert designation.measures == ("Asset freeze",)
    assert designation.measure_codes == ("asset_freeze",)
    assert designation.published == date(2012, 6, 29)
    assert "AF" in record.countries


def test_eu_has_4341_persons_1519_enterprises_and_597_vessels() -> None:
    schemas = Counter(r.schema for r in parsed("eu").records)
    assert schemas == {"Person": 4341, "Organization": 1519, "Vessel": 597}


def test_eu_alias_languages_and_scripts_are_kept() -> None:
    names = [n for r in parsed("eu").records for n in r.names]
    assert Counter(n.script for n in names)["Cyrl"] > 4000
    assert any(n.lang == "ru" and n.script == "Cyrl" for n in names)


def test_eu_regulation_becomes_designation_with_programme_and_dates() -> None:
    record = next(r for r in parsed("eu").records if r.key == "EU.1001.60")
    (designation,) = record.designations
    assert designation.programmes == ("TAQA",)
    assert designation.announcement == "2019/555 (OJ L97)"
    assert designation.effective == date(2019, 4, 9)


def test_eu_vessel_is_keyed_by_imo_number() -> None:
    vessel = next(r for r in parsed("eu").records if r.key == "IMO1021570")
    assert vessel.schema == "Vessel"
    assert vessel.identifiers[0].type == "imo"


def test_bis_dpl_581_rows_make_461_denied_persons() -> None:
    rows = BIS_FILE.read_text(encoding="utf-8").count("\n") - 1  # minus the header line
    assert rows == 581
    assert len(parsed("bis").records) == 461
    assert "581 rows" in (parsed("bis").provenance.notes or "")


def test_bis_person_with_two_addresses_is_one_record() -> None:
    record = next(r for r in parsed("bis").records if r.key == "ALI M HIJAZI|1981-09-01")
    # Three rows in the file (Geneva, Haute Savoie, Libya): one order, one person.
    assert set(record.countries) == {"CH", "FR", "LY"}
    assert len(record.addresses) == 3


def test_bis_designation_is_published_on_its_newest_federal_register_notice() -> None:
    record = next(r for r in parsed("bis").records if r.key == "AARON ABRAHAM VILLA|2022-08-24")
    (designation,) = record.designations
    assert designation.announcement == "87 F.R. 52741 8/29/2022"
    assert designation.published == date(2022, 8, 29)
    assert designation.effective == date(2022, 8, 24)
