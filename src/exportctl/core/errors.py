"""One error hierarchy with stable codes; the HTTP layer and the CLI map them to responses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from exportctl.core.text import Param, Text, english


class ExportControlError(Exception):
    """Base error. `code` is stable (used by the API, the CLI and tests); `message` is for people.

    `message` is English (CLI, API, logs). Errors shown on pages also carry `template` (the
    untranslated msgid with named placeholders) and `params`, so a page can say it in the
    reader's language (`exportctl.web.localise.localised`).
    """

    code = "error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        template: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.template = template
        self.params: dict[str, Param] = dict(params or {})
        if code is not None:
            self.code = code

    @classmethod
    def of(cls, template: str, /, **params: Param) -> Self:
        """The error from a marked msgid (`gettext_noop("... %(state)s ...")`) and its params."""
        return cls(english(template, params), template=template, params=params)

    @property
    def text(self) -> Text | None:
        """The msgid and params as a Text, when the error carries them."""
        return Text(self.template, tuple(self.params.items())) if self.template else None


class InvalidInput(ExportControlError):
    """Input of the wrong shape or with unknown values (unknown code, bad date)."""

    code = "invalid_input"


class MalformedFile(ExportControlError):
    """A file that cannot be imported; `location` names the record, line or element."""

    code = "malformed_file"

    def __init__(
        self,
        message: str,
        *,
        location: str | None = None,
        code: str | None = None,
        template: str | None = None,
        params: Mapping[str, Param] | None = None,
    ):
        full = f"{location}: {message}" if location else message
        super().__init__(full, code=code, template=template, params=params)
        self.location = location  # a page shows it before the translated reason


class NotFound(ExportControlError):
    code = "not_found"


class PermissionDenied(ExportControlError):
    code = "permission_denied"


class CalendarDataMissing(ExportControlError):
    """A date falls in a year for which no PRC holiday arrangement is loaded."""

    code = "calendar_year_unknown"


class IllegalTransition(ExportControlError):
    code = "illegal_transition"
