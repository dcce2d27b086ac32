"""The `exportctl` command line (Typer): one module per command group."""
