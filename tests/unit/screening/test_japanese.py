"""Japanese names written in Chinese characters or kana: read in Japanese (Hepburn romaji).

Cases are Japanese companies and persons as MOFCOM notices and the Unreliable Entity List print
them (simplified characters) with their English names, plus textbook Hepburn spellings.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from exportctl.core.screening import Query, build_index, score_names, screen
from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.japanese import japanese_form, romaji
from exportctl.core.screening.tokens import JAPANESE, PINYIN
from exportctl.reference.records import EntityRecord, Name


@pytest.mark.parametrize(
    ("kana", "expected"),
    [
        ("トウキョウ", "tokyo"),  # long vowels unwritten, as in English names
        ("トーキョー", "tokyo"),  # the long vowel mark too
        ("キョウト", "kyoto"),
        ("ナンバ", "namba"),  # passport Hepburn: ん before b/m/p is m
        ("ハットリ", "hattori"),  # っ doubles the next consonant
        ("さくら", "sakura"),  # hiragana
    ],
)
def test_kana_is_written_in_passport_hepburn(kana: str, expected: str) -> None:
    assert romaji(kana)[0] == expected


def test_long_vowels_may_also_be_written_out() -> None:
    assert "toukyou" in romaji("トウキョウ")


def test_simplified_characters_become_shinjitai_unless_japanese_writes_them_as_they_are() -> None:
    assert japanese_form("八洲电机株式会社") == "八洲電機株式会社"
    assert japanese_form("丰和工业") == "豊和工業"
    assert japanese_form("岩崎") == "岩崎"  # 岩 is Japanese too (s2t gives 巖, shinjitai 巌)


@pytest.mark.parametrize(
    ("han", "english"),
    [
        ("岩崎茂", "Iwasaki Shigeru"),  # 岩 is no Chinese surname
        ("岩崎 茂", "Iwasaki Shigeru"),  # a space between surname and given name
        ("安倍晋三", "Shinzo Abe"),  # four characters: 安倍 + 晋三, not 安 + 倍晋三
        ("鸠山由纪夫", "Yukio Hatoyama"),
        ("吉田茂", "Shigeru Yoshida"),  # 吉 is a rare Chinese surname; CC-CEDICT: 吉田 Yoshida
        ("岸田文雄", "Fumio Kishida"),  # 文雄: the dictionary's other readings of a given name
    ],
)
def test_japanese_person_written_in_chinese_matches_the_japanese_reading(
    han: str, english: str
) -> None:
    result = score_names(han, english)
    assert result.match, result.explanation.text_en()
    assert any(m.how == "japanese" for m in result.explanation.matches)


@pytest.mark.parametrize(
    ("han", "english"),
    [
        ("八洲电机株式会社", "Yashima Denki Co., Ltd."),
        ("川重岐阜工程株式会社", "KAWAJU Gifu Engineering Co., Ltd."),
        ("日本电磁测器株式会社", "Nihon Denji Sokki Co., Ltd"),  # 測器 sokuki vs Sokki: close
        ("トヨタ自動車株式会社", "Toyota Jidosha Kabushiki Kaisha"),
    ],
)
def test_japanese_company_written_in_chinese_matches_the_japanese_reading(
    han: str, english: str
) -> None:
    result = score_names(han, english)
    assert result.match, result.explanation.text_en()


def test_kana_reads_as_hepburn() -> None:
    assert score_names("トーキョー", "Tokyo").match
    assert score_names("アイシン精機", "Aisin Seiki").match
    assert score_names("やまだ たろう", "Yamada Taro").match


def test_katakana_loanwords_match_the_english_word_by_their_consonants() -> None:
    # エプソン epuson = Epson, エレクトロン erekutoron = Electron (r for l, vowels added)
    assert score_names("セイコーエプソン株式会社", "Seiko Epson Corporation").match
    assert score_names("東京エレクトロン株式会社", "Tokyo Electron Limited").match
    # two consonants are too few to tell words apart: ソニー is not Sun
    assert not score_names("ソニーグループ株式会社", "Sun Group Corporation").match


def test_chinese_personal_names_stay_chinese() -> None:
    # a one-character Chinese surname and three characters: 田中华 is Tian Zhonghua, not Tanaka
    assert {t.how for t in analyse_name("田中华").tokens} == {PINYIN}
    assert score_names("田中华", "Tian Zhonghua").match
    # a rarer Chinese surname (牛, 古) that Japanese could read as part of a surname (牛建, 古志)
    assert score_names("牛建华", "Niu Jianhua").match
    assert score_names("古志强", "Gu Zhiqiang").match
    assert {t.how for t in analyse_name("赵伟").tokens} == {PINYIN}
    assert score_names("赵伟", "Wei ZHAO").score == score_names("赵伟", "Zhao Wei").score


@pytest.mark.parametrize(
    ("han", "english"),
    [
        # another company of the same group: a shared group name is not enough
        ("三菱电机工程株式会社", "Mitsubishi Heavy Industries Engine & Turbocharger, Ltd."),
        ("八洲电机株式会社", "Yasuda Denki Co., Ltd."),
        ("川重岐阜工程株式会社", "Kawasaki Gifu Engineering Co., Ltd."),
        ("岩崎茂", "Iwasaki Takeshi"),  # the same surname, another given name
        # a Chinese company is not read in Japanese
        ("华为技术有限公司", "Hitachi Technologies Co., Ltd."),
    ],
)
def test_other_japanese_names_do_not_match(han: str, english: str) -> None:
    result = score_names(han, english)
    assert not result.match, result.explanation.text_en()


def test_japanese_tokens_say_how_they_were_read() -> None:
    tokens = analyse_name("八洲电机株式会社").tokens
    assert (tokens[0].text, tokens[0].how) == ("yashima", JAPANESE)
    assert "bazhou" in tokens[0].alts  # the Mandarin reading stays an alternative


def test_the_japanese_dictionary_loads_only_for_japanese_names() -> None:
    code = (
        "import sys\n"
        "from exportctl.core.screening import score_names\n"
        "score_names('赵伟', 'Wei Zhao')\n"
        "score_names('牛建华', 'Niu Jianhua')\n"
        "score_names('华为技术有限公司', 'Huawei Technologies Co., Ltd.')\n"
        "score_names('Sumitomo Corporation', 'Sumitomo Corp')\n"
        "assert 'sudachipy' not in sys.modules\n"
        "score_names('八洲电机株式会社', 'Yashima Denki Co., Ltd.')\n"
        "assert 'sudachipy' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_screening_finds_japanese_names_across_scripts() -> None:
    index = build_index(
        [
            EntityRecord("test", "1", "Company", (Name("Yashima Denki Co., Ltd."),)),
            EntityRecord("test", "2", "Person", (Name("Iwasaki Shigeru"),)),
            EntityRecord("test", "3", "Company", (Name("川重岐阜工程株式会社"),)),
        ]
    )
    assert [h.entity_key for h in screen(index, Query("八洲电机株式会社", "Company"))] == ["1"]
    assert [h.entity_key for h in screen(index, Query("岩崎茂", "Person"))] == ["2"]
    hits = screen(index, Query("KAWAJU Gifu Engineering Co., Ltd.", "Company"))
    assert [h.entity_key for h in hits] == ["3"]
