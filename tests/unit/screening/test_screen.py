"""screen(): hits against real list records carry the designation and explain themselves.

Records: UN Security Council list and the Chinese lists from the bundled snapshot (conftest).
"""

from __future__ import annotations

from exportctl.core.screening import Query, screen


def test_chinese_query_finds_the_unreliable_entity_with_its_announcement_and_measures(index):
    hits = screen(index, Query("洛克希德·马丁公司", "Company"))
    uel = [h for h in hits if h.source == "uel"]
    assert uel, "Lockheed Martin is on the Unreliable Entity List"
    hit = uel[0]
    designation = hit.designations[0]
    assert designation.list_code == "uel"
    assert designation.announcement and "〔2023〕1号" in designation.announcement
    assert "不可靠实体清单" in hit.text_zh
    assert "Unreliable Entity List" in hit.text_en


def test_english_query_finds_the_chinese_listed_name(index):
    hits = screen(index, Query("Lockheed Martin Corporation", "Company"))
    assert {"uel", "mofcom"} <= {h.source for h in hits}
    assert all(h.caption == "洛克希德·马丁公司" for h in hits[:2])
    assert hits[0].score >= 0.9


def test_subsidiary_name_does_not_alert_on_the_parent(index):
    hits = screen(index, Query("Lockheed Martin Space Systems", "Company"))
    assert all(h.matched_name != "Lockheed Martin Corporation" for h in hits)


def test_arabic_script_query_finds_the_un_record(index):
    hits = screen(index, Query("صدام حسين التكريتي", "Person"))
    assert any(h.caption.startswith("SADDAM HUSSEIN AL-TIKRITI") for h in hits)


def test_mutated_un_name_is_found_with_a_typo_explanation(index):
    # a transposed letter: "AGHAA" would be a spelling of the record's آغا (aa = long a)
    hits = screen(index, Query("JANAN AHGA", "Person"))
    assert hits and hits[0].caption == "JANAN AGHA"
    assert any(m.how == "typo" for m in hits[0].explanation.matches)


def test_birth_date_mismatch_lowers_the_score_and_says_so(index):
    plain = screen(index, Query("JANAN AGHA", "Person"))[0]
    dated = screen(index, Query("JANAN AGHA", "Person", birth_date="1990-01-01"), threshold=0.0)[0]
    assert dated.score < plain.score
    assert any(a.factor == "birth_date" for a in dated.explanation.adjustments)


def test_a_person_query_does_not_alert_on_a_company_of_the_same_name(index):
    hits = screen(index, Query("Lockheed Martin Corporation", "Person"))
    assert not hits


def test_innocent_names_raise_no_alert(index):
    for name in (
        "Patricia Lucas Wheeler",
        "Isabella Joaquin Torres",
        "Acme Widgets GmbH",
        "王小明",
    ):
        assert screen(index, Query(name)) == [], name


def test_limit_caps_the_number_of_hits(index):
    assert len(screen(index, Query("Mohammad", "Person"), threshold=0.3, limit=3)) <= 3
