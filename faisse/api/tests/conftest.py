"""Helpers shared by the API tests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def get_json(client):
    """GET an API path; returns (status, decoded JSON body, number of SQL queries)."""

    def get(path: str):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response["Content-Type"].startswith("application/json"), response.content[:200]
        return response.status_code, response.json(), len(queries)

    return get
