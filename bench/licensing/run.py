"""Licensing load benchmark: 100,000 applications in PostgreSQL; officer queue and case page p95.

Run: `.venv/bin/python -m bench.licensing.run [--applications 100000] [--clients 20] [--requests 1000]`
Needs PostgreSQL at 127.0.0.1:5432 (trust auth). Creates (and drops) the database `exportctl_bench`,
serves exportctl (`exportctl serve`, gunicorn) on a loopback port in a child process, and drives it from
`--clients` threads on loopback only. Writes bench/out/licensing.md.
For the CPU and queries of one request (comparable on a busy machine), see bench/licensing/profile.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB = "exportctl_bench"
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(sql)


def seed(n: int, data_dir: Path) -> None:
    """Migrate, load countries and the demo accounts, then bulk-create n applications."""
    env = {
        **os.environ,
        "DATABASE_URL": URL,
        "EXPORTCTL_DATA_DIR": str(data_dir),
        "EXPORTCTL_SECRET_KEY": "bench",
    }
    code = f"""
import datetime as dt, random
from exportctl.cli.bootstrap import setup; setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from exportctl.catalogue.services import import_catalogue
import_catalogue("countries")
from exportctl.accounts.demo import ensure_demo_accounts
ensure_demo_accounts()
from exportctl.accounts.models import Organisation, User
from exportctl.licensing.models import Application, Item, Party, Event
rng = random.Random(7)
orgs = list(Organisation.objects.filter(kind="exporter"))
officer = User.objects.get(username="officer"); exporter = User.objects.get(username="exporter")
states = ["submitted", "accepted", "under_review", "proposed", "approved", "denied", "withdrawn"]
start = dt.date(2026, 1, 5)
batch = []
for i in range({n}):
    status = rng.choice(states)
    sub = start + dt.timedelta(days=rng.randrange(0, 300))
    acc = sub + dt.timedelta(days=3) if status not in ("submitted",) else None
    due = acc + dt.timedelta(days=63) if status in ("accepted", "under_review", "proposed") else None
    batch.append(Application(organisation=rng.choice(orgs), reference=f"BENCH-{{i:07d}}", kind="single", status=status,
        destination=rng.choice(["DE", "US", "JP", "FR", "KR", "BR", "IN"]), created_by=exporter, submitted_on=sub,
        accepted_on=acc, time_limit_days=45, due_on=due, determination={{"outcome": "licence_required", "trace": []}}))
    if len(batch) == 5000:
        Application.objects.bulk_create(batch); batch = []
Application.objects.bulk_create(batch)
apps = list(Application.objects.values_list("id", "submitted_on"))
Item.objects.bulk_create([Item(application_id=a, control_code="1C902.a", description="samarium metal", quantity=100, unit="kg", value_cny=250000) for a, _ in apps], batch_size=5000)
Party.objects.bulk_create([Party(application_id=a, role="end_user", name=f"End user {{a}}", country="DE") for a, _ in apps], batch_size=5000)
Event.objects.bulk_create([Event(application_id=a, action="submit", from_status="draft", to_status="submitted", actor=exporter, on=s) for a, s in apps], batch_size=5000)
from django.db import connection
if connection.vendor == "postgresql":
    connection.cursor().execute("VACUUM ANALYZE")  # as autovacuum would leave a live system
print(len(apps))
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


def password(data_dir: Path, username: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": URL,
        "EXPORTCTL_DATA_DIR": str(data_dir),
        "EXPORTCTL_SECRET_KEY": "bench",
    }
    out = subprocess.run(
        [str(ROOT / ".venv/bin/exportctl"), "demo-password", username],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


def login(base: str, username: str, pw: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    html = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    body = urllib.parse.urlencode(
        {"username": username, "password": pw, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(
        urllib.request.Request(
            f"{base}/accounts/login/", data=body, headers={"Referer": f"{base}/accounts/login/"}
        )
    )
    return opener


errors = [0]


def drive(
    base: str, pw: str, clients: int, requests: int, ids: list[int]
) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"queue": [], "case": []}
    errors[0] = 0
    lock = threading.Lock()
    per_client = max(1, requests // clients)

    def client(seed: int) -> None:
        rng = random.Random(seed)
        opener = login(base, "officer", pw)
        deadline = time.monotonic() + 600  # bounded in time as well as in count
        for i in range(per_client):
            if time.monotonic() > deadline:
                break
            kind = "queue" if i % 2 == 0 else "case"
            url = (
                f"{base}/licensing/queue/?page={rng.randint(1, 20)}"
                if kind == "queue"
                else f"{base}/licensing/{rng.choice(ids)}/"
            )
            t = time.perf_counter()
            try:
                opener.open(url).read()
            except urllib.error.HTTPError:
                with lock:
                    errors[0] += 1
                continue
            with lock:
                timings[kind].append((time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=client, args=(s,)) for s in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return timings


WRK_SCRIPT = """
paths = {%s}
cookie = "%s"
request = function()
  return wrk.format("GET", paths[math.random(#paths)], {["Cookie"] = cookie})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%.1f %%.1f %%.1f %%.1f %%d\\n", summary.requests,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.duration))
end
"""


def drive_wrk(
    base: str, pw: str, clients: int, seconds: int, paths: dict[str, list[str]]
) -> dict[str, tuple[float, ...]]:
    """wrk (C, event loop) as the load generator: the client costs the 2 cores almost nothing."""
    opener = login(base, "officer", pw)
    cookie = "; ".join(
        f"{c.name}={c.value}"
        for h in opener.handlers
        if hasattr(h, "cookiejar")
        for c in h.cookiejar
    )
    out: dict[str, tuple[float, ...]] = {}
    for name, urls in paths.items():
        script = ROOT / "bench" / "out" / f"wrk-{name}.lua"
        script.write_text(WRK_SCRIPT % (", ".join(f'"{u}"' for u in urls), cookie))
        run = subprocess.run(
            [
                "wrk",
                "-t1" if clients < 2 else "-t2",
                f"-c{clients}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(x for x in run.stdout.splitlines() if x.startswith("RESULT"))
        n, errors, p50, p95, p99, mx, duration = line.split()[1:]
        out[name] = (
            int(n),
            int(errors),
            float(p50),
            float(p95),
            float(p99),
            float(mx),
            int(duration) / 1e6,
        )
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--keep", action="store_true", help="keep the seeded database for profiling"
    )
    args = parser.parse_args()
    data_dir = ROOT / "bench" / "out" / "licensing-data"
    data_dir.mkdir(parents=True, exist_ok=True)
    _psql(f"DROP DATABASE IF EXISTS {DB}")
    _psql(f"CREATE DATABASE {DB}")
    t0 = time.perf_counter()
    seed(args.applications, data_dir)
    seeded = time.perf_counter() - t0
    pw = password(data_dir, "officer")
    env = {
        **os.environ,
        "DATABASE_URL": URL,
        "EXPORTCTL_DATA_DIR": str(data_dir),
        "EXPORTCTL_SECRET_KEY": "bench",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/exportctl"),
            "serve",
            "--port",
            str(args.port),
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(ROOT / "bench" / "out" / "licensing-server.log").open("w"),
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health").read()
                break
            except OSError:
                time.sleep(0.3)
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DB}") as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM licensing_application ORDER BY random() LIMIT 2000"
                )
            ]
        drive(base, pw, 2, 40, ids)  # warm-up
        t1 = time.perf_counter()
        timings = drive(base, pw, args.clients, args.requests, ids)
        elapsed = time.perf_counter() - t1
        wrk = None
        if shutil.which("wrk"):
            wrk = drive_wrk(
                base,
                pw,
                args.clients,
                20,
                {
                    "queue": [f"/licensing/queue/?page={p}" for p in range(1, 41)],
                    "case": [f"/licensing/{i}/" for i in ids[:500]],
                },
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            _psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    lines = [
        f"# Licensing load benchmark ({dt.date.today()}, {os.cpu_count()} cores, PostgreSQL, gunicorn {args.workers} workers x {args.threads} threads)",
        "",
        f"{args.applications:,} applications seeded in {seeded:.0f} s; {args.clients} concurrent clients on loopback; "
        f"{sum(len(v) for v in timings.values())} requests in {elapsed:.1f} s (Python client threads on the same 2 cores).",
        "",
        "| page | requests | p50 ms | p95 ms | p99 ms | max ms | target p95 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, values in timings.items():
        lines.append(
            f"| {name} | {len(values)} | {statistics.median(values):.0f} | {pct(values, 95):.0f} | {pct(values, 99):.0f} | {max(values):.0f} | < 300 |"
        )
    lines += ["", f"Server errors (HTTP 5xx): {errors[0]}"]
    if wrk:
        lines += [
            "",
            f"With wrk as the load generator ({args.clients} connections, 20 s per page, the same server):",
            "",
            "| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | target p95 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, (n, errs, p50, p95, p99, mx, secs) in wrk.items():
            lines.append(
                f"| {name} | {n} | {n / secs:.0f} | {p50:.0f} | {p95:.0f} | {p99:.0f} | {mx:.0f} | {errs} | < 300 |"
            )
    report = "\n".join(lines) + "\n"
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "licensing.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
