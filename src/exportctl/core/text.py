"""Text for people, without Django: an English message plus the msgid and params to translate it.

Core cannot import Django, so it marks msgids with a local `gettext_noop` (makemessages passes
`--keyword=gettext_noop` to xgettext, so they are extracted) and keeps the params separate. The
web layer translates the msgid in the reader's language (`exportctl.web.localise`); the CLI,
the API and logs use the English text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union


def gettext_noop(msgid: str) -> str:
    """Mark `msgid` for extraction; it is translated later, where the reader's language is known."""
    return msgid


class Code(str):
    """A stored code (state, role, step, kind): English as is, elsewhere its translated label."""

    __slots__ = ()


class Phrase(str):
    """A marked msgid used as a param (a missing item in a list): translated where shown."""

    __slots__ = ()


Param = Union[str, int, tuple[str, ...], "Text"]  # a forward reference: Text is below


def english(template: str, params: Mapping[str, Param]) -> str:
    """The English text: codes as they are, lists joined with commas, nested texts in English."""
    return template % {k: ", ".join(v) if isinstance(v, tuple) else v for k, v in params.items()}


@dataclass(frozen=True)
class Text:
    """A msgid and its params, kept for translation where the reader's language is known.

    `str()` is the English text. A Text may be the param of another (a reason inside a sentence).
    """

    template: str
    items: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, template: str, /, **params: Param) -> Text:
        return cls(template, tuple(params.items()))

    @property
    def params(self) -> dict[str, Param]:
        return dict(self.items)

    def __str__(self) -> str:
        return english(self.template, self.params)
