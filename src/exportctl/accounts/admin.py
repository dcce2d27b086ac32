from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from exportctl.accounts.models import Organisation, User
from exportctl.web.admin_site import AuditedAdmin


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name_zh", "name_en", "kind", "uscc")
    search_fields = ("name_zh", "name_en", "uscc")


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    list_display = ("username", "role", "organisation", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("exportctl", {"fields": ("role", "organisation")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "password1", "password2", "role", "organisation")}),
    )
