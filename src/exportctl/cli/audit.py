"""`exportctl audit verify`: check the hash chain and name the first broken entry."""

from __future__ import annotations

from typing import Annotated

import typer

from exportctl.cli.bootstrap import setup
from exportctl.cli.output import console, emit_json

app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)


@app.command("verify")
def verify(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Exit 0 when the chain is intact, 1 with the first broken entry otherwise."""
    setup()
    from exportctl.audit.services import verify_chain

    result = verify_chain()
    brk = result.first_break
    if as_json:
        emit_json(
            {
                "ok": result.ok,
                "checked": result.checked,
                "first_broken_seq": brk.seq if brk else None,
                "reason": brk.reason if brk else None,
            }
        )
    elif brk is None:
        console.print(f"[green]audit chain intact[/green]: {result.checked} entries checked")
    else:
        console.print(
            f"[red]audit chain broken at entry {brk.seq}[/red]: {brk.reason} ({result.checked} entries verified before it)"
        )
    if brk is not None:
        raise typer.Exit(1)
