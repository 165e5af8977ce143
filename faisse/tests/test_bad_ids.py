"""Ids in forms that are not ids — Unicode digits, huge numbers, words — get a message or
a 404, never a 500, and change nothing."""

import pytest
from django.urls import reverse

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.core.posted import posted_id
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

NOT_IDS = ["²", "٣", "9" * 30, "-1", "0", "1.5", "abc", ""]


@pytest.mark.parametrize("value", NOT_IDS)
def test_posted_id_refuses_what_is_not_an_id(value):
    assert posted_id(value) is None


def test_posted_id_reads_ids():
    assert posted_id("42") == 42 and posted_id(str(2**31 - 1)) == 2**31 - 1
    assert posted_id(None) is None and posted_id(str(2**31)) is None


@pytest.mark.parametrize("value", NOT_IDS)
def test_forms_answer_without_error(client, value):
    territory = make_territory()
    plan = make_plan(territory)
    action = PlanNode.objects.filter(plan=plan, kind="action").first()
    editor = make_member(territory, Role.EDITOR)
    client.force_login(editor)
    before = list(PlanNode.objects.order_by("pk").values())
    slug = territory.slug
    posts = [
        ("history:restore", [slug, action.pk], {"history_id": value, "version": value}),
        ("plans:node_pilots", [slug, action.pk], {"pilots": [value]}),
        ("plans:node_move", [slug, action.pk], {"parent": value}),
        ("locations:add", [slug, action.pk], {"commune": value}),
        ("plans:merge_similar", [slug], {"first": value, "second": action.pk}),
        ("plans:dismiss_similar", [slug], {"first": action.pk, "second": value}),
        ("api_token_create", [], {"territory": value, "scope": "read", "name": "x"}),
    ]
    for name, args, data in posts:
        response = client.post(reverse(name, args=args), data)
        assert response.status_code in (302, 400, 404), (name, response.status_code)
    assert list(PlanNode.objects.order_by("pk").values()) == before
    assert not ApiToken.objects.exists()
