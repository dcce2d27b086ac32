"""Load and validate `rules/determination.yaml`: the determination's rules as data.

Same discipline as `core.rules` (measures.yaml, deadlines.yaml): every entry has an id, a kind,
a legal citation, valid_from/valid_to, a confidence from regime.md's tags and a source; a bad
entry fails the load naming the file, the entry and the reason (MalformedFile, code
`invalid_rule`). Reading the file is the only I/O; `parse_rulebook` is pure.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, NoReturn

import yaml

from exportctl.core.determination.vocabulary import (
    END_USE_CATEGORIES,
    EXPORTER_FLAGS,
    MOVEMENTS,
    REGISTRATION_CASES,
    ROUTES,
)
from exportctl.core.errors import MalformedFile
from exportctl.core.rules.model import Confidence

FORMAT = "exportctl-determination/1"
ERROR_CODE = "invalid_rule"
KINDS = frozenset(
    {"statute", "licence_type", "registration_case", "movement", "exporter_bar", "document"}
    | {"party_effect", "keywords", "setting"}
)
LIST_CODES = frozenset(
    {"mofcom_control", "mofcom_watch", "uel", "mfa_countermeasure", "un_sc", "ofac_sdn"}
    | {"uk_sanctions", "eu_fsf", "us_bis_dpl"}
)
DOCUMENT_ROUTES = frozenset({*ROUTES, "special_application"})
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_COMMON = {
    "id", "kind", "citation", "valid_from", "valid_to", "confidence", "confidence_note",
    "source", "description_zh", "description_en",
}  # fmt: skip
_EXTRA: dict[str, set[str]] = {
    "statute": {"deadline"},
    "licence_type": {"route", "deadline"},
    "registration_case": {"case", "excluded_end_uses"},
    "movement": {"movement", "licensing"},
    "exporter_bar": {"flag", "closes"},
    "document": {"code", "routes", "condition"},
    "party_effect": {
        "list_code",
        "also_list_codes",
        "measure_codes",
        "announcements",
        "outcome",
        "items",
        "special_approval_possible",
        "closes",
        "documents",
        "no_time_limit",
        "when_military",
        "review",
    },
    "keywords": {"for_rule", "keywords", "hs_prefixes"},
    "setting": {"value"},
}


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported with its entry id."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class RuleEntry:
    """One rule of determination.yaml; kind-specific fields are empty where they do not apply."""

    id: str
    kind: str
    citation: str
    valid_from: date
    valid_to: date | None
    confidence: Confidence
    source: str
    description_zh: str
    description_en: str
    confidence_note: str | None = None
    deadline: str | None = None  # statute, licence_type: id of a deadlines.yaml entry
    route: str | None = None  # licence_type
    case: str | None = None  # registration_case
    excluded_end_uses: tuple[str, ...] = ()
    movement: str | None = None  # movement
    licensing: Literal["applies", "not_required"] | None = None
    flag: str | None = None  # exporter_bar
    closes: tuple[str, ...] = ()  # exporter_bar, party_effect: routes no longer open
    code: str | None = None  # document
    routes: tuple[str, ...] = ()
    condition: str | None = None  # document: always | on_request | finding
    list_codes: tuple[str, ...] = ()  # party_effect
    measure_codes: tuple[str, ...] = ()  # () = the list's statutory effect
    announcements: tuple[str, ...] = ()
    outcome: str | None = None  # "prohibited" or "licence_required"
    items: str = "any"  # any | controlled | uncontrolled
    special_approval_possible: bool | None = None
    documents: tuple[str, ...] = ()
    no_time_limit: bool = False
    when_military: bool = False
    review: bool = False
    for_rule: str | None = None  # keywords
    keywords: tuple[str, ...] = ()
    hs_prefixes: tuple[str, ...] = ()
    value: float | None = None  # setting

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def unconfirmed(self) -> bool:
        return self.confidence == "unconfirmed"


@dataclass(frozen=True)
class Rulebook:
    """All entries of determination.yaml, indexed for the engine."""

    source: str
    version: str
    as_of: date
    digest: str  # sha256 of the file text: any edit changes rules_version
    entries: tuple[RuleEntry, ...]

    def __post_init__(self) -> None:
        # Indexes built once: the engine asks these on every determination.
        by_kind: dict[str, list[RuleEntry]] = {}
        for entry in self.entries:
            by_kind.setdefault(entry.kind, []).append(entry)
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})
        object.__setattr__(self, "_by_kind", {k: tuple(v) for k, v in by_kind.items()})
        object.__setattr__(
            self, "_documents", {e.code: e for e in self.entries if e.kind == "document"}
        )
        party_effects: dict[str, list[RuleEntry]] = {}
        for entry in by_kind.get("party_effect", ()):
            for code in dict.fromkeys(entry.list_codes):  # a code named twice counts once
                party_effects.setdefault(code, []).append(entry)
        object.__setattr__(self, "_party_effects", {k: tuple(v) for k, v in party_effects.items()})
        # The one rule per movement, route and registration case (_cross_check guarantees it).
        object.__setattr__(
            self,
            "_by_subject",
            {
                (e.kind, e.movement or e.route or e.case): e
                for e in self.entries
                if e.kind in ("movement", "licence_type", "registration_case")
            },
        )

    def get(self, rule_id: str) -> RuleEntry:
        """The entry with that id; a KeyError here is a programming error, not bad input."""
        by_id: dict[str, RuleEntry] = self.__dict__["_by_id"]
        return by_id[rule_id]

    def of_kind(self, kind: str) -> tuple[RuleEntry, ...]:
        by_kind: dict[str, tuple[RuleEntry, ...]] = self.__dict__["_by_kind"]
        return by_kind.get(kind, ())

    def party_effects(self, list_code: str) -> tuple[RuleEntry, ...]:
        """The party_effect rules naming the list, in file order."""
        effects: dict[str, tuple[RuleEntry, ...]] = self.__dict__["_party_effects"]
        return effects.get(list_code, ())

    def for_subject(self, kind: str, name: str) -> RuleEntry:
        """The rule of kind movement, licence_type or registration_case for that movement,
        route or case."""
        by_subject: dict[tuple[str, str], RuleEntry] = self.__dict__["_by_subject"]
        return by_subject[(kind, name)]

    def document(self, code: str) -> RuleEntry:
        documents: dict[str, RuleEntry] = self.__dict__["_documents"]
        return documents[code]

    def setting(self, rule_id: str) -> float:
        value = self.get(rule_id).value
        assert value is not None  # checked on load
        return value


def load_rulebook(path: Path | str) -> Rulebook:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedFile(f"cannot read: {exc}", location=path.name, code=ERROR_CODE) from exc
    return parse_rulebook(text, path.name)


def parse_rulebook(text: str, source: str) -> Rulebook:
    """Parse and validate the text of a determination rule file (pure)."""
    try:
        doc = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise MalformedFile(f"invalid YAML: {exc}", location=source, code=ERROR_CODE) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise MalformedFile(f"format must be {FORMAT!r}", location=source, code=ERROR_CODE)
    version = doc.get("version")
    if not isinstance(version, str) or not version.strip():
        raise MalformedFile("version must be a non-empty string", location=source, code=ERROR_CODE)
    as_of = _date(doc.get("as_of"), "as_of", source, "-")
    raw = doc.get("entries")
    if not isinstance(raw, list) or not raw:
        raise MalformedFile("entries must be a non-empty list", location=source, code=ERROR_CODE)
    entries: list[RuleEntry] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            _fail(source, f"#{index}", "entry is not a mapping")
        rule_id = item.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            _fail(source, f"#{index}", f"id {rule_id!r} missing or not lower-case-with-dashes")
        if rule_id in seen:
            _fail(source, rule_id, "duplicate id")
        seen.add(rule_id)
        entries.append(_entry(item, source, rule_id))
    _cross_check(entries, source)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Rulebook(source, version.strip(), as_of, digest, tuple(entries))


def _entry(item: Mapping[str, Any], source: str, rule_id: str) -> RuleEntry:
    kind = item.get("kind")
    if kind not in KINDS:
        _fail(source, rule_id, f"unknown kind {kind!r} (expected one of {sorted(KINDS)})")
    unknown = set(item) - _COMMON - _EXTRA[kind]
    if unknown:
        _fail(source, rule_id, f"unknown field(s) {sorted(unknown)} for kind {kind!r}")
    confidence = item.get("confidence")
    if confidence not in ("confirmed", "secondary", "unconfirmed"):
        _fail(
            source,
            rule_id,
            f"confidence {confidence!r} must be confirmed, secondary or unconfirmed",
        )
    valid_from = _date(item.get("valid_from"), "valid_from", source, rule_id)
    valid_to = (
        None
        if item.get("valid_to") is None
        else _date(item["valid_to"], "valid_to", source, rule_id)
    )
    if valid_to is not None and valid_to < valid_from:
        _fail(source, rule_id, f"valid_to {valid_to} is before valid_from {valid_from}")
    if confidence == "unconfirmed" and not item.get("confidence_note"):
        _fail(source, rule_id, "an unconfirmed rule needs a confidence_note saying what to verify")
    fields: dict[str, Any] = {
        "id": rule_id,
        "kind": kind,
        "citation": _text(item, "citation", source, rule_id),
        "valid_from": valid_from,
        "valid_to": valid_to,
        "confidence": confidence,
        "source": _text(item, "source", source, rule_id),
        "description_zh": _text(item, "description_zh", source, rule_id),
        "description_en": _text(item, "description_en", source, rule_id),
        "confidence_note": _optional(item, "confidence_note", source, rule_id),
        "deadline": _optional(item, "deadline", source, rule_id),
    }
    fields.update(_kind_fields(kind, item, source, rule_id))
    return RuleEntry(**fields)


def _kind_fields(kind: str, item: Mapping[str, Any], source: str, rid: str) -> dict[str, Any]:
    if kind == "licence_type":
        return {"route": _choice(item, "route", ROUTES, source, rid)}
    if kind == "registration_case":
        return {
            "case": _choice(item, "case", REGISTRATION_CASES, source, rid),
            "excluded_end_uses": _strings(
                item, "excluded_end_uses", source, rid, END_USE_CATEGORIES
            ),
        }
    if kind == "movement":
        return {
            "movement": _choice(item, "movement", MOVEMENTS, source, rid),
            "licensing": _choice(item, "licensing", ("applies", "not_required"), source, rid),
        }
    if kind == "exporter_bar":
        return {
            "flag": _choice(item, "flag", EXPORTER_FLAGS, source, rid),
            "closes": _strings(item, "closes", source, rid, ROUTES, required=True),
        }
    if kind == "document":
        code = _text(item, "code", source, rid)
        if not _CODE.match(code):
            _fail(source, rid, f"document code {code!r} must be lower_case_with_underscores")
        return {
            "code": code,
            "routes": _strings(item, "routes", source, rid, tuple(DOCUMENT_ROUTES), required=True),
            "condition": _choice(
                item, "condition", ("always", "on_request", "finding"), source, rid
            ),
        }
    if kind == "party_effect":
        return _party_effect(item, source, rid)
    if kind == "keywords":
        return {
            "for_rule": _text(item, "for_rule", source, rid),
            "keywords": tuple(
                k.casefold() for k in _strings(item, "keywords", source, rid, None, required=True)
            ),
            "hs_prefixes": _strings(item, "hs_prefixes", source, rid, None),
        }
    if kind == "setting":
        value = item.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            _fail(source, rid, "a setting needs a numeric value")
        return {"value": float(value)}
    return {}


def _party_effect(item: Mapping[str, Any], source: str, rid: str) -> dict[str, Any]:
    list_codes = (
        _choice(item, "list_code", tuple(LIST_CODES), source, rid),
        *_strings(item, "also_list_codes", source, rid, tuple(LIST_CODES)),
    )
    outcome = item.get("outcome")
    if outcome not in (None, "prohibited", "licence_required"):
        _fail(source, rid, f"outcome {outcome!r} must be prohibited, licence_required or absent")
    items = item.get("items", "any")
    if items not in ("any", "controlled", "uncontrolled"):
        _fail(source, rid, f"items {items!r} must be any, controlled or uncontrolled")
    special = item.get("special_approval_possible")
    if special is not None and not isinstance(special, bool):
        _fail(source, rid, "special_approval_possible must be true, false or absent")
    if outcome == "prohibited" and special is None:
        _fail(source, rid, "a prohibition must say whether special approval is possible")
    flags = {}
    for key in ("no_time_limit", "when_military", "review"):
        value = item.get(key, False)
        if not isinstance(value, bool):
            _fail(source, rid, f"{key} must be true or false")
        flags[key] = value
    return {
        "list_codes": list_codes,
        "measure_codes": _strings(item, "measure_codes", source, rid, None),
        "announcements": _strings(item, "announcements", source, rid, None),
        "outcome": outcome,
        "items": items,
        "special_approval_possible": special,
        "closes": _strings(item, "closes", source, rid, ROUTES),
        "documents": _strings(item, "documents", source, rid, None),
        **flags,
    }


def _cross_check(entries: list[RuleEntry], source: str) -> None:
    """Documents named by findings exist; every route, movement and case has exactly one rule."""
    codes = {e.code for e in entries if e.kind == "document"}
    for entry in entries:
        for code in entry.documents:
            if code not in codes:
                _fail(source, entry.id, f"names unknown document {code!r}")
    for kind, attr, expected in (
        ("licence_type", "route", ROUTES),
        ("movement", "movement", MOVEMENTS),
        ("registration_case", "case", REGISTRATION_CASES),
        ("exporter_bar", "flag", EXPORTER_FLAGS),
    ):
        found = sorted(str(getattr(e, attr)) for e in entries if e.kind == kind)
        if found != sorted(expected):
            _fail(source, kind, f"needs one rule for each of {sorted(expected)}, found {found}")


def _choice(
    item: Mapping[str, Any], key: str, allowed: tuple[str, ...], source: str, rid: str
) -> str:
    value = item.get(key)
    if value not in allowed:
        _fail(source, rid, f"{key} {value!r} must be one of {sorted(allowed)}")
    return str(value)


def _strings(
    item: Mapping[str, Any],
    key: str,
    source: str,
    rid: str,
    allowed: tuple[str, ...] | None,
    *,
    required: bool = False,
) -> tuple[str, ...]:
    value = item.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(source, rid, f"{key} must be a list of strings")
    if required and not value:
        _fail(source, rid, f"{key} must not be empty")
    if allowed is not None:
        for v in value:
            if v not in allowed:
                _fail(source, rid, f"{key}: {v!r} is not one of {sorted(allowed)}")
    return tuple(v.strip() for v in value)


def _date(value: Any, what: str, source: str, rid: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date | str):
        _fail(source, rid, f"{what} {value!r} is not a date (YYYY-MM-DD)")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            _fail(source, rid, f"{what} {value!r} is not a date (YYYY-MM-DD)")
    return value


def _text(item: Mapping[str, Any], key: str, source: str, rid: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        _fail(source, rid, f"missing {key}")
    return value.strip()


def _optional(item: Mapping[str, Any], key: str, source: str, rid: str) -> str | None:
    return None if item.get(key) is None else _text(item, key, source, rid)


def _fail(source: str, rule_id: str, reason: str) -> NoReturn:
    raise MalformedFile(reason, location=f"{source}: entry {rule_id!r}", code=ERROR_CODE)
