"""The Dual-Use Items Export Control List, its source announcements, HS codes and countries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Announcement(models.Model):
    """An announcement (公告) of MOFCOM and other departments that lists, changes or suspends."""

    key = models.CharField(_("identifier"), max_length=300, unique=True)
    number = models.CharField(_("announcement number"), max_length=120, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    authorities = models.JSONField(_("issuing authorities"), default=list)
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    effective = models.DateField(_("effective"), null=True, blank=True)
    url = models.URLField(_("source URL"), max_length=500, blank=True)
    summary_zh = models.TextField(_("summary (Chinese)"), blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    removed_at = models.DateTimeField(_("no longer in the imported data"), null=True, blank=True)

    class Meta:
        ordering = ["-published", "key"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return self.number or self.key


class ControlEntry(models.Model):
    """A control code (`1C902`) or sub-item (`1C902.a`) of the Dual-Use Items Export Control List."""

    code = models.CharField(_("control code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    category = models.PositiveSmallIntegerField(_("category"), db_index=True)
    group = models.CharField(_("group"), max_length=1, db_index=True)
    text_zh = models.TextField(_("text (Chinese)"))
    title_en = models.CharField(_("title (English)"), max_length=400, blank=True)
    reason = models.CharField(_("reason for control"), max_length=100, blank=True)
    reason_derived = models.BooleanField(_("reason derived, not printed"), default=False)
    item_type = models.CharField(_("item type"), max_length=100, blank=True)
    text_degraded = models.BooleanField(_("text degraded in extraction"), default=False)
    text_complete = models.BooleanField(_("full text (not a snippet)"), default=False)
    list_text_zh = models.TextField(_("text as in the consolidated list"), blank=True)
    citation = models.CharField(_("citation"), max_length=400, blank=True)
    announcement = models.ForeignKey(
        Announcement, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    source_announcement = models.CharField(_("source announcement"), max_length=120, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    status_history = models.JSONField(_("status history"), default=list)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    search_text = models.TextField(editable=False, blank=True)  # folded code + texts, for search
    removed_at = models.DateTimeField(_("no longer in the imported list"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("control list entry")
        verbose_name_plural = _("control list entries")

    def __str__(self) -> str:
        return self.code


class ControlEntryHSCode(models.Model):
    """A reference HS code printed for an entry (the code and parameters prevail over HS)."""

    entry = models.ForeignKey(ControlEntry, on_delete=models.CASCADE, related_name="hs_links")
    hs_code = models.CharField(_("HS code"), max_length=10, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "hs_code"], name="entry_hs_unique")]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.hs_code}"


class HSCode(models.Model):
    """A China Customs commodity code (8-digit national or 10-digit with supervision suffix)."""

    code = models.CharField(_("HS code"), max_length=10, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=500, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    in_dual_use_catalogue = models.BooleanField(
        _("in the 2026 dual-use licence catalogue"), default=False
    )
    in_export_licence_goods = models.BooleanField(
        _("in the 2026 export licence goods catalogue"), default=False
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")

    def __str__(self) -> str:
        return self.code


class Country(models.Model):
    """ISO 3166-1 country with its Chinese names and China Customs partner code."""

    iso2 = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    iso3 = models.CharField(max_length=3, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    variants_zh = models.JSONField(default=list)
    customs_code = models.CharField(_("customs partner code"), max_length=10, blank=True)

    class Meta:
        ordering = ["iso2"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return f"{self.iso2} {self.name_zh or self.name_en}"


class CatalogueImport(models.Model):
    """One import of a catalogue file (control entries, HS codes, countries, announcements)."""

    kind = models.CharField(max_length=40)
    file_name = models.CharField(max_length=300)
    file_sha256 = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=200)
    status = models.CharField(max_length=20)
    counts = models.JSONField(default=dict)
    diff = models.JSONField(default=dict)
    provenance = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M} {self.status}"
