"""Load benchmark: `faisse serve` on the Alès demo, under 16 concurrent connections.

Run, from the repository (one command; it creates or updates the demo data first):

    .venv/bin/python bench/load.py

Options: --duration 10 (seconds per URL), --connections 16, --data-dir /tmp/servebench
(FAISSE_DATA_DIR of the server; `faisse demo --no-serve` runs on it first, which migrates
and loads what is missing; with DATABASE_URL set, that database is used instead),
--base-url http://host:port (measure a server already running instead of starting one),
--server-group PID (with --base-url: the server's process group, to report its CPU),
--json (one JSON document on stdout).

For each URL — the plan page, the territory home, the commune page of Alès (INSEE 30007),
the map page and one static file found in a rendered page (served by WhiteNoise in the
same server) — it prints the requests per second, the median (p50) and 99th percentile
(p99) latency, and each page's throughput as a share of the static file's. Each URL gets a
short unmeasured warm-up, then one measured run.

The load generator is written here with the standard library (http.client, one process
per connection, keep-alive HTTP/1.1) rather than taken from PyPI: the pip-installable
tools are frameworks (locust: gevent, Flask, a web UI; molotov: aiohttp) that would be
extra dependencies for one script and, being single-threaded Python too, would not be
faster; wrk, the usual C tool, comes from Debian, not pip (use it to cross-check:
`wrk -t2 -c16 -d10s URL`). Processes, not threads, so that the client's own Python work is
not serialised by one GIL. Gunicorn's sync workers close the connection after each
response, so each request then pays for a new connection (as behind most proxies). The
client and the server share the machine's cores: the figures are a floor for the server,
the static file's most of all, and the output says how much CPU each side used.

The server is started in its own process group and always stopped (SIGTERM, then SIGKILL
after a grace period), even when the benchmark fails or is interrupted. It is not part of
the test suite (pytest collects `faisse/` only; this file is not a test).
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

TERRITORY = "ales-agglomeration"
PAGES = [
    ("plan", f"/{TERRITORY}/plan/"),
    ("accueil du territoire", f"/{TERRITORY}/"),
    ("commune (Alès, 30007)", f"/{TERRITORY}/communes/30007/"),
    ("carte", f"/{TERRITORY}/carte/"),
]
WARM_UP_SECONDS = 2.0
STARTUP_SECONDS = 30.0


@dataclass
class Result:
    name: str
    path: str
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    connections_opened: int
    client_cores: float  # CPU the load generator used, in cores (1.0 = one core busy)
    machine_cores: float  # CPU every process of the machine used, in cores
    server_cores: float | None  # CPU of the server's processes, when it was started here


def _connect(host: str, port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection(host, port, timeout=30)


def _default_signals() -> None:
    """In the client processes: die quietly when the pool ends them."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle


def _client(args: tuple) -> tuple[list[float], int, int, float]:
    """One connection: GET `path` in a loop from `start_at` to `deadline` (time.time()).

    Returns the latencies (seconds) of the successful requests that ended within the
    window (so that the rate is what the window saw), the number of failed ones,
    the number of connections opened (a server that closes after each response needs one
    per request) and this process's CPU time.
    """
    host, port, path, start_at, deadline = args
    cpu_before = time.process_time()
    latencies: list[float] = []
    errors = 0
    opened = 1
    conn = _connect(host, port)
    while time.time() < start_at:
        time.sleep(0.001)
    while time.time() < deadline:
        began = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
            if response.will_close:
                conn.close()
                conn = _connect(host, port)
                opened += 1
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = _connect(host, port)
            opened += 1
        if time.time() > deadline:
            break  # finished after the window: counted neither as done nor as failed
        if ok:
            latencies.append(time.perf_counter() - began)
        else:
            errors += 1
    conn.close()
    return latencies, errors, opened, time.process_time() - cpu_before


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def machine_cpu() -> tuple[int, int]:
    """Busy and total clock ticks of all cores since boot (Linux /proc/stat), or zeros."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    except (OSError, ValueError):
        return 0, 0
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


def group_cpu(group: int | None) -> float:
    """CPU seconds used so far by the processes of a process group (the server's)."""
    if group is None:
        return 0.0
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == group:  # pgrp
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(pool, base_url, name, path, connections, seconds, server_group=None):
    parts = urlsplit(base_url)
    start_at = time.time() + 0.2  # every process connected before the clock starts
    deadline = start_at + seconds
    jobs = [(parts.hostname, parts.port or 80, path, start_at, deadline)] * connections
    busy_before, total_before = machine_cpu()
    server_before = group_cpu(server_group)
    outcomes = pool.map(_client, jobs)
    busy_after, total_after = machine_cpu()
    server_after = group_cpu(server_group)
    cores = os.cpu_count() or 1
    machine = (busy_after - busy_before) / max(1, total_after - total_before) * cores
    latencies = sorted(value for outcome in outcomes for value in outcome[0])
    return Result(
        name=name,
        path=path,
        requests=len(latencies),
        errors=sum(outcome[1] for outcome in outcomes),
        seconds=seconds,
        rps=len(latencies) / seconds,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        connections_opened=sum(outcome[2] for outcome in outcomes),
        client_cores=sum(outcome[3] for outcome in outcomes) / seconds,
        machine_cores=machine,
        server_cores=(server_after - server_before) / seconds if server_group else None,
    )


def fetch(base_url: str, path: str) -> tuple[int, bytes]:
    parts = urlsplit(base_url)
    conn = _connect(parts.hostname, parts.port or 80)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def static_path(base_url: str) -> str:
    """The first stylesheet under /static/ that the plan page links to."""
    status, body = fetch(base_url, PAGES[0][1])
    if status != 200:
        raise SystemExit(f"{PAGES[0][1]} a répondu {status} : la démonstration est-elle chargée ?")
    found = re.findall(rb'href="(/static/[^"]+\.css)"', body) or re.findall(
        rb'"(/static/[^"]+)"', body
    )
    if not found:
        raise SystemExit("aucun fichier statique trouvé dans la page du plan")
    return found[0].decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def faisse_command() -> list[str]:
    script = Path(sys.executable).with_name("faisse")
    if script.exists():
        return [str(script)]
    found = shutil.which("faisse")
    return [found] if found else [sys.executable, "-m", "faisse"]


def wait_until_up(base_url: str, process: subprocess.Popen) -> None:
    limit = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < limit:
        if process.poll() is not None:
            raise SystemExit(f"le serveur s’est arrêté au démarrage (code {process.returncode})")
        try:
            fetch(base_url, "/")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"le serveur ne répond pas après {STARTUP_SECONDS:.0f} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=35)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


@contextmanager
def served(data_dir: Path, log_path: Path):
    """`faisse serve` on a free port with the demo in `data_dir`.

    Yields its base URL and its process group (the server and its workers).
    """
    env = {**os.environ, "FAISSE_DATA_DIR": str(data_dir)}
    # The demo command migrates, then adds what is missing (nothing, the second time).
    print(f"Démonstration dans {data_dir} (faisse demo --no-serve)…", file=sys.stderr)
    subprocess.run(
        [*faisse_command(), "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [*faisse_command(), "serve", "--bind", f"127.0.0.1:{port}"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with all its workers
        )
        try:
            wait_until_up(base_url, process)
            yield base_url, process.pid
        finally:
            stop(process)


def run(base_url: str, connections: int, seconds: float, server_group=None) -> list[Result]:
    targets = [*PAGES, ("fichier statique", static_path(base_url))]
    results = []
    # fork: the children need nothing but _client, and start at once.
    with multiprocessing.get_context("fork").Pool(connections, _default_signals) as pool:
        for name, path in targets:
            status, _ = fetch(base_url, path)
            if status != 200:
                raise SystemExit(f"{path} a répondu {status}")
            measure(pool, base_url, name, path, connections, min(WARM_UP_SECONDS, seconds))
            results.append(measure(pool, base_url, name, path, connections, seconds, server_group))
    return results


def report(results: list[Result], connections: int, seconds: float) -> str:
    static = results[-1]
    cores = os.cpu_count()
    lines = [
        f"{connections} connexions simultanées, {seconds:g} s par adresse, une mesure. "
        f"Le client et le serveur se partagent les {cores} cœurs de cette machine.",
        "",
        f"{'page':<22} {'adresse':<36} {'req/s':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'/statique':>9} {'erreurs':>7}  cœurs : serveur client autres",
    ]
    for r in results:
        server = f"{r.server_cores:.2f}" if r.server_cores is not None else "?"
        others = max(0.0, r.machine_cores - r.client_cores - (r.server_cores or 0))
        lines.append(
            f"{r.name:<22} {r.path:<36} {r.rps:>6.0f} {r.p50_ms:>7.1f} {r.p99_ms:>7.1f} "
            f"{r.rps / static.rps:>9.1%} {r.errors:>7}  {server:>15} {r.client_cores:>6.2f} "
            f"{others:>6.2f}"
        )
    lines += [
        "",
        "Cœurs : temps de processeur utilisé pendant la mesure (1,00 = un cœur occupé en "
        "permanence) par le serveur, par ce client, et par le reste de la machine. Le client "
        "prend du processeur au serveur : les débits sont un minimum, surtout pour le "
        "fichier statique.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="secondes par adresse")
    parser.add_argument("--connections", type=int, default=16, help="connexions simultanées")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path("/tmp/servebench"),
        help="données de la démonstration (créées si absentes)",
    )
    parser.add_argument("--base-url", help="mesurer ce serveur déjà lancé, sans en lancer un")
    parser.add_argument(
        "--server-group", type=int, help="avec --base-url : groupe de processus du serveur"
    )
    parser.add_argument("--json", action="store_true", help="résultats en JSON")
    options = parser.parse_args(argv)
    # SIGTERM (a CI's time-out, `kill`) unwinds like Ctrl+C: the server is stopped, not left.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    if options.base_url:
        base_url = options.base_url.rstrip("/")
        results = run(base_url, options.connections, options.duration, options.server_group)
    else:
        data_dir = options.data_dir.resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        with served(data_dir, data_dir / "serve-bench.log") as (base_url, group):
            print(f"faisse serve sur {base_url} (journal : {data_dir / 'serve-bench.log'})")
            results = run(base_url, options.connections, options.duration, group)
    if options.json:
        print(json.dumps([asdict(result) for result in results], indent=2))
    else:
        print(report(results, options.connections, options.duration))
    return 0


if __name__ == "__main__":
    sys.exit(main())
