"""Step 4 of screening: explain a score: which part of the query matched which part of which list
name, how, and what raised or lowered the score; in English and Chinese.

Legal source: STYLE habit 1 (decisions return explainable objects) and the officer's duty to
resolve every alert on the record (Dual-Use Regulations Art. 26-30; Internal Compliance Programme
guidance of MOFCOM, 2021): the explanation is what the officer reads and what the audit keeps.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from exportctl.core.screening.analyse import NameForm
from exportctl.core.screening.normalise import HAN, to_simplified
from exportctl.core.screening.score import Comparison
from exportctl.core.screening.tokens import KIND_NAMES

HOW_EN = {
    "exact": "exact",
    "pinyin": "pinyin reading of the Chinese characters",
    "romanisation": "another romanisation (Wade-Giles, postal or Cantonese) of the same Chinese",
    "transliteration": "transliteration from another script",
    "translation": "translation of a Chinese word",
    "legal_form": "legal form",
    "abbreviation": "abbreviation",
    "synonym": "equivalent word",
    "phonetic": "same sound, other spelling",
    "typo": "spelling difference",
    "initial": "initial",
    "number": "same number",
    "homophone": "same pinyin, other characters",
    "acronym": "initials",
    "simplified_traditional": "simplified vs traditional characters",
    "japanese": "Japanese reading of the characters (Hepburn romaji)",
}
HOW_ZH = {
    "exact": "完全一致",
    "pinyin": "汉字拼音",
    "romanisation": "同一中文名称的其他拼写（威妥玛式、邮政式或粤语拼音）",
    "transliteration": "跨文字音译",
    "translation": "中文词语的译名",
    "legal_form": "组织形式",
    "abbreviation": "缩写",
    "synonym": "同义词",
    "phonetic": "读音相同、拼写不同",
    "typo": "拼写差异",
    "initial": "首字母",
    "number": "数字相同",
    "homophone": "拼音相同、汉字不同",
    "acronym": "首字母缩略",
    "simplified_traditional": "繁简字体转换",
    "japanese": "日语读音（平文式罗马字）",
}
KIND_EN = {"generic": "industry word", "region": "place", "legal_form": "legal form",
           "particle": "particle", "title": "title", "number": "number", "initial": "initial"}  # fmt: skip
KIND_ZH = {"generic": "行业用语", "region": "地名", "legal_form": "组织形式", "particle": "虚词",
           "title": "称谓", "number": "数字", "initial": "首字母"}  # fmt: skip


def _part(part: tuple[str, str], kinds: dict[str, str]) -> str:
    surface, kind = part
    return f"'{surface}'" if kind == "name" else f"'{surface}' ({kinds.get(kind, kind)})"


def _part_zh(part: tuple[str, str]) -> str:
    surface, kind = part
    return f"“{surface}”" if kind == "name" else f"“{surface}”（{KIND_ZH.get(kind, kind)}）"


@dataclass(frozen=True)
class PartMatch:
    """A part of the query name matched to a part of the list name."""

    query_part: str
    list_part: str
    how: str  # key of HOW_EN
    credit: float


@dataclass(frozen=True)
class Adjustment:
    """A change of the name score by other facts (country, birth date, identifier, schema)."""

    factor: str
    delta: float
    detail_en: str
    detail_zh: str


@dataclass(frozen=True)
class Explanation:
    """Why two names scored what they scored."""

    query_name: str
    list_name: str
    mode: str  # "person" or "organisation"
    name_score: float
    score: float
    threshold: float
    matches: tuple[PartMatch, ...]
    query_unmatched: tuple[tuple[str, str], ...]  # (part, kind) only in the query
    list_unmatched: tuple[tuple[str, str], ...]  # (part, kind) only in the list name
    adjustments: tuple[Adjustment, ...] = ()
    common_name: bool = False  # capped: a two-syllable Chinese name alone
    forms_conflict: bool = False  # the names state legal forms no one legal person has

    def to_json(self) -> dict[str, Any]:
        """The explanation as plain JSON data (for storing with the hit), texts included."""
        data = dataclasses.asdict(self)
        data["text_en"], data["text_zh"] = self.text_en(), self.text_zh()
        plain: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False))  # tuples -> lists
        return plain

    def text_en(self) -> str:
        verdict = "alert" if self.score >= self.threshold else "no alert"
        lines = [f"Score {self.score:.2f} ({verdict}; threshold {self.threshold:.2f}): "
                 f"'{self.query_name}' compared as {self.mode} names with '{self.list_name}'."]  # fmt: skip
        for m in self.matches:
            lines.append(f"- '{m.query_part}' matched '{m.list_part}': {HOW_EN.get(m.how, m.how)}"
                         f" ({m.credit:.2f}).")  # fmt: skip
        if self.query_unmatched:
            parts = ", ".join(_part(p, KIND_EN) for p in self.query_unmatched)
            lines.append("- Only in the query: " + parts + ".")
        if self.list_unmatched:
            parts = ", ".join(_part(p, KIND_EN) for p in self.list_unmatched)
            lines.append("- Only in the list name: " + parts + ".")
        if self.common_name:
            lines.append("- A common two-syllable Chinese name: the name alone is held below the "
                         "threshold; a birth date, nationality or identifier must confirm it.")  # fmt: skip
        if self.forms_conflict:
            lines.append("- The legal forms are of different kinds (as AG and GmbH are): two legal "
                         "persons; score lowered.")  # fmt: skip
        for adj in self.adjustments:
            lines.append(f"- {adj.detail_en} ({adj.delta:+.2f}).")
        return "\n".join(lines)

    def text_zh(self) -> str:
        verdict = "告警" if self.score >= self.threshold else "不告警"
        mode = "自然人" if self.mode == "person" else "组织"
        lines = [f"得分 {self.score:.2f}（{verdict}；阈值 {self.threshold:.2f}）："
                 f"“{self.query_name}”按{mode}名称与“{self.list_name}”比对。"]  # fmt: skip
        for m in self.matches:
            lines.append(f"- “{m.query_part}”对应“{m.list_part}”：{HOW_ZH.get(m.how, m.how)}"
                         f"（{m.credit:.2f}）。")  # fmt: skip
        if self.query_unmatched:
            lines.append(
                "- 仅见于查询名称：" + "、".join(_part_zh(p) for p in self.query_unmatched)
            )
        if self.list_unmatched:
            lines.append("- 仅见于名单名称：" + "、".join(_part_zh(p) for p in self.list_unmatched))
        if self.common_name:
            lines.append(
                "- 常见的两字中文姓名：仅凭姓名不足以告警，需以出生日期、国籍或证件号码核实。"
            )
        if self.forms_conflict:
            lines.append("- 两个名称的组织形式类别不同（如 AG 与 GmbH）：应为两个法人，得分下调。")
        for adj in self.adjustments:
            lines.append(f"- {adj.detail_zh}（{adj.delta:+.2f}）。")
        return "\n".join(lines)


def explain(q: NameForm, c: NameForm, comparison: Comparison, threshold: float,
            adjustments: tuple[Adjustment, ...] = (), score: float | None = None
            ) -> Explanation:  # fmt: skip
    """Build the explanation of a comparison from the two analysed names."""
    traditional = to_simplified(q.original) != q.original or to_simplified(c.original) != c.original
    matches = []
    for pair in comparison.pairs:
        q_tokens = [q.tokens[i] for i in pair.query]
        c_tokens = [c.tokens[j] for j in pair.candidate]
        how = pair.how
        if how == "exact" and traditional and q_tokens[0].script == HAN == c_tokens[0].script:
            how = "simplified_traditional"
        matches.append(PartMatch(" ".join(t.surface for t in q_tokens),
                                 " ".join(t.surface for t in c_tokens), how,
                                 round(pair.credit, 3)))  # fmt: skip
    person = comparison.mode == "person"

    def label(token_index: int, name: NameForm) -> tuple[str, str]:
        token = name.tokens[token_index]
        return token.surface, KIND_NAMES[token.pkind if person else token.kind]

    return Explanation(
        query_name=q.original,
        list_name=c.original,
        mode=comparison.mode,
        name_score=comparison.score,
        score=comparison.score if score is None else score,
        threshold=threshold,
        matches=tuple(matches),
        query_unmatched=tuple(label(i, q) for i in comparison.query_unmatched),
        list_unmatched=tuple(label(j, c) for j in comparison.candidate_unmatched),
        adjustments=adjustments,
        common_name=comparison.capped,
        forms_conflict=comparison.forms_conflict,
    )
