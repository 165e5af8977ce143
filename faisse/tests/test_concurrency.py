"""What concurrent requests found (on a real file database or PostgreSQL, not a mock).

- 32 concurrent additions under one parent gave duplicate sibling positions on
  PostgreSQL (`_next_position` read the maximum without a lock);
- every token-authenticated read wrote `last_used_at`, so reads queued behind a long write
  and failed ("database is locked", 500) on SQLite.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.structure import add_node
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db(transaction=True)


def in_threads(count: int, work) -> list:
    """Run work(i) in `count` threads started together; each closes its own connection."""
    barrier = threading.Barrier(count)

    def run(i):
        barrier.wait()
        try:
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_concurrent_additions_under_one_parent_get_distinct_positions():
    plan = make_plan(make_territory(), axes=1, orientations=1, objectives=1, actions=0)
    objective = PlanNode.objects.get(plan=plan, kind="objective")
    in_threads(32, lambda i: add_node(plan, objective, "action", f"Action {i}").pk)
    positions = list(objective.children.values_list("position", flat=True))
    assert len(positions) == 32
    assert sorted(positions) == list(range(1, 33))


@pytest.fixture
def reader():
    plan = make_plan(make_territory(), axes=1, orientations=1, objectives=1, actions=1)
    token, secret = ApiToken.create(
        make_member(plan.territory, Role.PARTNER), plan.territory, "lecture", "read"
    )
    return token, secret, f"/api/v1/territories/{plan.territory.slug}/plan"


def test_reads_with_a_token_write_its_last_use_once_an_hour(reader):
    token, secret, url = reader
    client = Client()
    writes = []

    def count_writes(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("UPDATE"):
            writes.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_writes):
        for _ in range(5):
            assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    assert len(writes) == 1
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_read_does_not_wait_for_a_long_write_nor_fail(reader):
    """Another transaction holds the write lock (SQLite) or the token's row (PostgreSQL)
    for 3 seconds, as a slow merge did: the read answers at once, its bookkeeping
    skipped."""
    token, secret, url = reader
    held, release = threading.Event(), threading.Event()

    def long_write():
        from django.db import transaction

        try:
            with transaction.atomic():
                ApiToken.objects.select_for_update().filter(pk=token.pk).update(name="occupé")
                held.set()
                release.wait(5)
        finally:
            connections.close_all()

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert held.wait(5)
        started = time.monotonic()
        response = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
        elapsed = time.monotonic() - started
    finally:
        release.set()
        writer.join()
    assert response.status_code == 200
    assert elapsed < 2, elapsed
