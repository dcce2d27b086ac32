"""Han <-> Latin knowledge: foreign names written with the middle dot, polyphonic characters,
Wade-Giles -eh, the optional region of an enterprise name.

Cases are names from MOFCOM notices (Unreliable Entity List, countermeasure lists) and the UK
Sanctions List with their official English forms.
"""

from __future__ import annotations

from exportctl.core.screening import DEFAULT_THRESHOLD, score_names
from exportctl.core.screening.analyse import analyse_name
from exportctl.core.screening.chinese import (
    other_readings,
    romanisation_readings,
    segment_organisation,
    wade_giles,
)
from exportctl.core.screening.tokens import TRANSLITERATION
from exportctl.core.screening.translate import renderings


def test_middle_dot_marks_a_transliterated_foreign_name():
    # GB/T 15834-2011 Art. 4.15: 间隔号 between the parts of foreign and minority names
    tokens = analyse_name("路易莎·杜兰特").tokens
    assert {t.how for t in tokens} == {TRANSLITERATION}
    assert score_names("路易莎·杜兰特", "Luisa Durante").match
    # without the dot the same characters read as a Chinese name (路 is a surname)
    assert {t.how for t in analyse_name("路易莎").tokens} != {TRANSLITERATION}


def test_final_er_may_be_written_or_left_out_in_transliteration():
    # Xinhua tables: Gallagher = 加拉格尔 (尔 written), Rudder = 鲁德 (left out)
    assert score_names("麦克·加拉格尔", "Mike Gallagher").match


def test_polyphonic_characters_keep_their_other_readings_in_names():
    # 勒 reads lei in most phrases but le in the name 董勒成 (MOFCOM countermeasure list)
    assert "lecheng" in other_readings("勒成")
    assert score_names("董勒成", "Dong Lecheng").match
    assert score_names("董勒成", "Dong Leicheng").match
    assert not score_names("董勒成", "Dong Licheng").match
    # only the two most common readings: 平 is ping (or pian), its rare reading bing is not used
    assert not score_names("岩平张", "Yanbing ZHANG", "Person").match


def test_wade_giles_e_is_also_printed_eh():
    # 朱德 = Chu Teh; 龙德 = Lungteh (Taiwan)
    assert "teh" in wade_giles("de")
    assert "longde" in romanisation_readings("lungteh")


def test_enterprise_name_without_region_keeps_its_frame():
    # Decree No. 734 Art. 6: the region may be omitted; 工业 (industry) is not translated
    result = score_names("龙德造船工业股份有限公司", "Lungteh Shipbuilding Co., Ltd.")
    assert result.score >= DEFAULT_THRESHOLD, result.explanation.text_en()
    # another trade name is still another company
    assert not score_names("龙德造船工业股份有限公司", "Jong Shyn Shipbuilding Co., Ltd.").match


def test_trade_name_translated_by_meaning_matches_the_english_name():
    # MOFCOM Unreliable Entity List notices print 红猫控股公司 for Red Cat Holdings, Inc. and
    # 铁山解决方案公司 for IronMountain Solutions (CC-CEDICT: 红 red, 猫 cat, 铁 iron, 山 mountain)
    assert "redcat" in renderings("红猫")
    assert score_names("红猫控股公司", "Red Cat Holdings, Inc.").match
    assert score_names("铁山解决方案公司", "IronMountain Solutions").match
    # other words are another company
    assert not score_names("红猫控股公司", "Blue Cat Holdings, Inc.").match
    # a part the dictionary does not know gives no rendering (no partial translations)
    assert renderings("红猫㐀") == ()


def test_conventional_renderings_of_foreign_given_names():
    # Xinhua 英语姓名译名手册: 约翰 = John, 汤姆 = Tom (not sound-alike syllable by syllable)
    assert score_names("汤姆·莫斯", "Tom Moss").match
    assert score_names("约翰·库默", "John A. Cuomo").match
    assert not score_names("汤姆·莫斯", "Jim Moss").match


def test_middle_names_left_out_in_a_chinese_rendering_cost_less():
    # MOFCOM countermeasure list: 克里斯托弗·卡斯特纳 = Christopher Douglas Kastner
    assert score_names("克里斯托弗·卡斯特纳", "Christopher Douglas Kastner").match
    # a different surname is still another person
    assert not score_names("克里斯托弗·卡斯特纳", "Christopher Douglas Miller").match


def test_a_final_er_is_one_sound_not_a_wildcard():
    # 安杜里尔 (an-du-li-er, Anduril) keeps its l: it is not NADA (an-du)
    assert score_names("阿不都·哈克", "ABDUL HAQ").match
    assert not score_names("安杜里尔", "NADA").match


def test_research_institute_is_often_rendered_institute():
    # 哈德逊研究所 = Hudson Institute (MOFCOM countermeasure list)
    assert score_names("哈德逊研究所", "Hudson Institute").match


def test_gongsi_renders_every_foreign_company_form():
    # MOFCOM notices: 嘉耐特公司 = Garnet S.r.l., 吉布斯与考克斯公司 = Gibbs & Cox, Inc.
    assert score_names("嘉耐特公司", "Garnet S.r.l.").match
    assert score_names("吉布斯与考克斯公司", "Gibbs & Cox, Inc.").match
    assert [s.surface for s in segment_organisation(["吉布斯与考克斯公司"])][:3] == [
        "吉布斯", "与", "考克斯"]  # fmt: skip
    # 与 inside a short trade name stays part of it
    assert segment_organisation(["参与公司"])[0].surface == "参与"


def test_region_in_brackets_after_the_trade_name_is_the_region_part():
    # Decree No. 734 Art. 6 frame; the region may follow the trade name in brackets, and a
    # rendering without it names the same enterprise (listed as 纽威数控装备)
    assert score_names("纽威数控装备", "NEWAY CNC EQUIPMENT (SUZHOU) CO LTD").match
    assert not score_names("纽威数控装备", "NEWAY ROBOT EQUIPMENT (SUZHOU) CO LTD").match


def test_transcription_tolerates_what_chinese_renders_differently():
    # MOFCOM countermeasure and Unreliable Entity lists: 许 xu for Hue- (Xinhua tables render
    # h- before u/i with x), 埃比特 leaves the coda l of Elbit out, 诺沃特 the final -ch of
    # Novotech, 爱尔康 writes the m of Aerkomm as the coda n; 赛尼克斯 is Synexxus (double x)
    assert score_names("杰拉德·许贝尔", "Gerard Hueber").match
    assert score_names("埃比特系统美国分公司", "Elbit Systems of America, LLC").match
    assert score_names("诺沃特公司", "Novotech, Inc.").match
    assert score_names("爱尔康公司", "Aerkomm Inc.").match
    assert score_names("赛尼克斯公司", "SYNEXXUS, Inc.").match
    # one such difference, not two, and not another consonant: other surnames stay apart
    assert not score_names("杰拉德·许贝尔", "Gerard Hubbard").match
    assert not score_names("杰拉德·许贝尔", "Gerard Schubert").match
    # an English vocabulary word is translated, never transcribed (福图尼奥 = Fortunio)
    assert score_names("福图尼奥株式会社", "General Dynamics Information Technology").score < 0.3


def test_skeleton_distance_and_its_index_key():
    from exportctl.core.screening.phonetic import (
        chinese_sound_key,
        latin_sound_key,
        skeleton_distance,
        skeleton_variants,
        zh_plain,
    )

    assert skeleton_distance("SPL", "SPL") == 0.0
    assert skeleton_distance("XPL", "HPL") < skeleton_distance("XPL", "TPL")
    assert skeleton_distance("XPL", "SPL") == 0.0
    # the index looks up what the distance finds close: 洛克希德 = Lockheed, 诺沃特 = Novotech
    zh, latin = chinese_sound_key(("luo", "ke", "xi", "de")), latin_sound_key("lockheed")
    assert zh != latin
    assert latin in skeleton_variants(zh, han=True)
    assert zh_plain(zh) in skeleton_variants(latin, han=False)
    zh, latin = chinese_sound_key(("nuo", "wo", "te")), latin_sound_key("novotech")
    assert latin in skeleton_variants(zh, han=True)
    assert zh_plain(zh) in skeleton_variants(latin, han=False)
    # only the x of pinyin stands for h: 土赫提 (tu-he-ti) is not Dost (UN list, a false alert)
    assert skeleton_distance("THT", "TST") >= 1.0


def test_an_inflected_or_partial_gloss_of_a_trade_name_counts_for_less():
    # 概念 "concept" = Concepts; 喷气机 "jet plane" = Jet (MOFCOM notices for Advanced Acoustic
    # Concepts and IHI Jet Service Co., Ltd.)
    assert score_names("先进声学概念有限责任公司", "Advanced Acoustic Concepts").match
    assert score_names("IHI喷气机服务株式会社", "IHI Jet Service Co., Ltd.").match
    # one word of a two-word rendering alone does not name the company (红猫 = Red Cat)
    assert not score_names("红猫控股公司", "Cat Holdings, Inc.").match
