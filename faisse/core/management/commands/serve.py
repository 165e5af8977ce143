"""faisse serve [--bind HOST:PORT]: serve Faïsse in production with gunicorn.

The command checks its settings, then replaces itself (exec) with a gunicorn master
process serving `faisse.wsgi:application`: the process that a service manager started is
the master, and signals go to it directly. The master never imports Faïsse; each worker
does. So SIGHUP is a graceful restart onto the code installed now: new workers start, the
old ones finish their requests (within FAISSE_GRACEFUL_TIMEOUT) and exit; no request is
refused. SIGTERM stops gracefully, SIGINT (Ctrl+C) at once.

Static files are served by WhiteNoise inside the application (settings' middleware), so
by this same server; the access log goes to standard output, gunicorn's own log
(start-up, restarts, errors) to standard error.

Environment (read when the command starts; a value that is not a whole number in range
stops it with a message):

FAISSE_WORKERS            worker processes (default: 2 per core, at least 2)
FAISSE_THREADS            threads per worker (default 1: gunicorn's sync workers; above 1,
                          its gthread workers, which also keep connections alive)
FAISSE_TIMEOUT            seconds a worker may stay silent (stuck on one request) before
                          it is killed and replaced (default 30)
FAISSE_GRACEFUL_TIMEOUT   seconds given to requests in progress on restart and stop (30)
FAISSE_KEEP_ALIVE         seconds an idle kept-alive connection waits (gthread only; 5)
FAISSE_MAX_REQUESTS       requests after which a worker is replaced, with up to 10 % of
                          jitter (default 0: never)
GUNICORN_CMD_ARGS         further gunicorn options (they cannot override the above)
FORWARDED_ALLOW_IPS       proxies trusted for X-Forwarded-Proto (gunicorn's; 127.0.0.1,::1)

Why gunicorn rather than granian. Both install with pip alone and were measured on the
Alès demo on 2 cores, 16 connections, five interleaved runs each (docs/performance.md,
"Production server under load"). Granian (2 workers × 2 threads, its best setting here)
served the pages 10 to 15 % faster in the median, within the spread of the runs, and the
static file 1.7 times faster (2,800 against 1,700 requests/s); gunicorn (4 sync workers)
had the lower 99th percentile on every page. Pages are Django's work (15 to 35 ms of CPU
each), not the server's, and static files are cached by browsers and proxies. What
decides is what happens when things go wrong: gunicorn kills and replaces a worker stuck
on one request (FAISSE_TIMEOUT), granian has no such time limit for a WSGI application
(four stuck requests would hold its four threads for good). Gunicorn is also pure Python,
restarts gracefully onto new code on SIGHUP, replaces workers after N requests, needs no
tuning to reach its figures (granian's default threads served the plan a third slower),
and is the server Django's deployment guides and hosts most often assume.
"""

import errno
import os
import socket
import sys
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

APPLICATION = "faisse.wsgi:application"
DEFAULT_BIND = "127.0.0.1:8000"
# gunicorn's default access log, with the time taken to answer (milliseconds) after the size.
ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'


def default_workers() -> int:
    """Two worker processes per core: one renders while another waits on the database.

    Measured on 2 cores with 16 connections on SQLite, 2 and 4 sync workers served the
    pages at the same rate (the processor is the limit); the second worker per core is for
    the time spent waiting on PostgreSQL over a network, and so that a slow request does
    not hold up half the site. Each worker costs about 75 MB of memory.
    """
    return max(2, 2 * (os.cpu_count() or 1))


@dataclass(frozen=True)
class ServerSettings:
    workers: int
    threads: int
    timeout: int
    graceful_timeout: int
    keep_alive: int
    max_requests: int

    @classmethod
    def from_environment(cls, environ=os.environ) -> "ServerSettings":
        return cls(
            workers=whole_number(environ, "FAISSE_WORKERS", default_workers(), lowest=1),
            threads=whole_number(environ, "FAISSE_THREADS", 1, lowest=1),
            timeout=whole_number(environ, "FAISSE_TIMEOUT", 30, lowest=1),
            graceful_timeout=whole_number(environ, "FAISSE_GRACEFUL_TIMEOUT", 30, lowest=0),
            keep_alive=whole_number(environ, "FAISSE_KEEP_ALIVE", 5, lowest=0),
            max_requests=whole_number(environ, "FAISSE_MAX_REQUESTS", 0, lowest=0),
        )


def whole_number(environ, name: str, default: int, *, lowest: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < lowest:
        raise CommandError(
            _("%(name)s doit être un nombre entier d’au moins %(lowest)s, pas « %(raw)s ».")
            % {"name": name, "lowest": lowest, "raw": raw}
        )
    return value


def parse_bind(value: str) -> tuple[str, int] | str:
    """HOST:PORT as (host, port), or unix:PATH as PATH; a French CommandError otherwise."""
    value = value.strip()
    if value.startswith("unix:"):
        path = value.removeprefix("unix:")
        if not path:
            raise CommandError(bind_error(value))
        return path
    host, colon, port = value.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]  # [::1]:8000
    elif ":" in host:
        host = ""  # an IPv6 address needs its brackets
    if not colon or not host or not port.isascii() or not port.isdigit():
        raise CommandError(bind_error(value))
    number = int(port)
    if not 1 <= number <= 65535:
        raise CommandError(
            _("port invalide dans « %(bind)s » : il doit être compris entre 1 et 65535.")
            % {"bind": value}
        )
    return host, number


def bind_error(value: str) -> str:
    return _(
        "adresse d’écoute invalide : « %(bind)s ». Écrire HÔTE:PORT (par exemple "
        "127.0.0.1:8000, 0.0.0.0:8000 ou [::1]:8000) ou unix:/chemin/du/socket."
    ) % {"bind": value}


def check_can_listen(host: str, port: int) -> None:
    """Fail now, with a French message, where gunicorn would retry for five seconds and
    then stop in English: an unknown host, a port in use, an address not on this machine."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )[0]
    except (socket.gaierror, UnicodeError) as error:
        raise CommandError(_("hôte inconnu : « %(host)s ».") % {"host": host}) from error
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
        try:
            probe.bind(address)
        except OSError as error:
            where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            if error.errno == errno.EADDRINUSE:
                message = _("%(where)s est déjà utilisé par un autre programme.")
            elif error.errno == errno.EACCES:
                message = _("%(where)s : permission refusée (ports sous 1024 réservés).")
            elif error.errno == errno.EADDRNOTAVAIL:
                message = _("%(where)s : cette machine n’a pas cette adresse.")
            else:
                message = _("impossible d’écouter sur %(where)s : %(error)s.")
            raise CommandError(message % {"where": where, "error": error.strerror}) from error


def gunicorn_arguments(bind: str, server: ServerSettings) -> list[str]:
    """The gunicorn command line (after the interpreter) for this address and settings."""
    arguments = [
        "-m",
        "gunicorn",
        "--bind",
        bind,
        "--workers",
        str(server.workers),
        "--threads",
        str(server.threads),
        "--timeout",
        str(server.timeout),
        "--graceful-timeout",
        str(server.graceful_timeout),
        "--keep-alive",
        str(server.keep_alive),
        "--max-requests",
        str(server.max_requests),
        "--max-requests-jitter",
        str(server.max_requests // 10),
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_LOG_FORMAT,
        "--error-logfile",
        "-",
        # Since 25.1 gunicorn opens a control socket, here ~/.gunicorn/gunicorn.ctl: one path
        # for every server of the account, which would fight over it. Not needed.
        "--no-control-socket",
    ]
    if os.path.isdir("/dev/shm"):
        # The workers' heartbeat files: in memory, never on a slow or full disk.
        arguments += ["--worker-tmp-dir", "/dev/shm"]
    return [*arguments, APPLICATION]


class Command(BaseCommand):
    help = _(
        "Sert Faïsse en production (gunicorn) : processus, fils et délais se règlent par "
        "variables d’environnement (FAISSE_WORKERS, FAISSE_THREADS, FAISSE_TIMEOUT…)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=DEFAULT_BIND,
            help=_("adresse d’écoute HÔTE:PORT ou unix:CHEMIN (par défaut %(default)s)"),
        )

    def handle(self, *args, bind: str, **options):
        where = parse_bind(bind)
        server = ServerSettings.from_environment()
        if isinstance(where, tuple):
            check_can_listen(*where)
            host, port = where
            shown = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
        else:
            shown = f"unix:{where}"
        self.stderr.write(
            _(
                "Faïsse sert %(where)s avec gunicorn : %(workers)s processus de %(threads)s "
                "fil(s) d’exécution. Arrêt : Ctrl+C ou SIGTERM ; redémarrage en douceur : "
                "SIGHUP."
            )
            % {"where": shown, "workers": server.workers, "threads": server.threads}
        )
        command = [sys.executable, *gunicorn_arguments(bind.strip(), server)]
        connections.close_all()  # nothing of this process is carried into gunicorn's
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, command)
