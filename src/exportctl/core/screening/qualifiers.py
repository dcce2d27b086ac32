"""Qualifiers that move a name score: person vs organisation, country, birth date, identifiers.

Legal source: Dual-Use Regulations Art. 26-30 and MOFCOM's guidance on end-user screening: an
officer distinguishes a listed party from a namesake by nationality or country, date of birth and
registration or passport numbers; the same facts raise or lower the screening score here, and each
change is written into the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from exportctl.core.screening.explain import Adjustment
from exportctl.core.screening.index import RecordFacts
from exportctl.reference.records import Identifier

SCHEMA_MISMATCH = -0.4  # a person is not a company
COUNTRY_MISMATCH = -0.1
COUNTRY_MATCH = 0.03
BIRTH_EXACT = 0.05
BIRTH_YEAR_ONLY = 0.0
BIRTH_NEAR = -0.05  # one year apart, or the same year with another day
BIRTH_MISMATCH = -0.2
IDENTIFIER_MATCH = 0.25

_PERSONS = frozenset({"Person"})
_THINGS = frozenset({"Organization", "Company", "Vessel", "Aircraft"})
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


def _schema(query_schema: str | None, record: RecordFacts) -> list[Adjustment]:
    if query_schema is None or query_schema == "LegalEntity" or record.schema == "LegalEntity":
        return []
    query_person = query_schema in _PERSONS
    record_person = record.schema in _PERSONS
    if query_person == record_person or not (
        query_schema in _THINGS | _PERSONS and record.schema in _THINGS | _PERSONS
    ):
        return []
    return [Adjustment("schema", SCHEMA_MISMATCH,
                       f"The query is a {query_schema}, the listed party a {record.schema}",
                       f"查询对象为{_zh_schema(query_schema)}，名单对象为{_zh_schema(record.schema)}")]  # fmt: skip


def _zh_schema(schema: str) -> str:
    return "自然人" if schema == "Person" else "组织或实体"


def _country(country: str | None, record: RecordFacts) -> list[Adjustment]:
    if not country or not record.countries:
        return []
    code = country.upper()
    if code in (c.upper() for c in record.countries):
        return [Adjustment("country", COUNTRY_MATCH, f"Country {code} is on the record",
                           f"国家/地区 {code} 与名单记录一致")]  # fmt: skip
    listed = ", ".join(record.countries)
    return [Adjustment("country", COUNTRY_MISMATCH,
                       f"Country {code} differs from the record's {listed}",
                       f"国家/地区 {code} 与名单记录（{listed}）不一致")]  # fmt: skip


def _birth(birth_date: str | None, record: RecordFacts) -> list[Adjustment]:
    if not birth_date or not record.birth_dates:
        return []
    best: Adjustment | None = None
    for listed in record.birth_dates:
        delta, en, zh = _compare_dates(birth_date, listed)
        if best is None or delta > best.delta:
            best = Adjustment("birth_date", delta, en, zh)
    return [best] if best is not None and best.delta != 0.0 else []


def _compare_dates(query: str, listed: str) -> tuple[float, str, str]:
    q_year, l_year = query[:4], listed[:4]
    if not (q_year.isdigit() and l_year.isdigit()):
        return 0.0, "", ""
    if q_year != l_year:
        if abs(int(q_year) - int(l_year)) == 1:
            return BIRTH_NEAR, f"Birth year {q_year} is next to the listed {l_year}", \
                f"出生年份 {q_year} 与名单（{l_year}）相差一年"  # fmt: skip
        return BIRTH_MISMATCH, f"Birth date {query} differs from the listed {listed}", \
            f"出生日期 {query} 与名单（{listed}）不一致"  # fmt: skip
    if len(query) >= 10 and len(listed) >= 10:
        if query[:10] == listed[:10]:
            return BIRTH_EXACT, f"Birth date {query[:10]} is on the record", \
                f"出生日期 {query[:10]} 与名单一致"  # fmt: skip
        return BIRTH_NEAR, f"Birth date {query} has the listed year but not the day ({listed})", \
            f"出生日期 {query} 年份一致但日期不同（名单：{listed}）"  # fmt: skip
    return BIRTH_YEAR_ONLY, "", ""


def _identifiers(identifiers: Iterable[str | Identifier], record: RecordFacts) -> list[Adjustment]:
    if not record.identifiers:
        return []
    listed = {
        _NOT_ALNUM.sub("", value.upper()): kind for kind, value in record.identifiers if value
    }
    for item in identifiers:
        value = item.value if isinstance(item, Identifier) else item
        key = _NOT_ALNUM.sub("", value.upper())
        if len(key) >= 4 and key in listed:
            kind = listed[key]
            return [Adjustment("identifier", IDENTIFIER_MATCH,
                               f"Identifier {value} ({kind}) is on the record",
                               f"证件/登记号码 {value}（{kind}）与名单记录一致")]  # fmt: skip
    return []


def adjustments(record: RecordFacts, schema: str | None, country: str | None,
                birth_date: str | None, identifiers: Iterable[str | Identifier]
                ) -> tuple[Adjustment, ...]:  # fmt: skip
    """All qualifier adjustments for a query against a record."""
    return tuple(
        _schema(schema, record)
        + _country(country, record)
        + _birth(birth_date, record)
        + _identifiers(identifiers, record)
    )


def max_boost(
    country: str | None, birth_date: str | None, identifiers: Iterable[str | Identifier]
) -> float:
    """The most the qualifiers can add to a name score for this query."""
    return ((COUNTRY_MATCH if country else 0.0) + (BIRTH_EXACT if birth_date else 0.0)
            + (IDENTIFIER_MATCH if identifiers else 0.0))  # fmt: skip


def apply(score: float, changes: tuple[Adjustment, ...]) -> float:
    """The name score moved by the adjustments, kept in [0, 1]."""
    return max(0.0, min(1.0, score + sum(a.delta for a in changes)))
