"""Notifications in the app and by e-mail (after commit) on every step that waits for someone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from exportctl.accounts.models import User
from exportctl.licensing.models import Notification


def notify(users: Iterable[Any], text: str, url: str) -> None:
    recipients = [u for u in users if u is not None and u.is_active]
    Notification.objects.bulk_create(
        [Notification(user=u, text=text[:300], url=url[:300]) for u in recipients]
    )
    emails = [u.email for u in recipients if u.email]
    if emails:
        transaction.on_commit(
            lambda: send_mail(
                f"[exportctl] {text[:120]}",
                f"{text}\n\n{url}",
                settings.DEFAULT_FROM_EMAIL,
                emails,
                fail_silently=True,
            )
        )


def role_users(role: str) -> list[User]:
    return list(User.objects.filter(role=role, is_active=True))


def organisation_users(organisation_id: int) -> list[User]:
    return list(
        User.objects.filter(organisation_id=organisation_id, role="exporter", is_active=True)
    )
