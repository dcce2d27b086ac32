"""Screened parties, their hits, the decisions on each hit, and re-screening runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exportctl.accounts.models import Organisation
from exportctl.parties.models import Entity, ImportRun


class Subject(models.Model):
    """A party an organisation screened (a consignee, end user, intermediary ...)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=500)
    schema = models.CharField(_("type"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    birth_date = models.CharField(_("birth date"), max_length=10, blank=True)
    context = models.CharField(_("screened for"), max_length=40, default="manual")
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("first screened"), auto_now_add=True)
    last_screened_at = models.DateTimeField(_("last screened"))
    list_version = models.CharField(_("list version"), max_length=200)

    class Meta:
        ordering = ["-last_screened_at"]
        verbose_name = _("screened party")
        verbose_name_plural = _("screened parties")

    def __str__(self) -> str:
        return self.name


class Hit(models.Model):
    """A listed party that matched a screened party at or above the alert threshold."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PROPOSED = "true_match_proposed", _("True match proposed (awaiting a second person)")
        TRUE_MATCH = "true_match", _("True match (confirmed)")
        FALSE_POSITIVE = "false_positive", _("False positive")

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="hits")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+")
    entity_hash = models.CharField(max_length=64)  # the list entry as it was when matched
    score = models.FloatField(_("score"))
    matched_name = models.CharField(_("matched name"), max_length=500)
    list_codes = models.JSONField(_("lists"), default=list)
    explanation_en = models.TextField()
    explanation_zh = models.TextField()
    explanation = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.OPEN
    )
    found_at = models.DateTimeField(_("found"), auto_now_add=True)
    found_by_rescreen = models.ForeignKey(
        "Rescreen", null=True, blank=True, on_delete=models.SET_NULL, related_name="hits"
    )

    class Meta:
        ordering = ["-score"]
        verbose_name = _("screening hit")
        verbose_name_plural = _("screening hits")

    def __str__(self) -> str:
        return f"{self.subject} ~ {self.matched_name} ({self.score:.2f})"


class Decision(models.Model):
    """One step of a hit's review (four eyes for a true match)."""

    hit = models.ForeignKey(Hit, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("action"), max_length=30)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} by {self.by_id}"


class Rescreen(models.Model):
    """Re-screening of every screened party against what one list import changed."""

    import_run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    entities_checked = models.PositiveIntegerField(default=0)
    subjects_checked = models.PositiveIntegerField(default=0)
    new_hits = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"rescreen after {self.import_run_id}: {self.new_hits} new hits"


class FileRun(models.Model):
    """One uploaded file of parties screened in a batch; the result is kept for download."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("file"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField(default=0)
    matches = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    list_version = models.CharField(max_length=200)
    result_csv = models.TextField()  # kept in the database: no file path to guess or traverse

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
