"""Parse and validate the determination input (a JSON object) into frozen dataclasses.

The interface is fixed by the issue; every refusal is an InvalidInput whose `code` says what is
wrong (missing_field, invalid_type, invalid_date, invalid_value, unknown_country) and whose
message names the field by its JSON path (`items[0].control_code`). Whether a control code is
on the list is checked later against the Knowledge (`unknown_control_code`), since that needs
the data. Fields outside the interface are not refused: they are listed in `ignored_fields` and
the determination warns about them, so a typo never silently changes a decision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NoReturn

import pycountry

from exportctl.core.determination.vocabulary import (
    END_USE_CATEGORIES,
    EXPORTER_FLAGS,
    KNOWLEDGE_FLAGS,
    MOVEMENTS,
    REGISTRATION_CASES,
    ROLES,
)
from exportctl.core.errors import InvalidInput
from exportctl.core.text import Code, Param, Phrase, english, gettext_noop

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP = {
    "date", "movement", "registration_case", "destination", "exporter", "items", "parties",
    "end_use", "knowledge",
}  # fmt: skip
_ITEM = {"control_code", "description", "hs_code", "quantity", "unit", "value_cny"}
_PARTY = {"role", "name", "country", "military"}
_EXPORTER = {"name", *EXPORTER_FLAGS}
_END_USE = {"category", "statement"}
_KNOWLEDGE = set(KNOWLEDGE_FLAGS)


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str = ""
    criminal_penalty: bool = False
    serious_penalty_within_5_years: bool = False
    branch_of_control_listed_party: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    index: int
    control_code: str | None
    description: str = ""
    hs_code: str | None = None
    quantity: float | None = None
    unit: str | None = None
    value_cny: float | None = None


@dataclass(frozen=True, slots=True)
class Party:
    index: int
    role: str
    name: str
    country: str | None = None
    military: bool = False


@dataclass(frozen=True, slots=True)
class EndUse:
    category: str = "unknown"
    statement: str = ""


@dataclass(frozen=True, slots=True)
class KnowledgeFlags:
    national_security_risk: bool = False
    wmd_risk: bool = False
    terrorism_risk: bool = False
    notified_by_authority: bool = False

    def raised(self) -> tuple[str, ...]:
        """The flags that are set, in the order of ECL Art. 12 ¶3."""
        return tuple(flag for flag in KNOWLEDGE_FLAGS if getattr(self, flag))


@dataclass(frozen=True, slots=True)
class Case:
    """One transaction on one date: the facts the rules are applied to."""

    date: date
    movement: str
    registration_case: str | None
    destination: str | None
    exporter: Exporter
    items: tuple[Item, ...]
    parties: tuple[Party, ...]
    end_use: EndUse
    knowledge: KnowledgeFlags
    ignored_fields: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code (upper case)."""
    return code in _countries()


def parse_case(data: Any) -> Case:
    """Validate the input object; raises InvalidInput naming the field."""
    if not isinstance(data, Mapping):
        _fail("invalid_type", "(root)", gettext_noop("the input must be a JSON object"))
    ignored: list[str] = []
    _note_unknown(data, _TOP, "", ignored)
    day = _date(data)
    movement = _enum(data, "movement", "", MOVEMENTS, default="export")
    case_name = _optional_enum(data, "registration_case", "", REGISTRATION_CASES)
    destination = _country(data, "destination", "", required=False)
    if destination is None and movement not in (
        "deemed_export",
        "into_special_customs_zone",
        "between_special_customs_zones",
    ):
        _fail(
            "missing_field",
            "destination",
            gettext_noop("destination is required for a %(movement)s"),
            movement=Code(movement),
        )
    exporter = _exporter(_section(data, "exporter"), ignored)
    items = _items(data)
    for index, item in enumerate(data["items"]):
        _note_unknown(item, _ITEM, f"items[{index}]", ignored)
    parties = _parties(data, ignored)
    end_use_data = _section(data, "end_use")
    _note_unknown(end_use_data, _END_USE, "end_use", ignored)
    end_use = EndUse(
        category=_enum(end_use_data, "category", "end_use", END_USE_CATEGORIES, "unknown"),
        statement=_text(end_use_data, "statement", "end_use"),
    )
    flags = _section(data, "knowledge")
    _note_unknown(flags, _KNOWLEDGE, "knowledge", ignored)
    knowledge = KnowledgeFlags(*[_bool(flags, f, "knowledge") for f in KNOWLEDGE_FLAGS])
    return Case(
        date=day,
        movement=movement,
        registration_case=case_name,
        destination=destination,
        exporter=exporter,
        items=items,
        parties=parties,
        end_use=end_use,
        knowledge=knowledge,
        ignored_fields=tuple(ignored),
    )


def _date(data: Mapping[str, Any]) -> date:
    value = data.get("date")
    if value is None:
        _fail("missing_field", "date", gettext_noop("date is required (YYYY-MM-DD)"))
    if not isinstance(value, str):
        _fail(
            "invalid_type",
            "date",
            gettext_noop("date must be a string YYYY-MM-DD, not %(kind)s"),
            kind=_kind(value),
        )
    if not _DATE.match(value):
        _fail(
            "invalid_date",
            "date",
            gettext_noop("date %(value)s is not in the form YYYY-MM-DD"),
            value=repr(value),
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(
            "invalid_date",
            "date",
            gettext_noop("date %(value)s is not a calendar date"),
            value=repr(value),
        )


def _exporter(section: Mapping[str, Any], ignored: list[str]) -> Exporter:
    _note_unknown(section, _EXPORTER, "exporter", ignored)
    return Exporter(
        _text(section, "name", "exporter"),
        *[_bool(section, flag, "exporter") for flag in EXPORTER_FLAGS],
    )


def _items(data: Mapping[str, Any]) -> tuple[Item, ...]:
    items = data.get("items")
    if items is None:
        _fail("missing_field", "items", gettext_noop("items is required (a non-empty list)"))
    if not isinstance(items, list):
        _fail(
            "invalid_type",
            "items",
            gettext_noop("items must be a list, not %(kind)s"),
            kind=_kind(items),
        )
    if not items:
        _fail("invalid_value", "items", gettext_noop("items must name at least one item"))
    out = []
    for index, raw in enumerate(items):
        where = f"items[{index}]"
        if not isinstance(raw, Mapping):
            _fail("invalid_type", where, _NOT_OBJECT, where=where, kind=_kind(raw))
        code = raw.get("control_code")
        if code is not None and not isinstance(code, str):
            _fail(
                "invalid_type",
                f"{where}.control_code",
                gettext_noop("%(where)s.control_code must be a string or null"),
                where=where,
            )
        if isinstance(code, str) and not code.strip():
            _fail(
                "invalid_value",
                f"{where}.control_code",
                gettext_noop("%(where)s.control_code must be a code or null, not empty"),
                where=where,
            )
        code = code.strip() if isinstance(code, str) else None
        hs = raw.get("hs_code")
        if hs is not None and not isinstance(hs, str):
            _fail(
                "invalid_type",
                f"{where}.hs_code",
                gettext_noop("%(where)s.hs_code must be a string or null"),
                where=where,
            )
        out.append(
            Item(
                index=index,
                control_code=code or None,
                description=_text(raw, "description", where),
                hs_code=hs.strip() if isinstance(hs, str) and hs.strip() else None,
                quantity=_number(raw, "quantity", where),
                unit=_text(raw, "unit", where) or None,
                value_cny=_number(raw, "value_cny", where),
            )
        )
    return tuple(out)


def _parties(data: Mapping[str, Any], ignored: list[str]) -> tuple[Party, ...]:
    parties = data.get("parties")
    if parties is None:
        return ()
    if not isinstance(parties, list):
        _fail(
            "invalid_type",
            "parties",
            gettext_noop("parties must be a list, not %(kind)s"),
            kind=_kind(parties),
        )
    out = []
    for index, raw in enumerate(parties):
        where = f"parties[{index}]"
        if not isinstance(raw, Mapping):
            _fail("invalid_type", where, _NOT_OBJECT, where=where, kind=_kind(raw))
        _note_unknown(raw, _PARTY, where, ignored)
        if raw.get("role") is None:
            _fail(
                "missing_field",
                f"{where}.role",
                gettext_noop("%(where)s.role is required"),
                where=where,
            )
        name = _text(raw, "name", where)
        if not name:
            _fail(
                "missing_field",
                f"{where}.name",
                gettext_noop("%(where)s.name is required"),
                where=where,
            )
        out.append(
            Party(
                index=index,
                role=_enum(raw, "role", where, ROLES),
                name=name,
                country=_country(raw, "country", where, required=False),
                military=_bool(raw, "military", where),
            )
        )
    return tuple(out)


def _note_unknown(
    section: Mapping[str, Any], allowed: set[str], prefix: str, ignored: list[str]
) -> None:
    """Add the keys of `section` outside the interface to `ignored`, as JSON paths."""
    if not allowed.issuperset(section):
        ignored.extend(_path(prefix, key) for key in section if key not in allowed)


def _section(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        _fail("invalid_type", key, _NOT_OBJECT, where=key, kind=_kind(value))
    return value


# The helpers below take the JSON path of the enclosing object (`prefix`, "" at the top) and
# build the field's path only when they refuse it: valid input costs no string building.
def _path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _enum(
    data: Mapping[str, Any], key: str, prefix: str, allowed: tuple[str, ...], default: str = ""
) -> str:
    value = data.get(key)
    if value is None and default:
        return default
    if value.__class__ is str and value in allowed:
        return value
    where = _path(prefix, key)
    if value is None:
        _fail("missing_field", where, _REQUIRED, where=where)
    if not isinstance(value, str):
        _fail("invalid_type", where, _NOT_STRING, where=where, kind=_kind(value))
    if value not in allowed:
        _fail(
            "invalid_value",
            where,
            gettext_noop("%(where)s %(value)s is not one of %(allowed)s"),
            where=where,
            value=repr(value),
            allowed=allowed,
        )
    return value


def _optional_enum(
    data: Mapping[str, Any], key: str, prefix: str, allowed: tuple[str, ...]
) -> str | None:
    return None if data.get(key) is None else _enum(data, key, prefix, allowed)


def _country(data: Mapping[str, Any], key: str, prefix: str, *, required: bool) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    code = value.strip().upper() if isinstance(value, str) else ""
    if is_country(code):
        return code
    where = _path(prefix, key)
    if value is None:
        _fail("missing_field", where, _REQUIRED, where=where)
    if not isinstance(value, str):
        _fail(
            "invalid_type",
            where,
            gettext_noop("%(where)s must be an ISO 3166-1 alpha-2 string"),
            where=where,
        )
    _fail(
        "unknown_country",
        where,
        gettext_noop("%(where)s %(value)s is not an ISO 3166-1 alpha-2 code"),
        where=where,
        value=repr(value),
    )


def _bool(data: Mapping[str, Any], key: str, prefix: str) -> bool:
    value = data.get(key, False)
    if value is True or value is False:
        return value
    if value is None:
        return False
    where = _path(prefix, key)
    _fail(
        "invalid_type",
        where,
        gettext_noop("%(where)s must be true or false, not %(kind)s"),
        where=where,
        kind=_kind(value),
    )


def _text(data: Mapping[str, Any], key: str, prefix: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        where = _path(prefix, key)
        _fail("invalid_type", where, _NOT_STRING, where=where, kind=_kind(value))
    return value.strip()


def _number(data: Mapping[str, Any], key: str, prefix: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        where = _path(prefix, key)
        _fail(
            "invalid_type",
            where,
            gettext_noop("%(where)s must be a number, not %(kind)s"),
            where=where,
            kind=_kind(value),
        )
    if value < 0 or value != value:  # negative or NaN
        where = _path(prefix, key)
        _fail("invalid_value", where, gettext_noop("%(where)s must be zero or more"), where=where)
    return float(value)


_KINDS: dict[type, Phrase] = {
    bool: Phrase(gettext_noop("a boolean")),
    int: Phrase(gettext_noop("a number")),
    float: Phrase(gettext_noop("a number")),
    str: Phrase(gettext_noop("a string")),
    list: Phrase(gettext_noop("a list")),
    dict: Phrase(gettext_noop("an object")),
    type(None): Phrase(gettext_noop("null")),
}
_NOT_OBJECT = gettext_noop("%(where)s must be an object, not %(kind)s")
_REQUIRED = gettext_noop("%(where)s is required")
_NOT_STRING = gettext_noop("%(where)s must be a string, not %(kind)s")


def _kind(value: Any) -> str:
    return _KINDS.get(type(value), type(value).__name__)


class InvalidCase(InvalidInput):
    """The input does not follow the interface; `field` is the JSON path of the culprit."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: str,
        template: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        super().__init__(message, code=code, template=template, params=params)
        self.field = field

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "field": self.field}}


def _fail(code: str, field: str, template: str, /, **params: Param) -> NoReturn:
    """Refuse `field`: the English message for the API and the CLI, the msgid for pages."""
    message = english(template, params)
    raise InvalidCase(message, code=code, field=field, template=template, params=params)
