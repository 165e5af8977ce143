"""The API against its own OpenAPI description, with schemathesis (property-based tests).

Every operation is called with generated requests — valid ones, and invalid ones
(wrong types, unknown fields, texts too long or with forbidden characters, missing
token) — by an editor's read-write token, on the real database, at generated addresses
and at those of a real territory, node and commune. Every built-in check of schemathesis
applies: no server error, each status and each body as the description says, valid data
accepted, invalid data refused, a missing token refused.

schemathesis' pytest integration does not run under pytest 9 (it reads a private
attribute of pytest's items), so the operations are walked here with Hypothesis' `given`.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory
from faisse.wsgi import application

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same cases on every run: a failure is reproducible
    suppress_health_check=list(HealthCheck),
    database=None,
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go through the WSGI application itself, whose end closes the database
    connection (Django's close_old_connections) and with it the test's transaction;
    Django's own test client holds those signals off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def territory_data():
    territory = make_territory()
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=2)
    editor = make_member(territory, Role.EDITOR)
    _token, secret = ApiToken.create(editor, territory, "schemathesis", "read_write")
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    commune = territory.communes.first()
    return {"secret": secret, "slug": territory.slug, "pk": node.pk, "insee": commune.insee}


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("addresses", ["generated", "real"])
def test_every_operation_answers_as_described(territory_data, mode, addresses):
    headers = {"Authorization": f"Bearer {territory_data['secret']}"}
    checked = []
    for operation in operations():
        fixed = None
        if addresses == "real":
            names = {parameter.name for parameter in operation.path_parameters}
            fixed = {name: territory_data[name] for name in names}
        strategy = operation.as_strategy(mode, path_parameters=fixed)

        @given(case=strategy)
        @EXAMPLES
        def check(case):
            # check() runs within this iteration: `fixed` is the current one.
            if fixed and mode == GenerationMode.POSITIVE and isinstance(case.body, dict):  # noqa: B023
                # The version just read, so that valid changes are written (409s are
                # reached at generated addresses and in test_tokens.py).
                case.body["version"] = PlanNode.objects.get(pk=territory_data["pk"]).version
            case.call_and_validate(headers=headers)

        try:
            check()
        except Unsatisfiable:
            # Negative mode: nothing in this request can be made invalid (an address made
            # of free strings, or only fixed ones).
            assert mode == GenerationMode.NEGATIVE, operation.label
            continue
        checked.append(operation.label)
    assert "PATCH /api/v1/territories/{slug}/nodes/{pk}" in checked
    assert len(checked) >= (6 if mode == GenerationMode.POSITIVE else 1), checked
