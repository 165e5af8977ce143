"""The public pages of indicators and the section on a plan element's page: what each
reader sees (published only for the public), the verdict, the chart and its table,
accessibility, and a number of queries that does not grow with the indicators."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.indicators.testing import add_values, make_indicator
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_indicators_with_their_verdict(client, territory, cycling):
    make_indicator(territory, title="Indicateur en préparation", is_published=False)
    response = client.get(reverse("indicators_public:list", args=[territory.slug]))
    html = page(response)
    assert_accessible(html)
    text = response.content.decode()
    assert "Linéaire de pistes cyclables" in text and "Indicateur en préparation" not in text
    assert "Dernière valeur : 140\u00a0km au 31/12/2022" in text
    assert "En retard sur la trajectoire" in text
    assert html.texts(2) == ["Linéaire de pistes cyclables"]
    assert cycling.url_for(territory.slug) in html.hrefs()
    assert 'role="img"' in text and "Gérer les indicateurs" not in text


def test_members_who_read_drafts_see_unpublished_indicators(client, territory, people):
    draft = make_indicator(territory, title="Indicateur en préparation", is_published=False)
    url = reverse("indicators_public:list", args=[territory.slug])
    for role, shown in [("elected", True), ("pilot", True), ("partner", False), ("other", False)]:
        client.force_login(people[role])
        assert ("Indicateur en préparation" in client.get(url).content.decode()) is shown, role
        detail = client.get(draft.url_for(territory.slug))
        assert detail.status_code == (200 if shown else 404), role
    client.force_login(people["editor"])
    assert "Gérer les indicateurs" in client.get(url).content.decode()


def test_the_detail_says_where_the_indicator_stands(client, territory, cycling, actions):
    response = client.get(cycling.url_for(territory.slug))
    html = page(response)
    assert_accessible(html)
    text = response.content.decode()
    assert "Dernière valeur : 140\u00a0km au 31/12/2022." in text
    assert "Valeur attendue en 2022 : 152\u00a0km." in text
    assert "\u221212\u00a0km (\u22127,9\u00a0%)" in text
    assert html.texts(2) == [
        "Où en est-il ?",
        "Valeurs et cibles",
        "Toutes les valeurs mesurées",
        "Ce que l’indicateur mesure dans le projet",
    ]
    # The table beside the chart: one row per year with a target, the baseline or a value.
    assert [int(attrs_year) for attrs_year in _row_years(text)] == [2019, 2020, 2021, 2022, 2025]
    assert "(trajectoire)" in text and "(référence)" in text
    assert actions[0].url_for(territory.slug) in html.hrefs()
    assert "Saisir une valeur" not in text and "Pilotes" not in text


def _row_years(text: str) -> list[str]:
    table = text.split("Valeurs et cibles par année")[1].split("</table>")[0]
    return [cell.split("</th>")[0] for cell in table.split('<th scope="row">')[1:]]


def test_unpublished_elements_are_not_named_to_the_public(client, territory, cycling, actions):
    actions[0].is_published = False
    actions[0].save()
    url = cycling.url_for(territory.slug)
    text = client.get(url).content.decode()
    assert actions[0].url_for(territory.slug) not in text
    assert "Il n’est lié à aucun élément du projet." in text


def test_those_who_lead_the_indicator_are_offered_to_enter_a_value(
    client, territory, cycling, people
):
    client.force_login(people["pilot"])  # pilots the linked action
    text = client.get(cycling.url_for(territory.slug)).content.decode()
    assert reverse("indicators:values", args=[territory.slug, cycling.pk]) in text
    assert "Modifier l’indicateur" not in text
    client.force_login(people["editor"])
    text = client.get(cycling.url_for(territory.slug)).content.decode()
    assert "Modifier l’indicateur" in text and "Saisir une valeur" in text


def test_an_indicator_of_another_territory_is_not_found(client, territory, cycling):
    from faisse.territories.testing import make_territory

    elsewhere = make_territory("Ailleurs")
    response = client.get(reverse("indicators_public:detail", args=[elsewhere.slug, cycling.pk]))
    assert response.status_code == 404


def test_an_indicator_without_anything_measured_yet(client, territory):
    bare = make_indicator(territory, title="Nouvel indicateur")
    response = client.get(bare.url_for(territory.slug))
    assert_accessible(page(response))
    assert "Aucune valeur n’a encore été mesurée." in response.content.decode()
    assert 'role="img"' not in response.content.decode()


def test_an_element_page_shows_its_indicators(client, territory, cycling, actions):
    hidden = make_indicator(territory, title="Indicateur interne", is_published=False)
    hidden.links.create(node=actions[0], territory=territory)
    response = client.get(actions[0].url_for(territory.slug))
    html = page(response)
    assert_accessible(html)
    text = response.content.decode()
    assert "Indicateurs" in html.texts(2)
    assert "Linéaire de pistes cyclables" in html.texts(3)
    assert "Indicateur interne" not in text
    assert f'id="indicateur-lie-{cycling.pk}-titre"' in text
    other = client.get(actions[1].url_for(territory.slug))
    assert "Linéaire de pistes cyclables" not in other.content.decode()


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_indicators(territory, plan, actions, count: int) -> None:
    for n in range(count):
        make_indicator(
            territory,
            plan=plan,
            baseline=(2019, n),
            targets={2020: n + 1, 2025: n + 10},
            values={2021: n, 2022: n + 2, date(2023, 6, 30): n + 3},
            nodes=actions[:2],
        )


def test_the_list_runs_the_same_queries_for_2_and_20_indicators(
    client, territory, plan, actions, django_assert_num_queries
):
    url = reverse("indicators_public:list", args=[territory.slug])
    _more_indicators(territory, plan, actions, 2)
    queries = _count(client, url)
    _more_indicators(territory, plan, actions, 18)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.content.decode().count('class="card indicator-card"') == 20
    assert queries <= 4  # territory, indicators, targets, values


def test_the_detail_and_element_page_run_the_same_queries_whatever_the_size(
    client, territory, plan, actions, cycling, django_assert_num_queries
):
    url = cycling.url_for(territory.slug)
    action_url = actions[0].url_for(territory.slug)
    before = _count(client, url), _count(client, action_url)
    add_values(cycling, {date(2000 + n, 6, 30): n for n in range(18)})
    for node in actions[1:]:
        cycling.links.create(node=node, territory=territory)
    _more_indicators(territory, plan, actions, 18)  # 19 on the first action's page
    with django_assert_num_queries(before[0]):
        client.get(url)
    with django_assert_num_queries(before[1]):
        response = client.get(action_url)
    assert response.content.decode().count("indicateur-lie-") >= 19
