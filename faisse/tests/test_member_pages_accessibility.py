"""The pages of signed-in members pass the same accessibility checks as the public pages,
and every form field has a label."""

import pytest

from faisse.accounts.models import Role
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.tests.test_permission_matrix import MATRIX, request_for, world  # noqa: F401

pytestmark = pytest.mark.django_db

# Files, not pages: JSON, CSS, calendars, spreadsheets, the plan's documents.
NOT_PAGES = (
    "accounts:my_data_download",
    "actions:spreadsheet_download",
    "action_pdf:download",
    "portal:plan_download",
    "portal:theme",
    "meetings:feed",
    "meetings:ics",
    "questionnaires_manage:export",
)
PAGES = [
    name
    for name, (method, statuses) in MATRIX.items()
    if method == "get"
    and statuses["admin"] == 200
    and not name.startswith(("api", "admin"))
    and not name.startswith(NOT_PAGES)
]


def assert_fields_labelled(html) -> None:
    labelled = {attrs.get("for") for tag, attrs in html.elements if tag == "label"}
    for tag, attrs in html.elements:
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden",):
            if attrs.get("type") in ("submit", "button"):
                continue
            assert attrs.get("id") in labelled or attrs.get("aria-label"), (tag, attrs)


@pytest.mark.parametrize("name", PAGES)
def test_member_page_is_accessible(client, world, name):  # noqa: F811
    url, _data = request_for(name, world)
    client.force_login(world["people"][Role.ADMIN])
    html = page(client.get(url))
    assert_accessible(html)
    assert_fields_labelled(html)


ANONYMOUS_PAGES = [
    name
    for name, (method, statuses) in MATRIX.items()
    if method == "get"
    and statuses["anonymous"] == 200
    and name.startswith(("accounts:", "digest:"))  # digest: the opt-out, without signing in
]


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_sign_in_pages_are_accessible(client, world, name):  # noqa: F811
    url, _data = request_for(name, world)
    html = page(client.get(url))
    assert_accessible(html)
    assert_fields_labelled(html)
