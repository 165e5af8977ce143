"""Every URL of the site and of the API, with every role, a member of another territory and
anonymously: the expected status of each, in one table (also in docs/permissions.md).

A URL pattern missing from the table fails the test: a new page must say who may see it.
"""

import json
from importlib import import_module
from pathlib import Path

import pytest
from django.urls import URLResolver, get_resolver, reverse

from faisse.accounts.models import ApiToken, Commission, Invitation, Role
from faisse.accounts.testing import make_member
from faisse.locations.models import CommuneLink
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory
from faisse.tests.matrix import (
    ACTORS,
    EDITORS,
    EDITORS_POST,
    MEMBERS_200,
    PUBLIC,
    only,
)

pytestmark = pytest.mark.django_db

# URL name → (method, statuses by actor). Pages about drafts answer 404 to those who may
# not know they exist; editor pages answer 403 to signed-in people without the right.
MATRIX = {
    "portal:home": ("get", PUBLIC),
    "portal:territory": ("get", PUBLIC),
    "portal:plan": ("get", PUBLIC),
    "portal:node": ("get", PUBLIC),
    "portal:node (draft)": (
        "get",
        {
            "anonymous": 404,
            "partner": 404,
            "elected": 200,
            "pilot": 200,
            "editor": 200,
            "admin": 200,
            "other": 404,
        },
    ),
    "portal:communes": ("get", PUBLIC),
    "portal:commune": ("get", PUBLIC),
    "portal:map": ("get", PUBLIC),
    "portal:process": ("get", PUBLIC),
    "participation_manage:process": ("get", EDITORS),
    "participation_manage:step_add": ("post", EDITORS_POST),
    "participation_manage:step_edit": ("get", EDITORS),
    "participation_manage:step_move": ("post", EDITORS_POST),
    # The editor deletes the step: it is gone when the administrator tries.
    "participation_manage:step_delete": ("post", only({"editor": 302, "admin": 404})),
    "participation_manage:deliverable_add": ("post", EDITORS_POST),
    "participation_manage:deliverable_remove": ("post", only({"editor": 404, "admin": 404})),
    "portal:legal": ("get", PUBLIC),
    "portal:accessibility": ("get", PUBLIC),
    "portal:privacy": ("get", PUBLIC),
    "portal:contact": ("get", PUBLIC),
    "portal:theme": ("get", PUBLIC),
    "portal:logo (none given)": ("get", dict.fromkeys(ACTORS, 404)),
    # Every member's space: what their role is for, their tools (elected, partner included).
    "manage:home": (
        "get",
        only(dict.fromkeys(("partner", "elected", "pilot", "editor", "admin"), 200)),
    ),
    "manage:site": ("get", only({"admin": 200})),
    "plans:structure": ("get", EDITORS),
    "plans:similar_actions": ("get", EDITORS),
    "plans:merge_similar": ("post", EDITORS_POST),
    "plans:dismiss_similar": ("post", EDITORS_POST),
    "plans:root_add": ("post", EDITORS_POST),
    "plans:node_edit": ("get", only({"editor": 200, "admin": 200, "pilot": 200})),
    "plans:node_add": ("post", EDITORS_POST),
    "plans:node_move": ("post", EDITORS_POST),
    "plans:node_move (the page of places)": ("get", EDITORS),
    "plans:node_pilots": ("post", EDITORS_POST),
    "history:activity": ("get", EDITORS),
    "history:node": ("get", EDITORS),
    "history:restore": ("post", EDITORS_POST),
    "locations:review": ("get", EDITORS),
    "locations:review (confirm the ticked links)": ("post", EDITORS_POST),
    "locations:node": ("get", EDITORS),
    "locations:add": ("post", EDITORS_POST),
    "locations:change": ("post", EDITORS_POST),
    "api_tokens": ("get", MEMBERS_200),
    "api_token_create": ("post", dict.fromkeys(ACTORS, 302)),
    "api_token_revoke (the admin's own token)": ("post", only({"admin": 302}, refused=404)),
    # The API: reads are public (drafts for members only), writes need a read-write token.
    "api:openapi-json": ("get", PUBLIC),
    "api:openapi-view": ("get", PUBLIC),
    "api:api-root": ("get", dict.fromkeys(ACTORS, 404)),
    "api:unknown_address": ("get", dict.fromkeys(ACTORS, 404)),
    "api:list_territories": ("get", PUBLIC),
    "api:territory_plan": ("get", PUBLIC | {"other": 403}),
    "api:territory_communes": ("get", PUBLIC | {"other": 403}),
    "api:commune_actions": ("get", PUBLIC | {"other": 403}),
    "api:get_node": ("get", PUBLIC | {"other": 403}),
    "api:get_node (draft)": (
        "get",
        {
            "anonymous": 404,
            "partner": 404,
            "elected": 200,
            "pilot": 200,
            "editor": 200,
            "admin": 200,
            "other": 403,
        },
    ),
    "api:patch_node (an action the pilot pilots)": (
        "patch",
        {
            "anonymous": 401,
            "partner": 403,
            "elected": 403,
            "pilot": 200,
            "editor": 200,
            "admin": 200,
            "other": 403,
        },
    ),
    "accounts:login": ("get", dict.fromkeys(ACTORS, 302) | {"anonymous": 200}),
    "accounts:logout": ("post", dict.fromkeys(ACTORS, 302)),
    "accounts:signin_link": ("get", PUBLIC),
    "accounts:signin_link_open (unknown link)": ("get", PUBLIC),  # a page that says so
    "accounts:password_reset": ("get", PUBLIC),
    "accounts:password_reset_done": ("get", PUBLIC),
    "accounts:password_reset_confirm (invalid link)": ("get", PUBLIC),
    "accounts:password_reset_complete": ("get", PUBLIC),
    "accounts:account": ("get", MEMBERS_200),
    "accounts:password_change": ("get", MEMBERS_200),
    "accounts:password_change_done": ("get", MEMBERS_200),
    "accounts:my_data": ("get", MEMBERS_200),
    "accounts:my_data_download": ("get", MEMBERS_200),
    "accounts:erase": ("get", MEMBERS_200),
    "accounts:invitation (unknown token)": ("get", PUBLIC),
    "members:list": ("get", only({"admin": 200})),
    "members:commissions": ("get", only({"admin": 200})),
    "members:commission_edit": ("get", only({"admin": 200})),
    "members:commission_delete": ("post", only({"admin": 302})),
    "members:invite": ("post", only({"admin": 302})),
    "members:edit": ("get", only({"admin": 200})),
    "members:remove": ("post", only({"admin": 302})),
    "members:invitation_resend": ("post", only({"admin": 302})),
    "members:invitation_cancel": ("post", only({"admin": 302})),
    # Django's admin is for the operators of the instance (superusers) only.
    "admin:index (Django's admin, all its pages)": ("get", dict.fromkeys(ACTORS, 302)),
}


def _extensions() -> list:
    """The `permissions` modules of apps that keep their rows with their tests."""
    found = []
    for app in sorted((Path(__file__).resolve().parents[1]).iterdir()):
        if (app / "tests" / "permissions.py").exists():
            found.append(import_module(f"faisse.{app.name}.tests.permissions"))
    return found


EXTENSIONS = _extensions()
for _extension in EXTENSIONS:
    MATRIX.update(_extension.ROWS)


def url_names():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    yield "admin:index"  # its own pages all answer to the same rule
                else:
                    yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def test_every_url_pattern_is_in_the_matrix():
    assert url_names() - {name.split(" ")[0] for name in MATRIX} == set()


def test_the_documented_matrix_is_the_tested_one():
    """docs/permissions.md (and the doc pages of later apps) show the same table as MATRIX,
    row for row."""
    documented = {}
    lines = [
        line
        for page in sorted((Path(__file__).resolve().parents[2] / "docs").glob("*.md"))
        for line in page.read_text(encoding="utf-8").splitlines()
    ]
    for line in lines:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 2 + len(ACTORS) and cells[0].startswith("`") and cells[1].isupper():
            name = cells[0].replace("`", "")
            documented[name] = (
                cells[1].lower(),
                dict(zip(ACTORS, map(int, cells[2:]), strict=True)),
            )
    assert documented == MATRIX


@pytest.fixture
def world():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))
    draft = PlanNode.objects.filter(plan=plan, kind="axis").last()
    draft.is_published = False
    draft.save()
    commune = territory.communes.first()
    objective = actions[0].parent
    link = CommuneLink.objects.create(
        territory=territory, plan=plan, node=objective, commune=commune, origin="detected"
    )
    people = {role: make_member(territory, role) for role in Role.values}
    actions[0].pilots.add(people[Role.PILOT])
    people["other"] = make_member(make_territory(), Role.ADMIN)
    tokens = {
        actor: ApiToken.create(user, user.memberships.get().territory, "matrice", "read_write")
        for actor, user in people.items()
    }
    invitation, _token = Invitation.create(territory, "invite@example.org", Role.PARTNER)
    commission = Commission.objects.create(territory=territory, name="Mobilités")
    process = Process.objects.create(territory=territory, plan=plan, title="Démarche")
    step = ProcessStep.objects.create(
        territory=territory, process=process, phase="sharing", kind="meeting", title="Partage"
    )
    world = {
        "step": step,
        "commission": commission,
        "invitation": invitation,
        "territory": territory,
        "plan": plan,
        "actions": actions,
        "draft": draft,
        "commune": commune,
        "link": link,
        "people": people,
        "tokens": tokens,
    }
    for extension in EXTENSIONS:
        extension.prepare(world)
    return world


def request_for(name: str, world: dict) -> tuple[str, dict]:
    """The URL to call for a matrix entry, and the data to send."""
    for extension in EXTENSIONS:
        if name in extension.ROWS:
            return extension.request(name, world)
    slug = world["territory"].slug
    action = world["actions"][0]
    base = name.split(" ")[0]
    draft = "(draft)" in name
    node = world["draft"] if draft else action
    args = {
        "portal:territory": [slug],
        "portal:plan": [slug],
        "portal:communes": [slug],
        "portal:map": [slug],
        "portal:legal": [slug],
        "portal:process": [slug],
        "participation_manage:process": [slug],
        "participation_manage:step_add": [slug],
        "participation_manage:step_edit": [slug, world["step"].pk],
        "participation_manage:step_move": [slug, world["step"].pk],
        "participation_manage:step_delete": [slug, world["step"].pk],
        "participation_manage:deliverable_add": [slug, world["step"].pk],
        "participation_manage:deliverable_remove": [slug, world["step"].pk],
        "portal:accessibility": [slug],
        "portal:privacy": [slug],
        "portal:contact": [slug],
        "portal:theme": [slug],
        "portal:logo": [slug],
        "manage:home": [slug],
        "manage:site": [slug],
        "portal:commune": [slug, world["commune"].insee],
        "portal:node": [slug, PlanNode.URL_SEGMENTS[node.kind], node.pk],
        "plans:structure": [slug],
        "plans:similar_actions": [slug],
        "plans:merge_similar": [slug],
        "plans:dismiss_similar": [slug],
        "plans:root_add": [slug],
        "plans:node_edit": [slug, action.pk],
        "plans:node_add": [slug, action.parent_id],
        "plans:node_move": [slug, action.pk],
        "plans:node_pilots": [slug, action.pk],
        "history:activity": [slug],
        "history:node": [slug, action.pk],
        "history:restore": [slug, action.pk],
        "locations:review": [slug],
        "locations:node": [slug, action.parent_id],
        "locations:add": [slug, action.pk],
        "locations:change": [slug, world["link"].pk],
        "api_token_revoke": [world["tokens"]["admin"][0].pk],
        "api:territory_plan": [slug],
        "api:territory_communes": [slug],
        "api:commune_actions": [slug, world["commune"].insee],
        "api:get_node": [slug, node.pk],
        "api:patch_node": [slug, action.pk],
        "api:unknown_address": ["nulle-part"],
        "accounts:signin_link_open": ["lien-inconnu"],
        "accounts:password_reset_confirm": ["MQ", "lien-inconnu"],
        "accounts:invitation": ["invitation-inconnue"],
        "members:list": [slug],
        "members:commissions": [slug],
        "members:commission_edit": [slug, world["commission"].pk],
        "members:commission_delete": [slug, world["commission"].pk],
        "members:invite": [slug],
        "members:edit": [slug, world["people"][Role.PARTNER].memberships.get().pk],
        "members:remove": [slug, world["people"][Role.PARTNER].memberships.get().pk],
        "members:invitation_resend": [slug, world["invitation"].pk],
        "members:invitation_cancel": [slug, world["invitation"].pk],
    }.get(base, [])
    url = reverse(base, args=args)
    data = {
        "plans:merge_similar": {
            "first": action.pk,
            "second": world["actions"][1].pk,
            "confirm": "1",
        },
        "members:remove": {"confirm": "1"},
        "members:commission_delete": {"confirm": "1"},
        "participation_manage:step_add": {
            "etape-title": "Étape",
            "etape-phase": "sharing",
            "etape-kind": "meeting",
            "etape-date_precision": "day",
        },
        "participation_manage:step_move": {"direction": "down"},
        "participation_manage:step_delete": {"confirm": "1"},
        "participation_manage:deliverable_add": {
            "livrable-title": "Synthèse",
            "livrable-url": "https://x.fr",
        },
        "api_token_revoke": {"confirm": "1"},
        "plans:dismiss_similar": {"first": action.pk, "second": world["actions"][2].pk},
        "plans:root_add": {"kind": "axis", "title": "Nouvel axe"},
        "plans:node_add": {"kind": "action", "title": "Nouvelle action"},
        "plans:node_move": {"direction": "down"},
        "plans:node_pilots": {"pilots": [world["people"][Role.PILOT].pk]},
        "locations:add": {"commune": world["commune"].pk},
        "locations:change": {"action": "confirm"},
        "locations:review": {"liens": [world["link"].pk]},
        "api_token_create": {"territory": world["territory"].pk, "scope": "read", "name": "x"},
        "api:patch_node": {"version": 1, "follow_up": "Suivi"},
        "members:invite": {"email": "nouveau@example.org", "role": "partner"},
    }.get(base, {})
    return url, data


@pytest.mark.parametrize("name", list(MATRIX))
def test_permission_matrix(client, world, name):
    method, expected = MATRIX[name]
    url, data = request_for(name, world)
    observed = {}
    for actor in ACTORS:
        client.logout()
        headers = {}
        if actor != "anonymous":
            if name.startswith("api:"):
                headers["HTTP_AUTHORIZATION"] = f"Bearer {world['tokens'][actor][1]}"
            else:
                client.force_login(world["people"][actor])
        if method == "patch":
            data["version"] = PlanNode.objects.get(pk=world["actions"][0].pk).version
            response = client.patch(
                url, json.dumps(data), content_type="application/json", **headers
            )
        elif method == "post" and name.startswith("api:"):  # the API reads JSON
            response = client.post(
                url, json.dumps(data), content_type="application/json", **headers
            )
        else:
            response = getattr(client, method)(url, data, **headers)
        observed[actor] = response.status_code
    assert observed == expected
