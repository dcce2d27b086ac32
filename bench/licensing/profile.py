"""Single-request cost of the officer queue and the case page, in process (no server, no network).

Run against a seeded database (`python -m bench.licensing.run --keep` leaves one):
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/exportctl_bench .venv/bin/python -m bench.licensing.profile [--cprofile queue]`
Prints CPU ms (time.process_time of this process: Python, templates, driver; not the PostgreSQL
server's own time) and the queries per request, so versions compare on a loaded machine.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--cprofile", choices=["queue", "case"], help="print a profile of one page")
    parser.add_argument("--sql", action="store_true", help="list the queries of one request")
    args = parser.parse_args()

    from exportctl.cli.bootstrap import setup

    setup()
    from django.db import connection
    from django.test import Client

    from exportctl.accounts.models import User
    from exportctl.licensing.models import Application

    client = Client()
    client.force_login(User.objects.get(username="officer"))
    rng = random.Random(7)
    ids = list(Application.objects.exclude(status="draft").values_list("id", flat=True)[:2000])
    pages = {
        "queue": lambda: f"/licensing/queue/?page={rng.randint(1, 20)}",
        "case": lambda: f"/licensing/{rng.choice(ids)}/",
    }
    for name, url in pages.items():
        for _ in range(5):  # warm caches and template loaders
            assert client.get(url()).status_code == 200
        queries: list[tuple[float, str]] = []

        def log(execute, sql, params, many, context, queries=queries):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append(((time.perf_counter() - t) * 1000, sql))

        # request_started resets connection.queries, so count with a wrapper instead
        with connection.execute_wrapper(log):
            client.get(url())
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for _ in range(args.requests):
            client.get(url())
        cpu = (time.process_time() - cpu0) / args.requests * 1000
        wall = (time.perf_counter() - wall0) / args.requests * 1000
        sql_ms = sum(ms for ms, _ in queries)
        print(
            f"{name}: {cpu:.1f} ms CPU, {wall:.1f} ms wall, {len(queries)} queries ({sql_ms:.1f} ms)"
        )
        if args.sql:
            for ms, sql in queries:
                print(f"  {ms:6.1f} ms  {sql[:160]}")
        if args.cprofile == name:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(50):
                client.get(url())
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
