"""`faisse serve`: the production server answers pages and static files, restarts
gracefully, and refuses a bad address or setting in French, without a traceback."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest
from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command

from faisse.core.management.commands import serve

START_SECONDS = 30  # far more than the two or three a start takes, for a loaded machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def can_bind(host: str) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, 0))
        except OSError:
            return False
        return True


def child_environment(tmp_path) -> dict[str, str]:
    """The test run's environment on a SQLite file of its own, whatever DATABASE_URL says."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CACHE_URL"}}
    env.update(
        FAISSE_DATA_DIR=str(tmp_path),
        DEBUG="0",
        FAISSE_WORKERS="1",
        FAISSE_GRACEFUL_TIMEOUT="5",
    )
    return env


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_for(port: int, server: subprocess.Popen, log) -> None:
    limit = time.monotonic() + START_SECONDS
    while time.monotonic() < limit:
        if server.poll() is not None:
            pytest.fail(f"faisse serve stopped ({server.returncode}): {log.read_text()}")
        try:
            get(port, "/")
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"faisse serve did not answer within {START_SECONDS} s: {log.read_text()}")


def stop(server: subprocess.Popen) -> None:
    """SIGTERM to the master (a graceful stop), then the whole group if it lingers."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_serves_pages_and_static_files_and_restarts_gracefully(tmp_path):
    env = child_environment(tmp_path)
    faisse = [sys.executable, "-m", "faisse"]
    subprocess.run([*faisse, "migrate", "--verbosity", "0"], env=env, check=True, timeout=120)
    port = free_port()
    out, err = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(
            [*faisse, "serve", "--bind", f"127.0.0.1:{port}"],
            env=env,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,  # its own group: the workers go with it if killed
        )
    try:
        wait_for(port, server, err)
        status, body = get(port, "/")
        assert status == 200
        page = body.decode()
        assert "Faïsse" in page
        static_url = re.search(r'"/static/([^"]+\.css)"', page).group(1)
        status, body = get(port, f"/static/{static_url}")
        assert status == 200
        with open(finders.find(static_url), "rb") as source:  # served by WhiteNoise
            assert body == source.read()

        # SIGHUP: new workers replace the old ones; the master and its port stay.
        server.send_signal(signal.SIGHUP)
        limit = time.monotonic() + START_SECONDS
        while b"Hang up" not in err.read_bytes() and time.monotonic() < limit:
            time.sleep(0.1)
        assert get(port, "/")[0] == 200
        assert server.poll() is None
    finally:
        stop(server)
    assert server.returncode == 0  # a graceful stop
    access_log = out.read_text()
    assert f'"GET /static/{static_url} HTTP/1.1" 200' in access_log
    assert '"GET / HTTP/1.1" 200' in access_log
    log = err.read_text()
    assert f"Faïsse sert http://127.0.0.1:{port}/ avec gunicorn" in log
    assert "Hang up" in log


def test_a_bad_address_is_refused_in_french_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "faisse", "serve", "--bind", "localhost"],
        env=child_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "adresse d’écoute invalide : « localhost »" in result.stderr
    assert result.stdout == ""


@pytest.fixture
def execv(monkeypatch):
    """Records the command `faisse serve` would become instead of becoming it."""
    calls = []
    monkeypatch.setattr(serve.os, "execv", lambda path, argv: calls.append(argv))
    return calls


@pytest.mark.parametrize(
    ("bind", "message"),
    [
        ("localhost", "adresse d’écoute invalide : « localhost »"),
        ("127.0.0.1:http", "adresse d’écoute invalide"),
        (":8000", "adresse d’écoute invalide"),
        ("::1:8000", "adresse d’écoute invalide"),  # IPv6 needs brackets
        ("unix:", "adresse d’écoute invalide"),
        ("127.0.0.1:70000", "port invalide dans « 127.0.0.1:70000 »"),
        ("127.0.0.1:0", "port invalide"),
        ("nulle-part.invalid:8000", "hôte inconnu : « nulle-part.invalid »"),
        ("192.0.2.1:8000", "cette machine n’a pas cette adresse"),
    ],
)
def test_bad_addresses(execv, bind, message):
    if bind.startswith("192.0.2.1") and can_bind("192.0.2.1"):
        pytest.skip("this machine may bind addresses it does not have (ip_nonlocal_bind)")
    with pytest.raises(CommandError, match=message):
        call_command("serve", bind=bind)
    assert execv == []


def test_a_port_in_use_is_named(execv):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match=f"127.0.0.1:{port} est déjà utilisé"):
            call_command("serve", bind=f"127.0.0.1:{port}")
    assert execv == []


def test_settings_come_from_the_environment(execv, monkeypatch):
    for name, value in {
        "FAISSE_WORKERS": "3",
        "FAISSE_THREADS": "4",
        "FAISSE_TIMEOUT": "60",
        "FAISSE_GRACEFUL_TIMEOUT": "20",
        "FAISSE_KEEP_ALIVE": "7",
        "FAISSE_MAX_REQUESTS": "1000",
    }.items():
        monkeypatch.setenv(name, value)
    port = free_port()
    call_command("serve", bind=f"127.0.0.1:{port}")
    (argv,) = execv
    assert argv[:3] == [sys.executable, "-m", "gunicorn"]
    options = {name: argv[argv.index(name) + 1] for name in argv if name.startswith("--")}
    assert options["--bind"] == f"127.0.0.1:{port}"
    assert options["--workers"] == "3"
    assert options["--threads"] == "4"
    assert options["--timeout"] == "60"
    assert options["--graceful-timeout"] == "20"
    assert options["--keep-alive"] == "7"
    assert options["--max-requests"] == "1000"
    assert options["--max-requests-jitter"] == "100"
    assert options["--access-logfile"] == "-"  # standard output
    assert "--no-control-socket" in argv
    assert argv[-1] == "faisse.wsgi:application"


def test_defaults(execv, monkeypatch):
    for name in ("FAISSE_WORKERS", "FAISSE_THREADS", "FAISSE_TIMEOUT", "FAISSE_MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    server = serve.ServerSettings.from_environment()
    assert server.workers == max(2, 2 * os.cpu_count())
    assert (server.threads, server.timeout, server.max_requests) == (1, 30, 0)
    assert serve.parse_bind(serve.DEFAULT_BIND) == ("127.0.0.1", 8000)
    assert serve.parse_bind("[::1]:8001") == ("::1", 8001)
    assert serve.parse_bind("unix:/run/faisse.sock") == "/run/faisse.sock"


@pytest.mark.parametrize("value", ["deux", "0", "-1", "2.5"])
def test_bad_settings_are_refused_in_french(execv, monkeypatch, value):
    monkeypatch.setenv("FAISSE_WORKERS", value)
    with pytest.raises(CommandError, match="FAISSE_WORKERS doit être un nombre entier"):
        call_command("serve", bind=f"127.0.0.1:{free_port()}")
    assert execv == []
