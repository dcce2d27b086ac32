"""Normalisation facts: Unicode, case, punctuation, dotted initials, scripts (table-driven)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.core.screening.normalise import (
    HAN,
    LATIN,
    dominant_script,
    normalise_name,
    split_runs,
    to_simplified,
)

CASES = [
    ("Huawei Technologies Co., Ltd.", "huawei technologies co ltd"),
    ("J.P. Morgan & Co.", "jp morgan and co"),
    ("A.B.C. Company", "abc company"),
    ("U.S. Department of State", "us department of state"),
    ("People’s Liberation Army", "people liberation army"),
    ("Al-Qa'ida", "al qaida"),
    ("ＡＢＣ　Ｔｒａｄｉｎｇ", "abc trading"),  # full-width forms (NFKC)
    ("華為技術有限公司", "华为技术有限公司"),  # traditional folded to simplified
    ("贝拉克·奥巴马", "贝拉克 奥巴马"),  # middle dot separates given and family name
    ('ООО "Орион"', "ооо орион"),
    ("Xi Jin-ping", "xi jin ping"),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalise_name_folds_case_width_punctuation_and_traditional_han(raw, expected):
    assert normalise_name(raw) == expected


def test_traditional_chinese_folds_to_simplified():
    assert to_simplified("華為") == "华为"
    assert to_simplified("Huawei") == "Huawei"


def test_dominant_script_prefers_han_over_kana_in_japanese_names():
    assert dominant_script("三菱電機株式会社") == HAN
    assert dominant_script("Lockheed Martin") == LATIN


def test_combining_marks_stay_inside_their_word():
    # vowel signs and viramas (Devanagari), vowel points (Arabic) are not word breaks
    assert normalise_name("नरेन्द्र मोदी") == "नरेन्द्र मोदी"
    assert normalise_name("مُحَمَّد علي") == "مُحَمَّد علي"


def test_latin_and_cyrillic_look_alikes_inside_one_word_are_read_in_one_script():
    # ПAO with a Latin A, Сергiй with a Latin i, Mоsсоw with Cyrillic о and с
    assert normalise_name("ПAO Сергiй") == "пао сергій"
    assert normalise_name("Mоsсоw") == "moscow"
    assert normalise_name("l3哈里斯") == "l3哈里斯"  # not look-alikes: kept


def test_split_runs_separates_scripts_inside_one_word():
    assert split_runs("l3哈里斯公司") == [(LATIN, "l3"), (HAN, "哈里斯公司")]


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_normalisation_is_idempotent(text):
    once = normalise_name(text)
    assert normalise_name(once) == once


@given(st.text(alphabet=st.sampled_from("華為技術有限公司習近平ABC abc-.,'&"), max_size=30))
@settings(max_examples=200, deadline=None)
def test_normalisation_is_idempotent_on_mixed_han_and_latin(text):
    once = normalise_name(text)
    assert normalise_name(once) == once
