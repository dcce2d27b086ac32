"""Audit action codes with their display text in both languages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "accounts.sign_in": _("Signed in"),
    "accounts.sign_out": _("Signed out"),
    "accounts.sign_in_failed": _("Failed sign-in"),
    "accounts.user_created": _("User created"),
    "accounts.organisation_created": _("Organisation created"),
    "accounts.password_reset": _("Password reset"),
    "lists.import": _("List imported"),
    "lists.import_failed": _("List import rejected"),
    "catalogue.import": _("Catalogue imported"),
    "admin.change": _("Changed in administration"),
    "admin.add": _("Added in administration"),
    "admin.delete": _("Deleted in administration"),
}


def label(action: str) -> str:
    """Display text of an action code; unknown codes are shown as they are."""
    return str(ACTIONS.get(action, action))
