"""Database helpers that every domain may need, on SQLite and PostgreSQL alike."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def write_without_waiting() -> Iterator[None]:
    """A transaction whose writes fail at once (OperationalError) rather than wait for a
    lock another transaction holds.

    For bookkeeping that a request may skip (when a token was last used): a read must
    never queue behind a long write, nor fail because of one. SQLite takes its write lock
    when the transaction begins (transaction_mode IMMEDIATE), so the busy timeout is
    lowered before; PostgreSQL locks rows, so its lock timeout is lowered inside.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            previous = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout = 0")
        try:
            with transaction.atomic():
                yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout = {int(previous)}")
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('lock_timeout')")
            previous = cursor.fetchone()[0]
            cursor.execute("SET LOCAL lock_timeout = '20ms'")
        yield
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
