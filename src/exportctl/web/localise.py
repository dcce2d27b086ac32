"""Say core's and the services' messages in the reader's language (the active Django language).

A message is a msgid with named placeholders plus params (`exportctl.core.text`): the msgid is
translated here, codes in the params become their translated labels, marked phrases are
translated, lists are joined with the language's list separator. Params that are neither stay as
they are (references, numbers, user input). Without a msgid the English message is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext, pgettext

from exportctl.accounts.roles import Role
from exportctl.core.errors import ExportControlError
from exportctl.core.text import Code, Phrase, Text
from exportctl.web.labels import LABELS, label

ROLE_LABELS = {**dict(Role.choices), "system": "system"}


def _code(code: str) -> str:
    if code in LABELS:
        return label(code)
    return str(ROLE_LABELS.get(code, code))


def _value(value: Any) -> Any:
    if isinstance(value, Code):
        return _code(value)
    if isinstance(value, Phrase):
        return gettext(value)
    if isinstance(value, Text):
        return text(value)
    if isinstance(value, tuple | list):
        return pgettext("list separator", ", ").join(str(_value(v)) for v in value)
    return value


def render(template: str, params: Mapping[str, Any]) -> str:
    """The msgid translated into the active language, with its params filled in."""
    return gettext(template) % {k: _value(v) for k, v in params.items()}


def text(t: Text) -> str:
    """A core Text in the active language (English when a translation's placeholder is broken)."""
    try:
        return render(t.template, t.params)
    except (KeyError, TypeError, ValueError):
        return str(t)


def clauses(parts: Sequence[Text]) -> str:
    """Texts said one after another (an explanation's clauses), with the language's separator."""
    return pgettext("clause separator", "; ").join(text(p) for p in parts)


def localised(exc: ExportControlError) -> str:
    """What a page shows for an error: translated when it carries a msgid, else its message."""
    if exc.text is None:
        return exc.message
    said = text(exc.text)
    location = getattr(exc, "location", None)  # MalformedFile: the file and entry, as they are
    return f"{location}: {said}" if location else said


# Stored messages (notifications) keep their params as JSON: codes and phrases are tagged.
def params_to_json(params: Mapping[str, Any]) -> dict[str, Any]:
    def encode(v: Any) -> Any:
        if isinstance(v, Code):
            return {"code": str(v)}
        if isinstance(v, Phrase):
            return {"phrase": str(v)}
        if isinstance(v, tuple | list):
            return [encode(x) for x in v]
        return v

    return {k: encode(v) for k, v in params.items()}


def params_from_json(data: Mapping[str, Any]) -> dict[str, Any]:
    def decode(v: Any) -> Any:
        if isinstance(v, dict) and "code" in v:
            return Code(v["code"])
        if isinstance(v, dict) and "phrase" in v:
            return Phrase(v["phrase"])
        if isinstance(v, list):
            return tuple(decode(x) for x in v)
        return v

    return {k: decode(v) for k, v in data.items()}
