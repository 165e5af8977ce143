"""Benchmarks run with pytest-benchmark: `pytest bench --benchmark-enable`."""

import pytest


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
