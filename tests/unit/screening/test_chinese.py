"""Chinese names: pinyin, romanisation variants, enterprise-name structure (table-driven)."""

from __future__ import annotations

import pytest

from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.chinese import (
    han_syllables,
    is_transliteration,
    romanisation_readings,
    segment_organisation,
    wade_giles,
)
from exportctl.core.screening.tokens import FORM, GENERIC, NAME, REGION


@pytest.mark.parametrize(
    ("spelling", "pinyin"),
    [
        ("tsinghua", "qinghua"),  # postal romanisation (Tsinghua University)
        ("peking", "beijing"),  # postal place name
        ("hsi", "xi"),  # Wade-Giles
        ("chinping", "jinping"),  # Wade-Giles, unspaced
        ("tsetung", "zedong"),  # Wade-Giles (Mao Tse-tung)
        ("chang", "zhang"),  # Wade-Giles ch = zh
        ("cheung", "zhang"),  # Cantonese (Hong Kong government romanisation)
        ("zhongxing", "zhongxing"),  # unspaced pinyin segments into zhong + xing
        ("dajiang", "dajiang"),
    ],
)
def test_romanisation_readings_include_the_pinyin(spelling, pinyin):
    assert pinyin in romanisation_readings(spelling)


def test_words_that_are_not_chinese_syllables_have_no_readings():
    assert romanisation_readings("hassan") == frozenset()
    assert romanisation_readings("vladimir") == frozenset()


def test_wade_giles_of_pinyin_drops_apostrophes():
    assert "chih" in wade_giles("zhi")
    assert "hsi" in wade_giles("xi")
    assert "kuo" in wade_giles("guo")


def test_han_syllables_read_phrases_not_characters():
    assert han_syllables("重庆") == ("chong", "qing")
    assert han_syllables("习近平") == ("xi", "jin", "ping")


def test_enterprise_name_splits_into_region_trade_name_industry_and_form():
    segments = segment_organisation(["浙江大华技术股份有限公司"])
    assert [s.surface for s in segments] == ["浙江", "大华", "技术", "股份有限公司"]
    assert [t.kind for t in analyse_name("浙江大华技术股份有限公司").tokens] == [
        REGION,
        NAME,
        GENERIC,
        FORM,
    ]


def test_trade_name_keeps_two_characters_before_a_one_character_word():
    # 宝港 is the trade name; 港 (port) must not cut it to one character
    surfaces = [s.surface for s in segment_organisation(["山东宝港国际港务股份有限公司"])]
    assert surfaces[:2] == ["山东", "宝港"]


def test_chinese_person_name_reads_surname_and_joined_given_name():
    tokens = analyse_name("习近平").tokens
    assert [t.text for t in tokens] == ["xi", "jinping"]


def test_given_name_written_first_with_spaces_is_still_one_given_name():
    tokens = analyse_name("斌 莉 徐", "Person").tokens
    assert [t.text for t in tokens] == ["xu", "binli"]


@pytest.mark.parametrize(
    ("name", "foreign"), [("托德斯坦恩", True), ("习近平", False), ("华为", False)]
)
def test_transliterated_foreign_names_are_recognised(name, foreign):
    assert is_transliteration(name) is foreign


def test_hyphenated_wade_giles_given_name_is_one_word():
    assert [t.text for t in analyse_name("Li Yun-chiang", "Person").tokens] == ["li", "yunchiang"]
    assert [t.text for t in analyse_name("Jean-Marie Le Pen", "Person").tokens][:2] == [
        "jean",
        "marie",
    ]
