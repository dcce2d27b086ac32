"""The Django admin for list administrators: role-gated, every change audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import HttpRequest

from exportctl.audit import services as audit


def _role_ok(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_authenticated and user.can("reference.admin"))  # type: ignore[union-attr]


# Only list administrators enter the admin, whatever `is_staff` says.
admin.site.has_permission = _role_ok  # type: ignore[method-assign]
admin.site.site_header = "exportctl"


class AuditedAdmin(admin.ModelAdmin):
    """Writes an audit entry, in the same transaction, for every add, change and delete."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _role_ok(request)

    has_module_permission = has_view_permission  # type: ignore[assignment]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _role_ok(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _role_ok(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _role_ok(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changed = {f: str(form.cleaned_data.get(f))[:500] for f in form.changed_data}
            audit.record(
                "admin.change" if change else "admin.add",
                obj,
                actor=request.user,
                data={"model": obj._meta.label, "repr": str(obj)[:200], "fields": changed},
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            snapshot = {k: str(v)[:200] for k, v in model_to_dict(obj).items()}
            audit.record(
                "admin.delete",
                obj,
                actor=request.user,
                data={"model": obj._meta.label, "repr": str(obj)[:200], "values": snapshot},
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)
