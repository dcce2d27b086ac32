"""Shared CLI output: JSON or Rich, and one-line errors with stable exit codes."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from rich.console import Console

console = Console()
err_console = Console(stderr=True)

EXIT_INVALID = 2  # bad input: malformed file, unknown code, calendar year missing


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(code: str, message: str, *, as_json: bool = False, status: int = EXIT_INVALID) -> NoReturn:
    import typer

    if as_json:
        emit_json({"error": {"code": code, "message": message}})
    else:
        err_console.print(f"[red]error[/red] ({code}): {message}", highlight=False)
    raise typer.Exit(status)
