"""The `exportctl` command: run the system, import lists, search, verify the audit trail."""

from __future__ import annotations

from typing import Annotated

import typer

from exportctl.cli import audit, lists, reference, screen
from exportctl.cli import calendar as calendar_cli
from exportctl.cli.bootstrap import setup
from exportctl.cli.determine import determine
from exportctl.cli.output import console

app = typer.Typer(
    help="exportctl: export control management (PRC Export Control Law and Dual-Use Regulations).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(lists.app, name="lists")
app.add_typer(audit.app, name="audit")
app.add_typer(reference.catalogue_app, name="catalogue")
app.add_typer(reference.parties_app, name="parties")
app.add_typer(screen.app, name="screen")
app.add_typer(calendar_cli.app, name="calendar")
app.command("determine")(determine)


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _load_reference_if_empty() -> None:
    from exportctl.catalogue.models import ControlEntry
    from exportctl.parties.models import ImportRun

    if ControlEntry.objects.exists() and ImportRun.objects.exists():
        return
    console.print("Loading the bundled reference data (control list, HS codes, party lists)...")
    for code in lists.all_sources():
        summary = lists.import_one(code, None, None)
        console.print(f"  {code:<14} {summary.get('added', 0):>6} added  {summary['seconds']:>5}s")
    lists.build_screening_index()


def _print_demo_accounts() -> None:
    from exportctl.accounts.demo import ensure_demo_accounts

    accounts = ensure_demo_accounts()
    new = [a for a in accounts if a.password]
    if new:
        console.print("\n[bold]Demo accounts[/bold] (passwords are shown once; keep them):")
        for a in new:
            console.print(f"  {a.username:<10} {a.role:<16} {a.password}   {a.organisation}")
    else:
        console.print(
            "\nDemo accounts exist: "
            + ", ".join(a.username for a in accounts)
            + ". Their passwords were printed when they were created; `exportctl demo-password USER` sets a new one."
        )


@app.command()
def init(demo: Annotated[bool, typer.Option(help="Create the demo accounts.")] = True) -> None:
    """Create the database, load the bundled reference data and the demo accounts."""
    setup()
    _migrate()
    _load_reference_if_empty()
    if demo:
        _print_demo_accounts()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (default: cores + 1).")] = 0,
    threads: Annotated[int, typer.Option(help="Threads per worker.")] = 2,
) -> None:
    """Serve the web UI and API (gunicorn) without setting anything up."""
    import os

    setup()
    from django.db import connections

    from exportctl.screening.index_cache import warm_index
    from exportctl.web.server import serve as run_server

    warm_index()  # loaded and prepared once here: the workers fork from this process and share it
    connections.close_all()  # workers fork from this process: never share a database connection

    # Measured (bench/licensing): 3 workers x 2 threads beat 2 x 8 on 2 cores (the GIL binds threads).
    count = workers or (os.cpu_count() or 1) + 1
    console.print(
        f"\nexportctl serving on [bold]http://{host}:{port}/[/bold]  (API docs: /api/docs)  Ctrl-C stops."
    )
    run_server(host, port, count, threads)


@app.command()
def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (default: cores + 1).")] = 0,
    threads: Annotated[int, typer.Option(help="Threads per worker.")] = 2,
) -> None:
    """Set up on first run (database, reference data, demo accounts), then serve."""
    init(demo=True)
    serve(host=host, port=port, workers=workers, threads=threads)


@app.command("demo-password")
def demo_password(username: str) -> None:
    """Set and print a new random password for a (demo) account."""
    setup()
    from exportctl.accounts.demo import reset_password

    console.print(reset_password(username))


if __name__ == "__main__":
    app()
