"""Controlled parties: one entity model for every list, designations, and import runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One import of one source: who, when, which file (digest) and what changed."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        UNCHANGED = "unchanged", _("unchanged")
        REJECTED = "rejected", _("rejected")

    source = models.CharField(_("source"), max_length=40, db_index=True)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(_("by"), max_length=200)
    file_name = models.CharField(_("file"), max_length=300)
    file_sha256 = models.CharField(_("SHA-256"), max_length=64)
    file_format = models.CharField(_("format"), max_length=40)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    added = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    diff = models.JSONField(default=dict)  # {"added": [keys], "changed": [...], "removed": [...]}
    provenance = models.JSONField(default=dict)
    list_date = models.DateField(_("list date"), null=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M} {self.status}"


class Entity(models.Model):
    """A listed subject as one source publishes it (FollowTheMoney-like)."""

    source = models.CharField(_("source"), max_length=40)
    key = models.CharField(_("source id"), max_length=200)
    schema = models.CharField(_("type"), max_length=20, db_index=True)
    caption = models.CharField(_("name"), max_length=500)
    countries = models.JSONField(_("countries"), default=list)
    addresses = models.JSONField(_("addresses"), default=list)
    identifiers = models.JSONField(_("identifiers"), default=list)
    birth_dates = models.JSONField(_("birth dates"), default=list)
    remarks = models.TextField(_("remarks"), blank=True)
    content_hash = models.CharField(max_length=64)
    first_seen = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")
    last_changed = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")
    removed_at = models.DateTimeField(_("removed from the list"), null=True, blank=True)
    removed_by = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["caption"]
        verbose_name = _("listed party")
        verbose_name_plural = _("listed parties")
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="entity_source_key")]

    def __str__(self) -> str:
        return self.caption


class EntityName(models.Model):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="names")
    value = models.CharField(_("name"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20)
    lang = models.CharField(max_length=10, blank=True)
    script = models.CharField(max_length=10, blank=True)
    folded = models.CharField(max_length=500, db_index=True)  # core.textnorm.compact(value)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.value


class Designation(models.Model):
    """The listing of an entity on one list by one announcement, with its measures and status."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="designations")
    list_code = models.CharField(_("list"), max_length=40, db_index=True)
    announcement = models.CharField(_("announcement"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    authority = models.CharField(_("authority"), max_length=200, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    effective = models.DateField(_("effective"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    programmes = models.JSONField(_("programmes"), default=list)
    measures = models.JSONField(_("measures"), default=list)
    measure_codes = models.JSONField(default=list)
    reason = models.TextField(_("reason"), blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20)
    status_history = models.JSONField(_("status history"), default=list)

    class Meta:
        ordering = ["published", "id"]

    def __str__(self) -> str:
        return f"{self.list_code} {self.announcement}"
