"""Load and validate the YAML rule files; fail fast naming the file, the entry id and the reason.

A rule file is `{format: exportctl-rules/1, kind: measures|deadlines, as_of: DATE, entries: [...]}`.
Every entry needs an id, a legal citation (STYLE.md habit 2), valid_from/valid_to, a status that
agrees with its dates on `as_of`, a confidence taken from regime.md's [C]/[S]/[U] tags, and a
source. Reading the file is the only I/O; `parse_rules` is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml

from exportctl.core.errors import MalformedFile
from exportctl.core.rules.model import (
    BOUNDS,
    DEADLINE_KINDS,
    EFFECTS,
    MEASURE_KINDS,
    STATUSES,
    UNITS,
    Confidence,
    Deadline,
    Measure,
    Rule,
    Scope,
    StatusWindow,
)

FORMAT = "exportctl-rules/1"
ERROR_CODE = "invalid_rule"
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_CONTROL_CODE = re.compile(r"^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$")
_CODE_PREFIX = re.compile(r"^[0-9]([A-E]([0-9]{1,3}(\.[a-z0-9]+)*)?)?$")
_COMMON = {
    "id", "kind", "announcement", "citation", "valid_from", "valid_to", "status", "status_history",
    "confidence", "confidence_note", "source", "description_zh", "description_en",
}  # fmt: skip
_MEASURE = _COMMON | {"effect", "scope", "suspends"}
_DEADLINE = _COMMON | {
    "quantity", "unit", "bound", "starts", "applies_to", "clock_excludes", "exceptions",
    "max_extensions",
}  # fmt: skip
_SCOPE = {
    "all_listed_items", "control_codes", "code_prefixes", "control_codes_unconfirmed", "items_zh",
    "destinations", "end_user_military", "end_users", "end_uses", "origin",
}  # fmt: skip
_WINDOW = {"status", "start", "end", "announcement", "by"}


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported with its entry id."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class RuleFile:
    """One parsed rule file."""

    source: str
    kind: str  # "measures" or "deadlines"
    as_of: date
    rules: tuple[Rule, ...]


def load_rules(path: Path | str) -> tuple[Rule, ...]:
    """The rules of one file, validated; MalformedFile names file, entry id and reason."""
    return load_rule_file(path).rules


def load_rule_file(path: Path | str) -> RuleFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedFile(
            f"cannot read rule file: {exc}", location=path.name, code=ERROR_CODE
        ) from exc
    return parse_rules(text, path.name)


def load_rule_files(paths: Iterable[Path | str]) -> tuple[Rule, ...]:
    """Several files at once: ids must be unique across them and every `by` must resolve."""
    rules: list[Rule] = []
    where: dict[str, str] = {}
    for path in paths:
        for rule in load_rules(path):
            if rule.id in where:
                _fail(rule.file, rule.id, f"duplicate id (also in {where[rule.id]})")
            where[rule.id] = rule.file
            rules.append(rule)
    by_id = {r.id: r for r in rules}
    for rule in rules:
        for window in rule.status_history:
            if window.by is None:
                continue
            suspension = by_id.get(window.by)
            if suspension is None:
                _fail(rule.file, rule.id, f"status_history refers to unknown rule {window.by!r}")
            if (window.start, window.end) != (suspension.valid_from, suspension.valid_to):
                _fail(
                    rule.file,
                    rule.id,
                    f"suspended by {window.by!r} from {window.start} to {window.end}, but that "
                    f"rule runs from {suspension.valid_from} to {suspension.valid_to}",
                )
    return tuple(rules)


def parse_rules(text: str, source: str) -> RuleFile:
    """Parse and validate a rule file's text (pure)."""
    try:
        doc = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise MalformedFile(f"invalid YAML: {exc}", location=source, code=ERROR_CODE) from exc
    if not isinstance(doc, dict):
        raise MalformedFile("expected a mapping at the top", location=source, code=ERROR_CODE)
    if doc.get("format") != FORMAT:
        raise MalformedFile(f"format must be {FORMAT!r}", location=source, code=ERROR_CODE)
    kind = doc.get("kind")
    if kind not in ("measures", "deadlines"):
        raise MalformedFile(
            "kind must be 'measures' or 'deadlines'", location=source, code=ERROR_CODE
        )
    as_of = _date(doc.get("as_of"), "as_of", source, "-")
    entries = doc.get("entries")
    if not isinstance(entries, list) or not entries:
        raise MalformedFile("entries must be a non-empty list", location=source, code=ERROR_CODE)
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            _fail(source, f"#{index}", "entry is not a mapping")
        rule_id = entry.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            _fail(source, f"#{index}", f"id {rule_id!r} missing or not lower-case-with-dashes")
        if rule_id in seen:
            _fail(source, rule_id, "duplicate id")
        seen.add(rule_id)
        rule = _measure(entry, source) if kind == "measures" else _deadline(entry, source)
        if rule.status != rule.status_on(as_of):
            _fail(
                source,
                rule_id,
                f"status {rule.status!r} but its dates give {rule.status_on(as_of)!r} on {as_of}",
            )
        rules.append(rule)
    _check_suspensions(rules, source)
    return RuleFile(source, kind, as_of, tuple(rules))


def _common(
    entry: Mapping[str, Any], source: str, allowed: set[str], kinds: frozenset[str]
) -> dict[str, Any]:
    rule_id = str(entry["id"])
    unknown = set(entry) - allowed
    if unknown:
        _fail(source, rule_id, f"unknown field(s) {sorted(unknown)}")
    kind = entry.get("kind")
    if kind not in kinds:
        _fail(source, rule_id, f"unknown kind {kind!r} (expected one of {sorted(kinds)})")
    citation = _text(entry, "citation", source, rule_id)
    valid_from = _date(entry.get("valid_from"), "valid_from", source, rule_id)
    valid_to = (
        None
        if entry.get("valid_to") is None
        else _date(entry["valid_to"], "valid_to", source, rule_id)
    )
    if valid_to is not None and valid_to < valid_from:
        _fail(source, rule_id, f"valid_to {valid_to} is before valid_from {valid_from}")
    status = entry.get("status")
    if status not in STATUSES:
        _fail(source, rule_id, f"unknown status {status!r}")
    confidence = entry.get("confidence")
    if confidence not in ("confirmed", "secondary", "unconfirmed"):
        _fail(
            source,
            rule_id,
            f"confidence {confidence!r} must be confirmed, secondary or unconfirmed",
        )
    return {
        "id": rule_id,
        "kind": kind,
        "citation": citation,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "status": status,
        "confidence": cast(Confidence, confidence),
        "source": _text(entry, "source", source, rule_id),
        "description_zh": _text(entry, "description_zh", source, rule_id),
        "description_en": _text(entry, "description_en", source, rule_id),
        "announcement": _optional_text(entry, "announcement", source, rule_id),
        "status_history": _windows(entry.get("status_history"), source, rule_id),
        "confidence_note": _optional_text(entry, "confidence_note", source, rule_id),
        "file": source,
    }


def _measure(entry: Mapping[str, Any], source: str) -> Measure:
    fields = _common(entry, source, _MEASURE, MEASURE_KINDS)
    rule_id = fields["id"]
    effect = entry.get("effect")
    if effect not in EFFECTS:
        _fail(source, rule_id, f"unknown effect {effect!r} (expected one of {sorted(EFFECTS)})")
    suspends = _strings(entry.get("suspends"), "suspends", source, rule_id)
    if (fields["kind"] == "suspension") != (effect == "suspends") or (effect == "suspends") != bool(
        suspends
    ):
        _fail(
            source, rule_id, "a suspension needs effect 'suspends' and a non-empty 'suspends' list"
        )
    return Measure(
        **fields,
        effect=str(effect),
        scope=_scope(entry.get("scope"), source, rule_id),
        suspends=suspends,
    )


def _deadline(entry: Mapping[str, Any], source: str) -> Deadline:
    fields = _common(entry, source, _DEADLINE, DEADLINE_KINDS)
    rule_id = fields["id"]
    quantity = entry.get("quantity")
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        _fail(source, rule_id, f"quantity {quantity!r} must be a positive integer")
    unit, bound = entry.get("unit"), entry.get("bound")
    if unit not in UNITS:
        _fail(source, rule_id, f"unknown unit {unit!r} (expected one of {sorted(UNITS)})")
    if bound not in BOUNDS:
        _fail(source, rule_id, f"bound {bound!r} must be 'max' or 'min'")
    extensions = entry.get("max_extensions")
    if extensions is not None and (not isinstance(extensions, int) or extensions < 0):
        _fail(source, rule_id, "max_extensions must be a non-negative integer")
    return Deadline(
        **fields,
        quantity=quantity,
        unit=str(unit),
        bound=str(bound),
        starts=_text(entry, "starts", source, rule_id),
        applies_to=_strings(entry.get("applies_to"), "applies_to", source, rule_id),
        clock_excludes=_strings(entry.get("clock_excludes"), "clock_excludes", source, rule_id),
        exceptions=_strings(entry.get("exceptions"), "exceptions", source, rule_id),
        max_extensions=extensions,
    )


def _scope(value: Any, source: str, rule_id: str) -> Scope:
    if value is None:
        return Scope()
    if not isinstance(value, dict):
        _fail(source, rule_id, "scope must be a mapping")
    unknown = set(value) - _SCOPE
    if unknown:
        _fail(source, rule_id, f"unknown scope field(s) {sorted(unknown)}")
    codes = _strings(value.get("control_codes"), "scope.control_codes", source, rule_id)
    unconfirmed = _strings(
        value.get("control_codes_unconfirmed"), "scope.control_codes_unconfirmed", source, rule_id
    )
    for code in (*codes, *unconfirmed):
        if not _CONTROL_CODE.match(code):
            _fail(source, rule_id, f"control code {code!r} does not match {_CONTROL_CODE.pattern}")
    prefixes = _strings(value.get("code_prefixes"), "scope.code_prefixes", source, rule_id)
    for prefix in prefixes:
        if not _CODE_PREFIX.match(prefix):
            _fail(source, rule_id, f"code prefix {prefix!r} is not the start of a control code")
    destinations = _strings(value.get("destinations"), "scope.destinations", source, rule_id)
    for iso in destinations:
        if not _ISO2.match(iso):
            _fail(source, rule_id, f"destination {iso!r} is not an ISO 3166-1 alpha-2 code")
    military = value.get("end_user_military")
    if military is not None and not isinstance(military, bool):
        _fail(source, rule_id, "scope.end_user_military must be true, false or null")
    origin = value.get("origin")
    if origin is not None and not (isinstance(origin, str) and _ISO2.match(origin)):
        _fail(source, rule_id, "scope.origin must be an ISO2 code")
    return Scope(
        all_listed_items=bool(value.get("all_listed_items", False)),
        control_codes=codes,
        code_prefixes=prefixes,
        control_codes_unconfirmed=unconfirmed,
        items_zh=_strings(value.get("items_zh"), "scope.items_zh", source, rule_id),
        destinations=destinations,
        end_user_military=military,
        end_users=_strings(value.get("end_users"), "scope.end_users", source, rule_id),
        end_uses=_strings(value.get("end_uses"), "scope.end_uses", source, rule_id),
        origin=origin,
    )


def _windows(value: Any, source: str, rule_id: str) -> tuple[StatusWindow, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        _fail(source, rule_id, "status_history must be a list")
    windows = []
    for item in value:
        if not isinstance(item, dict) or set(item) - _WINDOW:
            _fail(source, rule_id, f"status_history entries take the fields {sorted(_WINDOW)}")
        if item.get("status") != "suspended":
            _fail(source, rule_id, "status_history records suspensions: status must be 'suspended'")
        start = _date(item.get("start"), "status_history.start", source, rule_id)
        end = (
            None
            if item.get("end") is None
            else _date(item["end"], "status_history.end", source, rule_id)
        )
        if end is not None and end < start:
            _fail(source, rule_id, f"status_history end {end} is before its start {start}")
        windows.append(
            StatusWindow(
                status="suspended",
                start=start,
                end=end,
                announcement=_text(item, "announcement", source, rule_id),
                by=_optional_text(item, "by", source, rule_id),
            )
        )
    return tuple(windows)


def _check_suspensions(rules: list[Rule], source: str) -> None:
    """A suspension and the rules it suspends must tell the same story, with the same dates."""
    by_id = {r.id: r for r in rules}
    for rule in rules:
        if not isinstance(rule, Measure) or rule.kind != "suspension":
            continue
        for target_id in rule.suspends:
            target = by_id.get(target_id)
            if target is None:
                _fail(source, rule.id, f"suspends unknown rule {target_id!r}")
            windows = [w for w in target.status_history if w.by == rule.id]
            if not any(w.start == rule.valid_from and w.end == rule.valid_to for w in windows):
                _fail(
                    source,
                    target_id,
                    f"suspended by {rule.id!r} from {rule.valid_from} to {rule.valid_to}, "
                    "but its status_history does not say so",
                )
    for rule in rules:
        for window in rule.status_history:
            if window.by is None or window.by not in by_id:
                continue  # another file's rule, checked by load_rule_files
            suspension = by_id[window.by]
            if not (isinstance(suspension, Measure) and rule.id in suspension.suspends):
                _fail(
                    source,
                    rule.id,
                    f"status_history names {window.by!r}, which does not suspend it",
                )


def _date(value: Any, what: str, source: str, rule_id: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date | str):
        _fail(source, rule_id, f"{what} {value!r} is not a date (YYYY-MM-DD)")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            _fail(source, rule_id, f"{what} {value!r} is not a date (YYYY-MM-DD)")
    return value


def _text(entry: Mapping[str, Any], key: str, source: str, rule_id: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        _fail(source, rule_id, f"missing {key}")
    return value.strip()


def _optional_text(entry: Mapping[str, Any], key: str, source: str, rule_id: str) -> str | None:
    return None if entry.get(key) is None else _text(entry, key, source, rule_id)


def _strings(value: Any, what: str, source: str, rule_id: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(source, rule_id, f"{what} must be a list of strings")
    return tuple(v.strip() for v in value)


def _fail(source: str, rule_id: str, reason: str) -> NoReturn:
    raise MalformedFile(reason, location=f"{source}: entry {rule_id!r}", code=ERROR_CODE)
