"""score_names facts: the named cases of the screening issue, hard negatives, names from the real
lists in other scripts, and invariants (Hypothesis).

Real-list examples: UN Security Council Consolidated List (official XML, ../shared/data/
un-sc-consolidated-list, record IQi.001 NAME_ORIGINAL_SCRIPT), UK Sanctions List
(../shared/data/uk-sanctions-list, records RUS0641, RUS0190, BEL0111, RUS1709, MYA0046).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.core.screening import DEFAULT_THRESHOLD, score_names

MATCHES = [
    # (name1, name2, schema, why)
    (
        "华为技术有限公司",
        "Huawei Technologies",
        None,
        "Han vs Latin: pinyin trade name + translation",
    ),
    ("华为", "華為", None, "simplified vs traditional"),
    ("习近平", "Xi Jinping", None, "Han person vs pinyin"),
    ("Xi Jinping", "Xi Jin-ping", "Person", "hyphenated given name"),
    ("习近平", "Xi Jin-ping", None, "Han person vs hyphenated pinyin"),
    ("Hsi Chin-ping", "Xi Jinping", "Person", "Wade-Giles vs pinyin"),
    ("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group", None, "abbreviations"),
    ("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communication Group Co., Ltd.", None, "nk#274"),
    (
        "浙江大华技术股份有限公司",
        "Zhejiang Dahua Technology Co., Ltd.",
        None,
        "region+trade+industry+form",
    ),
    ("Tsinghua University", "Qinghua University", None, "postal romanisation"),
    (
        "TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY",
        "TACTICAL MISSILES CORPORATION JOYNT STOCK COMPANY",
        None,
        "typo in a legal-form phrase",
    ),
    ("Barack Obama", "Барак Хусеин Обама", "Person", "one sound, two spellings (ck = к)"),
    ("मोदी", "Modi", "Person", "Devanagari vowel signs are part of the word"),
    ("Peking University", "北京大学", None, "postal place name vs Han"),
    ("ZTE Corporation", "Zhongxing Telecommunication Equipment Corporation", None, "initials"),
    ("Siemens Aktiengesellschaft", "Siemens AG", None, "legal form expansion"),
    ("OOO Orion", "Orion LLC", None, "Russian legal form = LLC"),
    ("ООО Орион", "Orion LLC", None, "Cyrillic legal form and name"),
    ("Gazprom Bank", "Gazprombank", None, "joined words"),
    ("OAO Gazprom", "Gazprom JSC", None, "open joint-stock company = JSC"),
    ("Osama bin Laden", "Usama bin Ladin", "Person", "transliteration variants"),
    ("Vladimir Vladimirovich Putin", "Владимир Путин", "Person", "Cyrillic, extra patronymic"),
    ("معمر القذافي", "Muammar Gaddafi", "Person", "Arabic script"),
    ("김정은", "Kim Jong Un", "Person", "Hangul vs McCune-Reischauer"),
]

REAL_LIST_MATCHES = [
    ("صدام حسين التكريتي", "SADDAM HUSSEIN AL-TIKRITI", "Person"),  # UN IQi.001
    ("Геннадий Иванович Скляр", "Gennady Ivanovich SKLYAR", "Person"),  # UK RUS0641
    ("ПАО Мостотрест", "PJSC Mostotrest", "Organization"),  # UK RUS0190
    ("ОАО 'Беларуськалий'", "Open Joint Stock Company 'Belaruskali'", "Organization"),  # UK BEL0111
    ("АО ЗАВОД УНИВЕРСАЛМАШ", "JSC PLANT UNIVERSALMASH", "Organization"),  # UK RUS1709
    ("ООО 'УРАЛ АВИА'", "Ural Avia LLC", "Organization"),  # UK MYA0046
]

HARD_NEGATIVES = [
    ("Lockheed Martin Space Systems", "Lockheed Martin Corporation", None, "subsidiary vs parent"),
    ("Lockheed Martin Space Systems", "Lockheed Martin Corporation", "Company", "same, as company"),
    ("Bank of China", "Bank of India", None, "one conflicting place"),
    ("Deutsche Bank AG", "Deutsche Bank GmbH", None, "AG and GmbH: two legal persons"),
    ("Gazprom Neft PJSC", "Gazprom Neft LLC", None, "PJSC and LLC: two legal persons"),
    ("John Smith", "Jane Smith", "Person", "same surname, other given name"),
    ("Sergey Viktorovich Lavrov", "Sergey Ivanevich Lavrov", "Person", "other patronymic"),
    ("ABC Trading LLC", "ABD Trading LLC", None, "one-letter brand change"),
    (
        "China Electronics Technology Group Corporation",
        "China Electronics Corporation",
        None,
        "different state-owned group",
    ),
    ("Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi", "Person", "son/father swapped"),
    ("习近朋", "习近平", "Person", "other character in the given name"),
    ("Maria Lopez", "Mario Lopez", "Person", "other gender"),
    ("华为技术有限公司", "中兴通讯股份有限公司", None, "two Chinese companies"),
]


@pytest.mark.parametrize(("name1", "name2", "schema", "why"), MATCHES)
def test_named_cases_match(name1, name2, schema, why):
    result = score_names(name1, name2, schema)
    assert result.match, f"{why}: {result.explanation.text_en()}"


@pytest.mark.parametrize(("name1", "name2", "schema"), REAL_LIST_MATCHES)
def test_other_script_names_from_the_lists_match_their_latin_names(name1, name2, schema):
    result = score_names(name1, name2, schema)
    assert result.match, result.explanation.text_en()


@pytest.mark.parametrize(("name1", "name2", "schema", "why"), HARD_NEGATIVES)
def test_hard_negatives_stay_below_the_threshold(name1, name2, schema, why):
    result = score_names(name1, name2, schema)
    assert result.score < DEFAULT_THRESHOLD, f"{why}: {result.explanation.text_en()}"


def test_two_syllable_chinese_name_alone_is_held_below_the_threshold():
    result = score_names("张伟", "Zhang Wei", "Person")
    assert not result.match
    assert result.explanation.common_name


def test_explanation_names_the_parts_and_how_they_matched():
    explanation = score_names("华为技术有限公司", "Huawei Technologies Co., Ltd.").explanation
    hows = {(m.query_part, m.how) for m in explanation.matches}
    assert ("华为", "pinyin") in hows
    assert ("技术", "translation") in hows
    assert ("有限公司", "legal_form") in hows
    assert "pinyin" in explanation.text_en()
    assert "汉字拼音" in explanation.text_zh()


def test_simplified_and_traditional_characters_are_reported_as_such():
    matches = score_names("華為", "华为").explanation.matches
    assert [m.how for m in matches] == ["simplified_traditional"]


def test_abbreviations_are_reported_as_abbreviations():
    matches = score_names("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group")
    assert {m.how for m in matches.explanation.matches} >= {"abbreviation"}


NAMES = st.sampled_from(
    [name for case in MATCHES + HARD_NEGATIVES for name in case[:2]]
    + ["Mohammad Hassan", "Смирнов Иван", "Kim Il Sung", "Acme Trading Co Ltd", "Ali"]
)


@given(NAMES, NAMES)
@settings(max_examples=200, deadline=None)
def test_score_is_symmetric_within_tolerance(a, b):
    assert abs(score_names(a, b).score - score_names(b, a).score) <= 0.05


@given(st.text(max_size=30), st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_score_is_between_zero_and_one(a, b):
    score = score_names(a, b).score
    assert 0.0 <= score <= 1.0


@given(NAMES)
@settings(max_examples=50, deadline=None)
def test_a_name_matches_itself(name):
    assert score_names(name, name).score >= 0.99


def test_explanation_serialises_to_json_with_both_texts():
    import json

    data = score_names("华为技术有限公司", "Huawei Technologies").explanation.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["matches"][0]["how"] == "pinyin"
    assert "汉字拼音" in data["text_zh"]
