"""Determinations saved to an organisation's records (Regulations Art. 27: kept five years)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exportctl.accounts.models import Organisation


class SavedDetermination(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    case = models.JSONField(_("question"))
    result = models.JSONField(_("decision"))
    outcome = models.CharField(_("outcome"), max_length=30, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.outcome} {self.created_at:%Y-%m-%d}"
