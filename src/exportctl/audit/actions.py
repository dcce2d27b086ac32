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
    "determination.save": _("Determination saved"),
    "licensing.create": _("Application created"),
    "licensing.update": _("Application edited"),
    "licensing.upload": _("Document uploaded"),
    "licensing.submit": _("Application submitted"),
    "licensing.resubmit": _("Application resubmitted"),
    "licensing.request_supplement": _("Supplement requested"),
    "licensing.accept": _("Application accepted"),
    "licensing.refuse_acceptance": _("Application not accepted"),
    "licensing.start_review": _("Review started"),
    "licensing.pause_clock": _("Clock paused"),
    "licensing.resume_clock": _("Clock resumed"),
    "licensing.refer_state_council": _("Referred to the State Council"),
    "licensing.propose": _("Decision proposed"),
    "licensing.return_to_review": _("Proposal returned"),
    "licensing.approve": _("Application approved"),
    "licensing.deny": _("Application denied"),
    "licensing.withdraw": _("Application withdrawn"),
    "licensing.licence_issued": _("Licence issued"),
    "licensing.licence_suspend": _("Licence suspended"),
    "licensing.licence_restore": _("Licence restored"),
    "licensing.licence_revoke": _("Licence revoked"),
    "licensing.licence_withdraw_licence": _("Licence withdrawn"),
    "licensing.licence_return_licence": _("Licence returned"),
    "licensing.licence_expire": _("Licence expired"),
    "licensing.question": _("Classification question asked"),
    "licensing.answer": _("Classification question answered"),
    "calendar.import": _("Calendar year imported"),
    "admin.change": _("Changed in administration"),
    "admin.add": _("Added in administration"),
    "admin.delete": _("Deleted in administration"),
}


def label(action: str) -> str:
    """Display text of an action code; unknown codes are shown as they are."""
    return str(ACTIONS.get(action, action))
