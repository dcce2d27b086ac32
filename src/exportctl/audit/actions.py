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
    "screening.screen": _("Party screened"),
    "screening.screen_file": _("File of parties screened"),
    "screening.false_positive": _("Hit marked false positive"),
    "screening.propose_true_match": _("True match proposed"),
    "screening.confirm_true_match": _("True match confirmed"),
    "screening.reject_proposal": _("True-match proposal rejected"),
    "screening.reopen": _("Hit reopened"),
    "screening.rescreen": _("Parties re-screened after a list change"),
    "admin.change": _("Changed in administration"),
    "admin.add": _("Added in administration"),
    "admin.delete": _("Deleted in administration"),
}


def label(action: str) -> str:
    """Display text of an action code; unknown codes are shown as they are."""
    return str(ACTIONS.get(action, action))
