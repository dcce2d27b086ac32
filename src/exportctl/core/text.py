"""Text for people, without Django: an English message plus the msgid and params to translate it.

Core cannot import Django, so it marks msgids with a local `gettext_noop` (makemessages passes
`--keyword=gettext_noop` to xgettext, so they are extracted) and keeps the params separate. The
web layer translates the msgid in the reader's language (`exportctl.web.localise`); the CLI,
the API and logs use the English text.
"""

from __future__ import annotations

from collections.abc import Mapping


def gettext_noop(msgid: str) -> str:
    """Mark `msgid` for extraction; it is translated later, where the reader's language is known."""
    return msgid


class Code(str):
    """A stored code (state, role, step, kind): English as is, elsewhere its translated label."""

    __slots__ = ()


class Phrase(str):
    """A marked msgid used as a param (a missing item in a list): translated where shown."""

    __slots__ = ()


Param = str | int | tuple[str, ...]


def english(template: str, params: Mapping[str, Param]) -> str:
    """The English text: codes as they are, lists joined with commas."""
    return template % {k: ", ".join(v) if isinstance(v, tuple) else v for k, v in params.items()}
