from django.contrib import admin

from exportctl.parties.models import Designation, Entity, EntityName, ImportRun
from exportctl.web.admin_site import AuditedAdmin


class NameInline(admin.TabularInline):
    model = EntityName
    extra = 0
    fields = ("value", "kind", "lang", "script")


class DesignationInline(admin.StackedInline):
    model = Designation
    extra = 0


@admin.register(Entity)
class EntityAdmin(AuditedAdmin):
    list_display = ("caption", "source", "key", "schema", "removed_at")
    list_filter = ("source", "schema")
    search_fields = ("caption", "key", "names__value")
    inlines = (NameInline, DesignationInline)
    readonly_fields = ("content_hash", "first_seen", "last_changed", "removed_by")


@admin.register(ImportRun)
class ImportRunAdmin(AuditedAdmin):
    list_display = ("source", "started_at", "actor_label", "status", "added", "changed", "removed")
    list_filter = ("source", "status")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # imports run through `exportctl lists import`, which records them

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
