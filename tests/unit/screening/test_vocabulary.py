"""The screening vocabularies (screening/data/*.tsv) load, and every entry names its source."""

from __future__ import annotations

from importlib import resources

import pytest

from exportctl.core.screening.tokens import FORM, GENERIC, REGION
from exportctl.core.screening.vocabulary import chinese_surnames, lexicon

DATA = resources.files("exportctl.core.screening").joinpath("data")
SOURCE_COLUMN = {
    "legal_forms.tsv": 3,
    "org_terms.tsv": 5,
    "regions.tsv": 4,
    "name_parts.tsv": 3,
}
ORG_TERM_SOURCES = {"ATT", "DICT", "ABBR", "TRL", "JPN"}


def _rows(name: str) -> list[list[str]]:
    text = DATA.joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize(("name", "column"), sorted(SOURCE_COLUMN.items()))
def test_every_vocabulary_entry_names_its_source(name, column):
    for row in _rows(name):
        assert len(row) > column and row[column].strip(), f"{name}: {row[0]} has no source"


def test_org_term_sources_are_the_declared_keys():
    for row in _rows("org_terms.tsv"):
        assert set(row[5].split("|")) <= ORG_TERM_SOURCES, row


def test_surname_file_names_its_source_in_the_header():
    header = DATA.joinpath("zh_surnames.tsv").read_text("utf-8").split("\n", 8)[:8]
    assert any("Source:" in line for line in header)


@pytest.mark.parametrize(
    ("word", "kind", "concept"),
    [
        (("co", "ltd"), FORM, "LTD"),
        (("gesellschaft", "mit", "beschrankter", "haftung"), FORM, "GMBH"),
        (("ooo",), FORM, "OOO"),
        (("comm",), GENERIC, "COMMUNICATION"),
        (("grp",), GENERIC, "GROUP"),
        (("intl",), GENERIC, "INTERNATIONAL"),
        (("srvcs",), GENERIC, "SERVICES"),
        (("peking",), REGION, "CN-BJ"),
    ],
)
def test_latin_phrases_are_recognised(word, kind, concept):
    entries = [e for phrase, e in lexicon().latin[word[0]] if phrase == word]
    assert entries and entries[0].kind == kind and concept in entries[0].concepts


@pytest.mark.parametrize(
    ("han", "concept"),
    [("有限公司", "LTD"), ("股份有限公司", "JSC"), ("株式会社", "KK"), ("技术", "TECH"),
     ("集团", "GROUP"), ("研究所", "RESINST"), ("大学", "UNIVERSITY"), ("浙江", "CN-ZJ")],
)  # fmt: skip
def test_han_words_are_in_the_bilingual_dictionary(han, concept):
    assert any(concept in e.concepts for e in lexicon().han[han])


def test_common_surnames_carry_their_romanisations():
    surnames = chinese_surnames()
    assert "cheung" in surnames["张"].variants
    assert surnames["欧阳"].pinyin == "ouyang"
