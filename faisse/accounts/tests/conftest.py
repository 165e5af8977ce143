"""Fixtures of the account tests: a territory, and a clean slate for limits."""

import pytest
from axes.utils import reset
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_limits(request):
    """Every test starts with no login failure recorded (django-axes) and no e-mail limit
    reached; failures are forgotten again afterwards."""
    cache.clear()
    uses_db = "db" in request.fixturenames or request.node.get_closest_marker("django_db")
    if uses_db:
        request.getfixturevalue("db")
        reset()
    yield
    cache.clear()
    if uses_db:
        reset()
