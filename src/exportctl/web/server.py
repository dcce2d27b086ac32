"""Serve the WSGI application with gunicorn: worker processes use every core (threads alone share one)."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def serve(host: str, port: int, workers: int, threads: int) -> None:
    from exportctl.wsgi import application

    _Server(
        application,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 120,  # a large file screening may take a while
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "preload_app": True,  # import Django once; workers fork from it
        },
    ).run()
