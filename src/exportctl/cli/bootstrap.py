"""Start Django for CLI commands: data directory and secret key first, then django.setup()."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

_ready = False


def data_dir() -> Path:
    return Path(os.environ.get("EXPORTCTL_DATA_DIR", "var")).resolve()


def ensure_data_dir() -> Path:
    """Create the data directory and a secret key on first run (never at settings import)."""
    directory = data_dir()
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "static").mkdir(exist_ok=True)  # STATIC_ROOT: whitenoise expects it to exist
    key_file = directory / "secret_key"
    if not os.environ.get("EXPORTCTL_SECRET_KEY") and not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return directory


def setup() -> None:
    global _ready
    if _ready:
        return
    ensure_data_dir()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exportctl.settings")
    import django

    django.setup()
    _ready = True
