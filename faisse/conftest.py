"""Guardrails shared by every test."""

import pytest


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, settings):
    """Files written by a test go to its own temporary folder, never to ./var."""
    settings.MEDIA_ROOT = tmp_path / "media"
