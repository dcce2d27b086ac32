"""Users, organisations and roles."""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from exportctl.accounts.roles import AUTHORITY_ROLES, Role, role_allows

# Unified social credit code (GB 32100-2015): 18 characters from this alphabet, last is a check.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def validate_uscc(value: str) -> None:
    """Check an 18-character unified social credit code, including its check character."""
    if not re.fullmatch(f"[{USCC_ALPHABET}]{{18}}", value or ""):
        raise ValidationError(
            _(
                "A unified social credit code has 18 characters (digits and capitals, no I, O, S, V, Z)."
            )
        )
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(value[:17], USCC_WEIGHTS, strict=True))
    expected = USCC_ALPHABET[(31 - total % 31) % 31]
    if value[17] != expected:
        raise ValidationError(_("The check character of this unified social credit code is wrong."))


class Organisation(models.Model):
    """An exporter (or the authority itself, or customs): the unit of data isolation."""

    class Kind(models.TextChoices):
        EXPORTER = "exporter", _("Exporter")
        AUTHORITY = "authority", _("Licensing authority")
        CUSTOMS = "customs", _("Customs")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[validate_uscc]
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["uscc"], condition=~models.Q(uscc=""), name="organisation_uscc_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name_zh


class User(AbstractUser):
    """A person signing in. Exactly one role; exporters and customs belong to an organisation."""

    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role == Role.EXPORTER and self.organisation is None:
            raise ValidationError(_("An exporter user must belong to an organisation."))

    @property
    def is_authority(self) -> bool:
        return self.role in AUTHORITY_ROLES

    def can(self, permission: str) -> bool:
        """Named permission check used by views and templates."""
        return self.is_active and role_allows(self.role, permission)
