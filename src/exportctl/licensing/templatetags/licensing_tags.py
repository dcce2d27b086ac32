"""`{% clock c %}`: a case's time limit as the pages show it (case page, queue, dashboard).

One Python tag instead of an included partial: the queue renders it 50 times a page, and an
include with a blocktranslate per row was a third of the page's CPU time.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from exportctl.core.calendar import Deadline
from exportctl.licensing.clock import Clock
from exportctl.web.localise import clauses

register = template.Library()


@register.simple_tag(name="clock")
def clock_tag(c: Clock) -> SafeString | str:
    """Working days left or over, paused, due date; else why it is unknown or absent; else a dash."""
    if c.deadline is not None and c.deadline.due is not None and c.remaining is not None:
        if c.overdue:
            text = _("%(n)s working days over") % {"n": -c.remaining}
            css = "clock overdue"
        else:
            text = _("%(n)s working days left") % {"n": c.remaining}
            css = "clock paused" if c.paused else "clock"
        if c.paused:
            text += " · " + _("paused")
        text += " · " + _("due") + " " + c.deadline.due.isoformat()
        return format_html('<span class="{}" title="{}">{}</span>', css, _note(c), text)
    if c.note:
        note = _note(c)
        return format_html(
            '<span class="clock unknown" title="{}">{}</span>',
            note,
            Truncator(note).chars(90),
        )
    return "—"


@register.filter(name="explained")
def explained(deadline: Deadline) -> str:
    """`{{ deadline|explained }}`: the deadline's explanation in the reader's language."""
    return clauses(deadline.explain_parts())


def _note(c: Clock) -> str:
    """The note in the reader's language: computed ones from their texts, fixed ones are msgids."""
    if c.note_text:
        return clauses(c.note_text)
    return _(c.note) if c.note else ""
