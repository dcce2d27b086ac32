"""Display labels for the stable codes the system stores (statuses, outcomes, steps, kinds).

Codes stay English in data and APIs; people read these labels in their language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

LABELS = {
    # determination outcomes, policies, routes
    "no_licence_required": _("No licence required"),
    "registration": _("Registration"),
    "licence_required": _("Licence required"),
    "prohibited": _("Prohibited"),
    "case_by_case": _("Case by case"),
    "presumption_of_denial": _("Presumption of denial"),
    "single": _("Single licence"),
    "general": _("General licence"),
    # movements and end uses
    "export": _("Export"),
    "re_export": _("Re-export"),
    "transit": _("Transit"),
    "transshipment": _("Transshipment"),
    "deemed_export": _("Deemed export (to a foreign person in China)"),
    "into_special_customs_zone": _("Into a special customs supervision zone"),
    "between_special_customs_zones": _("Between special customs supervision zones"),
    "civil": _("Civil"),
    "military": _("Military"),
    "wmd": _("Weapons of mass destruction"),
    "terrorism": _("Terrorism"),
    "unknown": _("Unknown"),
    "inbound_repair_return": _("Return after repair or testing in China"),
    "outbound_repair": _("Re-import after repair or testing abroad"),
    "domestic_exhibition_return": _("Return after an exhibition in China"),
    "foreign_exhibition": _("Re-import after an exhibition abroad"),
    "civil_aircraft_parts": _("Civil aircraft repair and spare parts"),
    # party roles and entity types
    "end_user": _("End user"),
    "consignee": _("Consignee"),
    "importer": _("Importer"),
    "intermediate": _("Intermediary"),
    "ultimate_end_user": _("Ultimate end user"),
    "Person": _("Person"),
    "Organization": _("Organisation"),
    "Company": _("Company"),
    "LegalEntity": _("Legal entity"),
    "Vessel": _("Vessel"),
    "Aircraft": _("Aircraft"),
    # designation statuses
    "listed": _("Listed"),
    "suspended": _("Suspended"),
    "removed": _("Removed"),
    "in_force": _("In force"),
    "not_in_force": _("Not yet in force"),
    # search: matched by
    "code": _("Control code"),
    "hs_code": _("HS code"),
    "text": _("Text"),
    "browse": _("Browse"),
    # import diff
    "added": _("Added"),
    "changed": _("Changed"),
    # workflow steps
    "submit": _("Submit"),
    "resubmit": _("Resubmit"),
    "request_supplement": _("Request a supplement"),
    "accept": _("Accept"),
    "refuse_acceptance": _("Do not accept"),
    "start_review": _("Start the review"),
    "propose": _("Propose a decision"),
    "return_to_review": _("Return to review"),
    "approve": _("Approve"),
    "deny": _("Deny"),
    "withdraw": _("Withdraw"),
    "pause_clock": _("Clock paused"),
    "resume_clock": _("Clock restarted"),
    "refer_state_council": _("Referred to the State Council"),
    "suspend": _("Suspend"),
    "restore": _("Restore"),
    "revoke": _("Revoke"),
    "withdraw_licence": _("Withdraw the licence"),
    "return_licence": _("Return the licence"),
    # application statuses
    "draft": _("Draft"),
    "submitted": _("Submitted"),
    "supplement_requested": _("Supplement requested"),
    "not_accepted": _("Not accepted"),
    "accepted": _("Accepted"),
    "under_review": _("Under review"),
    "proposed": _("Decision proposed"),
    "approved": _("Approved"),
    "denied": _("Denied"),
    "withdrawn": _("Withdrawn"),
    # licence statuses (as in Licence.Status)
    "issued": _("Issued"),
    "revoked": _("Revoked"),
    "expired": _("Expired"),
    "spent": _("Used"),
    "returned": _("Returned"),
    "replaced": _("Replaced by an amendment"),
    # screening hit actions
    "false_positive": _("False positive"),
    "propose_true_match": _("True match proposed"),
    "confirm_true_match": _("True match confirmed"),
    "reject_proposal": _("Proposal rejected"),
    "reopen": _("Reopened"),
    # screening hit statuses (as in screening Hit.Status)
    "open": _("Open"),
    "true_match_proposed": _("True match proposed (awaiting a second person)"),
    "true_match": _("True match (confirmed)"),
    "true": _("Yes"),
    "false": _("No"),
    # trace results
    "not_applicable": _("Not applicable"),
    "applies": _("Applies"),
    # what stops a licensing clock (as in ClockPause.Reason), deadline rule status and confidence
    "expert_consultation": _("Expert consultation"),
    "identification": _("Identification"),
    "on_site_verification": _("On-site verification"),
    "not_yet_in_force": _("Not yet in force"),
    "secondary": _("secondary source"),
    "unconfirmed": _("unconfirmed"),
}


def label(code: object) -> str:
    """The display label of a code; unknown codes are shown as they are."""
    key = str(code) if code is not None else ""
    return str(LABELS.get(key, key))
