"""Roles of exportctl users: the authority's officers, exporters' compliance officers, customs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASE_OFFICER = "case_officer", _("Case officer")
    REVIEWER = "reviewer", _("Reviewer")
    APPROVER = "approver", _("Approver")
    LIST_ADMIN = "list_admin", _("List administrator")
    AUDITOR = "auditor", _("Auditor")
    EXPORTER = "exporter", _("Exporter compliance officer")
    CUSTOMS = "customs_officer", _("Customs officer")


AUTHORITY_ROLES = frozenset(
    {Role.CASE_OFFICER, Role.REVIEWER, Role.APPROVER, Role.LIST_ADMIN, Role.AUDITOR}
)

# Named permissions: views declare one; templates only check them.
PERMISSIONS: dict[str, frozenset[str]] = {
    "reference.view": frozenset(Role.values),
    "reference.import": frozenset({Role.LIST_ADMIN}),
    "reference.admin": frozenset({Role.LIST_ADMIN}),
    "calendar.admin": frozenset(
        {Role.LIST_ADMIN}
    ),  # the yearly holiday arrangement is reference data
    "audit.view": frozenset({Role.AUDITOR, Role.LIST_ADMIN}),
    # Screening: exporters screen their own parties; officers screen for cases. Reviewing hits
    # is for whoever screened (the organisation), confirmations need a second person.
    "screening.run": frozenset(
        {
            Role.EXPORTER,
            Role.CASE_OFFICER,
            Role.REVIEWER,
            Role.APPROVER,
            Role.LIST_ADMIN,
            Role.CUSTOMS,
        }
    ),
    "screening.review": frozenset(
        {Role.EXPORTER, Role.CASE_OFFICER, Role.REVIEWER, Role.APPROVER, Role.LIST_ADMIN}
    ),
    "screening.view_all": frozenset({Role.AUDITOR}),  # others see their own organisation's
    # Licensing: exporters apply for their organisation; officers work cases; all authority
    # roles read every case (list administrators and auditors included).
    "licensing.apply": frozenset({Role.EXPORTER}),
    "licensing.work": frozenset({Role.CASE_OFFICER, Role.REVIEWER, Role.APPROVER}),
    "licensing.view_all": frozenset(AUTHORITY_ROLES),
    "licensing.use": frozenset({Role.EXPORTER, *AUTHORITY_ROLES}),
    "determination.use": frozenset({Role.EXPORTER, *AUTHORITY_ROLES}),
    "organisation.view_own": frozenset({Role.EXPORTER, Role.CUSTOMS}),
    "organisation.view_all": frozenset(AUTHORITY_ROLES),
}


def role_allows(role: str, permission: str) -> bool:
    """True when users with `role` hold the named permission."""
    return role in PERMISSIONS.get(permission, frozenset())
