from django.contrib import admin

from exportctl.catalogue.models import Announcement, ControlEntry, Country, HSCode
from exportctl.web.admin_site import AuditedAdmin


@admin.register(ControlEntry)
class ControlEntryAdmin(AuditedAdmin):
    list_display = (
        "code",
        "category",
        "group",
        "reason",
        "source_announcement",
        "effective_from",
        "text_degraded",
    )
    list_filter = ("category", "group", "text_degraded")
    search_fields = ("code", "text_zh", "title_en")
    readonly_fields = ("search_text",)


@admin.register(Announcement)
class AnnouncementAdmin(AuditedAdmin):
    list_display = ("number", "kind", "published", "effective")
    search_fields = ("number", "title")


@admin.register(HSCode)
class HSCodeAdmin(AuditedAdmin):
    list_display = (
        "code",
        "name_zh",
        "name_en",
        "in_dual_use_catalogue",
        "in_export_licence_goods",
    )
    search_fields = ("code", "name_zh", "name_en")
    list_filter = ("in_dual_use_catalogue", "in_export_licence_goods")


@admin.register(Country)
class CountryAdmin(AuditedAdmin):
    list_display = ("iso2", "iso3", "name_zh", "name_en", "customs_code")
    search_fields = ("iso2", "name_zh", "name_en")
