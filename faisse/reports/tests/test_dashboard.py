"""The dashboard page: what the public and the members see, its figures against values
counted by hand from the builder (dashboard_world.py), the filters in the URL and the
refusal of bad ones in French, never an error."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.portal.tests.html import page
from faisse.portal.tests.located import give_boundaries
from faisse.reports.tests.dashboard_world import follow_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(territory, plan):
    """24 actions (2 axes × 2 orientations × 2 objectives × 3), 4 square communes."""
    give_boundaries(territory)
    pilot = make_member(territory, Role.PILOT, first_name="Paule", last_name="Pilote")
    actions = follow_plan(plan, today=timezone.localdate(), pilot=pilot)
    return {
        "territory": territory,
        "plan": plan,
        "actions": actions,
        "pilot": pilot,
        "url": reverse("reports:dashboard", args=[territory.slug]),
    }


def get(client, url, user=None, **params):
    if user is not None:
        client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_public_sees_the_published_figures_without_pilots_nor_budgets(client, world):
    response = get(client, world["url"])
    dashboard = response.context["dashboard"]
    assert not dashboard.members
    assert dashboard.total == 24
    # Statuses repeat every 8 actions: 3 of each, "Sans statut" included.
    assert {row.label: row.count for row in dashboard.statuses} == {
        "À venir": 3,
        "En cours": 6,
        "Réalisé": 3,
        "En pause": 3,
        "Abandonné": 3,
        "Bloqué": 0,
        "En retard": 3,
        "À discuter": 0,
        "Sans statut": 3,
    }
    assert {row.label: row.count for row in dashboard.priorities} == {
        "Élevé": 6,
        "Moyen": 6,
        "Bas": 6,
        "Sans priorité": 6,
    }
    html = text(response)
    assert "Paule Pilote" not in html and "Service n° 0" not in html
    assert "€" not in html and 'id="budget"' not in html
    assert dashboard.pilots == [] and dashboard.budget is None
    assert "Réalisé" in html and "25 %" in html  # 6 "En cours" of 24, the share written


def test_members_see_pilots_services_and_budgets(client, world):
    elected = make_member(world["territory"], Role.ELECTED)
    dashboard = get(client, world["url"], elected).context["dashboard"]
    assert dashboard.members
    pilots = {row.label: row.count for row in dashboard.pilots}
    assert pilots == {"Paule Pilote": 8, "Sans pilote": 16}
    assert {row.label: row.count for row in dashboard.services} == {
        "Service n° 0": 12,
        "Service n° 1": 12,
    }
    assert dashboard.budget.planned == 24 * 11_000
    assert dashboard.budget.actual == 24 * 8_000
    assert dashboard.budget.funded == 24 * 5_000
    assert [(row.label, row.planned, row.actual) for row in dashboard.budget_by_year] == [
        ("2024", 24 * 10_000, 24 * 8_000),
        ("2025", 24 * 1_000, 0),
    ]
    assert [row.planned for row in dashboard.budget_by_axis] == [12 * 11_000, 12 * 11_000]
    html = text(get(client, world["url"]))
    assert "264 000 €" in html and "Paule Pilote" in html and "Service n° 1" in html


def test_partners_see_what_the_public_sees(client, world):
    partner = make_member(world["territory"], Role.PARTNER)
    response = get(client, world["url"], partner)
    assert not response.context["dashboard"].members
    assert "Paule Pilote" not in text(response)


def test_progress_by_axis_and_orientation_rolls_up_with_the_plan(client, world):
    dashboard = get(client, world["url"]).context["dashboard"]
    rows = dashboard.progress_rows
    assert [row.depth for row in rows] == [0, 1, 1, 0, 1, 1]
    # Orientation 1.1 holds ranks 0–5: progress 0, 10, 100 (done), 30, 40, 50, by objective
    # (0, 10, 100) → 36.67 and (30, 40, 50) → 40; the orientation: 38.33. Late: 0 and 5
    # (past their end), 3 (said late).
    assert rows[1].progress == pytest.approx((110 / 3 + 40) / 2)
    assert rows[1].actions == 6 and rows[1].late == 3
    assert dashboard.plan_progress == pytest.approx(
        sum(row.progress for row in rows if row.depth == 0) / 2
    )


def test_late_and_due_soon_actions_link_to_their_pages(client, world):
    response = get(client, world["url"])
    dashboard = response.context["dashboard"]
    slug = world["territory"].slug
    actions = world["actions"]
    # Late: said so (3, 11, 19), or past their end (0, 5, 10, 15, 20) and not closed (10 is
    # done).
    late = {item.node.pk for item in dashboard.late}
    expected = {actions[i].pk for i in (0, 3, 5, 11, 15, 19, 20)}
    assert late == expected
    due = {item.node.pk for item in dashboard.due_soon}
    # End in 10 days (i % 5 == 1), unless done or abandoned: 1, 6 (abandoned), 11 (late),
    # 16, 21 → 1, 16, 21; 11 is "En retard" (late, not due soon).
    assert due == {actions[i].pk for i in (1, 16, 21)}
    hrefs = page(response).hrefs()
    for item in [*dashboard.late, *dashboard.due_soon]:
        assert item.node.url_for(slug) in hrefs


def test_filters_in_the_url_select_the_actions(client, world):
    url, actions = world["url"], world["actions"]
    axis = PlanNode.objects.filter(plan=world["plan"], kind="axis").order_by("position").first()
    cases = {
        "statut=en_cours": 6,
        "statut=in_progress": 6,  # the database's word works too
        "priorite=eleve": 6,
        f"axe={axis.pk}": 12,
        f"axe={axis.pk}&statut=en_cours": 3,  # ranks 0, 4 and 8
        "odd=13": 12,
        "commune=99001": 6,  # ranks 0, 4, 8, 12, 16, 20 (i % 4 == 0)
        "programme=": 24,  # an empty select filters nothing
    }
    for query, count in cases.items():
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        dashboard = response.context["dashboard"]
        assert dashboard.selected == count, query
        assert not dashboard.filters.errors, query
    programme = response.context["dashboard"].fields[-2].options[0]
    dashboard = client.get(f"{url}?programme={programme.value}").context["dashboard"]
    assert dashboard.selected == 12 and dashboard.applied[0].value == programme.label
    assert len(actions) == 24


def test_a_filtered_view_says_its_filters_and_links_to_remove_them(client, world):
    response = client.get(world["url"], {"statut": "en_cours", "commune": "99001"})
    dashboard = response.context["dashboard"]
    assert [(f.name, f.value) for f in dashboard.applied] == [
        ("statut", "En cours"),
        ("commune", "Commune 1"),
    ]
    hrefs = page(response).hrefs()
    assert f"{world['url']}?commune=99001" in hrefs  # the status filter removed
    assert f"{world['url']}?statut=en_cours" in hrefs  # the commune filter removed
    # The form keeps the choices.
    html = response.content.decode()
    assert '<option value="en_cours" selected>' in html
    assert '<option value="99001" selected>' in html


def test_with_filters_progress_rolls_up_from_the_selected_actions_only(client, world):
    dashboard = client.get(world["url"], {"statut": "realise"}).context["dashboard"]
    assert dashboard.selected == 3
    assert dashboard.plan_progress == 100
    assert all(row.progress == 100 for row in dashboard.progress_rows)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("axe=abc", "Filtre « axe » ignoré : « abc » n’est pas un numéro d’axe."),
        ("axe=999999", "Filtre « axe » ignoré : aucun axe n° 999999 dans ce projet."),
        (
            "commune=99999",
            "Filtre « commune » ignoré : aucune commune de code INSEE « 99999 » dans ce "
            "territoire.",
        ),
        (
            "odd=18",
            "Filtre « odd » ignoré : « 18 » n’est pas un objectif de développement durable "
            "(de 1 à 17).",
        ),
        ("statut=fini", "Filtre « statut » ignoré : « fini » n’est pas un statut"),
        ("priorite=%C3%A9norme", "Filtre « priorite » ignoré : « énorme » n’est pas une priorité"),
        (
            "pilote=1",
            "Filtre « pilote » ignoré : les pilotes ne sont montrés qu’aux membres du territoire.",
        ),
        (
            "carte=budget",
            "Filtre « carte » ignoré : la carte des budgets est réservée aux membres du "
            "territoire.",
        ),
        ("programme=12abc", "Filtre « programme » ignoré : « 12abc » n’est pas un numéro"),
    ],
)
def test_a_bad_filter_is_said_in_french_and_left_out(client, world, query, message):
    response = client.get(f"{world['url']}?{query}")
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert dashboard.selected == 24  # nothing filtered
    assert any(error.startswith(message) for error in dashboard.filters.errors), (
        dashboard.filters.errors
    )
    assert message.split(" : ")[0] in text(response)


def test_a_draft_axis_is_neither_counted_nor_filtered_for_the_public(client, world):
    axis = PlanNode.objects.filter(plan=world["plan"], kind="axis").order_by("position").last()
    PlanNode.objects.filter(pk=axis.pk).update(is_published=False)
    public = client.get(world["url"], {"axe": axis.pk}).context["dashboard"]
    assert public.total == 12 and public.filters.errors  # as if it did not exist
    editor = make_member(world["territory"], Role.EDITOR)
    client.force_login(editor)
    members = client.get(world["url"], {"axe": axis.pk}).context["dashboard"]
    assert members.total == 24 and members.selected == 12 and not members.filters.errors


def test_pilot_filter_for_members(client, world):
    client.force_login(world["pilot"])
    dashboard = client.get(world["url"], {"pilote": world["pilot"].pk}).context["dashboard"]
    assert dashboard.selected == 8
    other = client.get(world["url"], {"pilote": "424242"}).context["dashboard"]
    assert other.selected == 24
    assert other.filters.errors == [
        "Filtre « pilote » ignoré : aucune action de ce projet n’a pour pilote la personne "
        "n° 424242."
    ]


def test_the_map_is_shaded_by_progress_and_by_budget_for_members(client, world):
    response = client.get(world["url"])
    places = response.context["dashboard"].places
    assert places.switch == [] and places.measure == "avancement"
    assert 'id="carte-tableau-titre"' in response.content.decode()
    # Communes 1–4 each named by the ranks i % 4 == c (not 3): 6, 6, 6 and 0 actions.
    assert [row.actions for row in places.rows] == [6, 6, 6, 0]
    assert places.territory_wide == 6
    assert places.scale.missing.label == "aucune action"
    client.force_login(make_member(world["territory"], Role.EDITOR))
    response = client.get(world["url"], {"carte": "budget"})
    places = response.context["dashboard"].places
    assert places.measure == "budget" and [c.current for c in places.switch] == [False, True]
    assert [row.planned for row in places.rows[:3]] == [6 * 11_000] * 3
    assert "budget prévisionnel 66 000 €" in text(response)


def test_indicators_off_target_public_and_members(client, world):
    territory, plan = world["territory"], world["plan"]
    year = date.today().year
    off = make_indicator(
        territory, plan=plan, title="Part modale du vélo", unit="%",
        targets={year - 1: 10, year: 20}, values={date.today(): 12},
    )  # fmt: skip
    make_indicator(territory, plan=plan, title="Tonnes de déchets", targets={year: 5},
                   values={date.today(): 8}, direction="decrease", is_published=False)  # fmt: skip
    make_indicator(territory, plan=plan, title="Sur la trajectoire", targets={year: 5},
                   values={date.today(): 8})  # fmt: skip
    public = client.get(world["url"]).context["dashboard"]
    assert [item.indicator.title for item in public.off_target] == ["Part modale du vélo"]
    assert public.indicators == 2 and public.indicators_judged == 2
    assert public.off_target[0].gap == "−8\u00a0% (−40,0\u00a0%)"
    assert off.pk == public.off_target[0].indicator.pk
    client.force_login(make_member(territory, Role.ELECTED))
    members = client.get(world["url"]).context["dashboard"]
    assert [item.indicator.title for item in members.off_target] == [
        "Part modale du vélo",
        "Tonnes de déchets",
    ]


def test_a_territory_without_plan_has_an_empty_dashboard(client, territory):
    response = client.get(reverse("reports:dashboard", args=[territory.slug]))
    assert response.status_code == 200
    assert "pas encore publié son projet" in text(response)


def test_an_unknown_territory_is_not_found(client, db):
    assert client.get("/nulle-part/tableau-de-bord/").status_code == 404


def test_due_soon_counts_a_milestone_within_thirty_days(client, world):
    from faisse.actions.testing import add_milestones

    sheet = world["actions"][2].sheet  # ends next year; "Réalisé" → never due
    sheet4 = world["actions"][4].sheet  # "En cours", ends next year
    soon = timezone.localdate() + timedelta(days=5)
    add_milestones(sheet, ("Étape", False, soon))
    add_milestones(sheet4, ("Étape", False, soon))
    dashboard = client.get(world["url"]).context["dashboard"]
    items = {item.node.pk: item for item in dashboard.due_soon}
    assert world["actions"][2].pk not in items
    assert items[world["actions"][4].pk].when == soon


def test_figures_are_written_the_french_way():
    from decimal import Decimal

    from faisse.reports.dashboard_figures import bar_width, euros, percent_text

    assert percent_text(22.5) == "23\u00a0%" and percent_text(38.333) == "38\u00a0%"
    assert percent_text(None) == "—" and percent_text(1234.4) == "1\u00a0234\u00a0%"
    assert euros(Decimal("264000")) == "264\u00a0000\u00a0€"
    assert bar_width(22.54) == "22.5" and bar_width(140) == "100" and bar_width(None) == "0"


def test_node_urls_are_the_node_pages(world):
    from faisse.reports.dashboard import NodeUrls

    slug = world["territory"].slug
    urls = NodeUrls(slug)
    for node in PlanNode.objects.filter(plan=world["plan"]):
        assert urls(node) == node.url_for(slug)
