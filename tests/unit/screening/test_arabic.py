"""Arabic-script names (Arabic, Persian) against their Latin spellings: arabic.reading and the
rules of similarity._arabic, with hard negatives (another name that must stay below the threshold).

Matches come from the cross-script pairs derived from the official lists (UN Security Council
Consolidated List, OFAC SDN, UK, EU: NAME_ORIGINAL_SCRIPT against the listed Latin name,
../shared/data/name-matching-pairs); the negatives change one part of such a name.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportctl.core.screening import DEFAULT_THRESHOLD, score_names
from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.arabic import VOWEL_LETTERS, pattern_fits, reading
from exportctl.core.screening.phonetic import consonant_keys, latin_shape
from exportctl.core.screening.tokens import FORM, NAME

MATCHES = [
    # (Arabic script, Latin, rule)
    ("ياسر عزيز عباس", "Yasr Aziz ABAS", "two consonants with a long vowel between are two"),
    ("علی اکبر احمدیان", "Ali Akbar AHMADIAN", "Persian yeh; a short skeleton with its vowels"),
    ("عبد الله يحيى الحاكم", "ABDULLAH YAHYA AL HAKIM", "عبد الله is one name; ى is a"),
    ("علیرضا تنگسیری", "Ali Reza TANGSIRI", "one Arabic word, two Latin words"),
    ("شمس الدین", "SHAMSUDDIN", "the article assimilates to a sun letter"),
    ("شمس الدين", "SHAMS AL-DIN", "or keeps its l"),
    ("غسان عفيف", "Ghassan AFIF", "a double consonant is one; the ain onset is a vowel"),
    ("احمد وحید دستجردی", "Ahmad Vahid DASTJERDI", "Persian waw is v"),
    ("مرتضی پیری", "Morteza PIRI", "Persian zad is z; a final yeh may be a"),
    ("خالد عبد الرحمن حمد الفواز", "KHALID ABD AL-RAHMAN HAMD AL-FAWAZ", "Abd al- joined"),
    ("مقداد فتيحة", "Miqdad FUTAIHA", "ta marbuta written -a"),
    ("مراد فتحی", "Murad FATHI", "th is t-h"),
    ("هدى صالح مهدي عماش", "HUDA SALIH MAHDI AMMASH", "a final -ih with a consonant h"),
    ("عیسی زارع پور", "Issa ZAREPOUR", "the long vowel after the onset is the first letter"),
    ("ذوالقدر احمد", "Ahmad ZULQADR", "Dhu al- compound"),
    ("جمال عبد الناصر", "Gamal Abdel Nasser", "Egyptian g for jeem"),
]

NEGATIVES = [
    # (Arabic script, Latin, why they differ)
    ("حسن فدوی", "Ali FADAVI", "another given name, the same family name"),
    ("حسین روحانی", "Hassan ROUHANI", "Hussein writes a long i, Hassan does not"),
    ("علی عباس", "Ali ABBASI", "Abbasi ends in a long i Arabic writes"),
    ("محمد حسن", "Mohammed HOSNI", "Hosni is حسني"),
    ("امیرحسین ظفری", "Amirhossein SAFARI", "z is not s"),
    ("نازنين محمد جنتی", "Mohammad GHANNADI", "gh is not j"),
    ("مرضي وسام الجابر", "Oussama JABER", "an initial waw is w, not a vowel"),
    ("عبد الله أحمد", "Abdel AHMAD", "Abdel is not Abdullah"),
    ("شمس الدين", "SHAHABUDDIN", "another first part of the compound"),
    ("ناز محمد", "Niaz MUHAMMAD", "the i of Niaz is a written yeh"),
]


@pytest.mark.parametrize(("arabic", "latin", "rule"), MATCHES)
def test_arabic_script_name_matches_its_latin_spelling(arabic: str, latin: str, rule: str) -> None:
    assert score_names(arabic, latin, "Person").score >= DEFAULT_THRESHOLD, rule


@pytest.mark.parametrize(("arabic", "latin", "why"), NEGATIVES)
def test_different_arabic_name_stays_below_threshold(arabic: str, latin: str, why: str) -> None:
    assert score_names(arabic, latin, "Person").score < DEFAULT_THRESHOLD, why


def test_reading_gives_the_letters_their_usual_latin_values() -> None:
    assert {"RMTN", "RMZN"} <= reading("رمضان").skeletons  # Ramadan, Persian Ramazan
    assert {"SMSTN", "SMSLTN"} <= reading("شمس الدين").skeletons  # Shamsuddin, Shams al-Din
    assert reading("عبدالله").skeletons == reading("عبد الله").skeletons  # one word or two
    assert "MRTZ" in reading("مرتضی").skeletons  # final ی may be a: pattern ends in a vowel


def test_latin_shape_keeps_two_consonants_with_a_vowel_between() -> None:
    assert latin_shape("hassan") == "HaSaN"
    assert latin_shape("aziz") == "aZiZ"
    assert {"SLH", "SL"} <= consonant_keys("saleh")  # consonant h or ta marbuta
    assert "FTH" in consonant_keys("fathi")  # t-h


def test_arabic_compounds_are_one_part_and_arabic_words_are_not_legal_forms() -> None:
    tokens = analyse_name("عبد الله داد").tokens
    assert [t.surface for t in tokens] == ["عبد الله", "داد"]
    assert all(t.kind == NAME and t.kind != FORM for t in tokens)  # داد (dd) is not d.d.


def _spelling_regex(pattern: str) -> re.Pattern[str]:
    # the definition pattern_fits implements: consonants in order, each long vowel among the
    # vowels between the same consonants, short vowels anywhere
    parts = [c if c.isupper() else f"[{VOWEL_LETTERS[c]}]" for c in pattern]
    return re.compile("[a-z]*" + "[a-z]*".join(parts) + "[a-z]*")


@given(st.lists(st.tuples(st.text("auix", max_size=2), st.text("aeiouwyb", max_size=3),
                          st.sampled_from("PTS")), max_size=4),
       st.text("auix", max_size=2), st.text("aeiouwyb", max_size=3))  # fmt: skip
@settings(max_examples=500, deadline=None)
def test_pattern_fits_is_the_spelling_regex(gaps, last_codes, last_letters):
    pattern = "".join(codes + c for codes, _letters, c in gaps) + last_codes
    shape = "".join(letters + c for _codes, letters, c in gaps) + last_letters
    assert pattern_fits(pattern, shape) == (_spelling_regex(pattern).fullmatch(shape) is not None)
