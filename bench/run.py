"""`make bench`: every benchmark in turn; each writes its table to bench/out/ and prints it.

    .venv/bin/python -m bench.run [screening] [determination] [licensing]

Licensing needs PostgreSQL on 127.0.0.1:5432; screening runs the anchor from ../anchor-venv when
it is there (see bench/README.md).
"""

from __future__ import annotations

import subprocess
import sys

RUNNERS = {
    "screening": [["bench.screening.run"]],
    "determination": [["bench.determination.run"], ["bench.determination.batch"]],
    "licensing": [["bench.licensing.run"]],
}


def main(argv: list[str]) -> int:
    chosen = argv or list(RUNNERS)
    unknown = [name for name in chosen if name not in RUNNERS]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(RUNNERS)}",
            file=sys.stderr,
        )
        return 2
    status = 0
    for name in chosen:
        for module in RUNNERS[name]:
            status |= subprocess.run([sys.executable, "-m", *module], check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
