"""CACHE_URL=redis://… gives all processes one cache, so that the limit on e-mails sent
holds across them. Runs when a Redis server answers on 127.0.0.1:6379 (as in CI)."""

import socket
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.accounts.tests.settings_env import settings_with
from faisse.accounts.throttling import may_send
from faisse.territories.testing import make_territory

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_cache_url_selects_django_s_redis_backend(monkeypatch, tmp_path):
    conf = settings_with(monkeypatch, tmp_path, CACHE_URL=REDIS_URL)
    assert conf["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert conf["CACHES"]["default"]["LOCATION"] == REDIS_URL


@pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379")
def test_the_e_mail_limit_holds_across_processes_through_redis(monkeypatch, tmp_path):
    conf = settings_with(monkeypatch, tmp_path, CACHE_URL=REDIS_URL)
    address = f"{uuid.uuid4().hex}@example.org"
    with override_settings(CACHES=conf["CACHES"], ACCOUNT_EMAIL_INTERVAL=60):
        caches.close_all()
        try:
            assert may_send("signin_link", address)
            # Another process sees the same key in Redis, and is refused as well.
            keys = redis.Redis.from_url(REDIS_URL).keys("faisse:*faisse:mail:signin_link:*")
            assert keys
            caches.close_all()
            assert not may_send("signin_link", address)
        finally:
            caches["default"].clear()
            caches.close_all()


@pytest.mark.django_db
def test_with_the_shared_cache_down_a_sign_in_link_is_still_sent(
    client, monkeypatch, tmp_path, mailoutbox
):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = settings_with(monkeypatch, tmp_path, CACHE_URL=f"redis://127.0.0.1:{port}/0")
    make_member(make_territory(), Role.PARTNER, "partenaire@example.org")
    with override_settings(CACHES=conf["CACHES"]):
        caches.close_all()
        try:
            response = client.post(
                reverse("accounts:signin_link"), {"email": "partenaire@example.org"}
            )
        finally:
            caches.close_all()
    assert response.status_code == 200
    assert len(mailoutbox) == 1
