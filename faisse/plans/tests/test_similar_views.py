"""The editor page of similar actions: permissions, the ranked list, merge and dismiss."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Membership, Role
from faisse.accounts.testing import make_member
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode, SharedPlacement, SimilarPairDecision
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ales_plan(ales_parsed):
    return save_plan(ales_parsed, make_territory("Alès Agglomération"), PlanDetails())


@pytest.fixture
def staff_client(client, ales_plan):
    """An editor of the territory."""
    client.force_login(make_member(ales_plan.territory, Role.EDITOR))
    return client


def page_url(plan):
    return reverse("plans:similar_actions", args=[plan.territory.slug])


def action(plan, line):
    return PlanNode.objects.get(plan=plan, source_line=line)


def post(client, plan, name, first, second, **extra):
    url = reverse(f"plans:{name}", args=[plan.territory.slug])
    data = {"first": first.pk, "second": second.pk, "confirm": "1", **extra}
    return client.post(url, data, follow=True)


def test_the_page_is_for_editors_only(client, ales_plan):
    url = page_url(ales_plan)
    assert url == f"/{ales_plan.territory.slug}/gestion/actions-similaires/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    client.force_login(make_member(ales_plan.territory, Role.ELECTED))
    assert client.get(url).status_code == 403
    client.force_login(make_member(make_territory(), Role.EDITOR))  # editor elsewhere
    assert client.get(url).status_code == 403
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    for name in ("merge_similar", "dismiss_similar"):
        assert post(client, ales_plan, name, first, second).status_code == 403
    assert PlanNode.objects.filter(pk=second.pk).exists()
    assert not SimilarPairDecision.objects.exists()


def test_anonymous_posts_are_sent_to_login(client, ales_plan):
    url = reverse("plans:merge_similar", args=[ales_plan.territory.slug])
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    response = client.post(url, {"first": first.pk, "second": second.pk})
    assert response.status_code == 302 and "/connexion/" in response["Location"]
    assert PlanNode.objects.filter(pk=second.pk).exists()


def test_the_list_shows_ranked_pairs_with_places_links_and_buttons(staff_client, ales_plan):
    response = staff_client.get(page_url(ales_plan))
    assert response.status_code == 200
    html = response.content.decode()
    slug = ales_plan.territory.slug
    first, second = action(ales_plan, 279), action(ales_plan, 470)
    assert "Paire 1 — similarité 1,00" in html and "Mot pour mot" in html
    assert html.index(first.title) < html.index("Développer le mécénat")
    assert f'href="{first.url_for(slug)}"' in html and f'href="{second.url_for(slug)}"' in html
    assert "Orientation 1.3 : S’ouvrir aux métiers de demain" in html
    assert "ligne 470 du document source" in html
    # One token per decision form of the page (the header's logout form is not counted).
    main = html.split("<main", 1)[1]
    assert main.count("csrfmiddlewaretoken") == html.count("Fusionner<span") == 29
    assert ">Écarter<" in html and "Même idée" in html


def test_unknown_territory_is_404_and_a_territory_without_plan_says_so(client):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    assert client.get("/nulle-part/gestion/actions-similaires/").status_code == 404
    response = client.get(f"/{territory.slug}/gestion/actions-similaires/")
    assert response.status_code == 200
    assert "n’a pas encore de projet" in response.content.decode()


def test_merge_then_dismiss_from_the_page(staff_client, ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    response = post(staff_client, ales_plan, "merge_similar", first, second)
    assert response.redirect_chain == [(page_url(ales_plan), 302)]
    html = response.content.decode()
    assert "Actions fusionnées" in html and "Fusionnées" in html
    assert not PlanNode.objects.filter(pk=second.pk).exists()
    assert SharedPlacement.objects.filter(node=first, parent_id=second.parent_id).exists()

    third, fourth = action(ales_plan, 305), action(ales_plan, 476)
    response = post(staff_client, ales_plan, "dismiss_similar", third, fourth)
    html = response.content.decode()
    assert "Paire écartée" in html and "Écartées" in html
    assert SimilarPairDecision.objects.filter(decision="dismissed", first_id=third.pk).exists()
    shown = {(row["pair"].first.pk, row["pair"].second.pk) for row in response.context["rows"]}
    assert (third.pk, fourth.pk) not in shown and (first.pk, second.pk) not in shown
    assert len(shown) == 27


def test_a_refused_or_stale_pair_gives_a_message(staff_client, ales_plan):
    mine = action(ales_plan, 359)
    objective = PlanNode.objects.get(plan=ales_plan, source_line=354)
    html = post(staff_client, ales_plan, "merge_similar", mine, objective).content.decode()
    assert "seules des actions" in html
    other = PlanNode.objects.filter(plan=make_plan(make_territory()), kind="action")[0]
    html = post(staff_client, ales_plan, "dismiss_similar", mine, other).content.decode()
    assert "n’existent plus dans ce territoire" in html
    url = reverse("plans:merge_similar", args=[ales_plan.territory.slug])
    response = staff_client.post(url, {"first": "x"}, follow=True)
    assert "n’existent plus" in response.content.decode()
    assert PlanNode.objects.filter(pk=mine.pk).exists()


def test_decisions_are_post_only(staff_client, ales_plan):
    for name in ("merge_similar", "dismiss_similar"):
        url = reverse(f"plans:{name}", args=[ales_plan.territory.slug])
        assert staff_client.get(url).status_code == 405


def test_the_page_runs_a_constant_number_of_queries(staff_client, ales_plan):
    def queries(plan):
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(page_url(plan)).status_code == 200
        return len(captured)

    small = make_plan(make_territory(), axes=1, orientations=1, objectives=2, actions=2)
    editor = staff_client.get(page_url(ales_plan)).wsgi_request.user
    Membership.objects.create(user=editor, territory=small.territory, role=Role.EDITOR)
    baseline = queries(small)
    assert queries(ales_plan) == baseline
    post(staff_client, ales_plan, "merge_similar", action(ales_plan, 279), action(ales_plan, 470))
    post(staff_client, ales_plan, "dismiss_similar", action(ales_plan, 305), action(ales_plan, 476))
    assert queries(ales_plan) == baseline


def test_merging_asks_first_and_changes_nothing_until_confirmed(staff_client, ales_plan):
    first, second = action(ales_plan, 359), action(ales_plan, 515)
    url = reverse("plans:merge_similar", args=[ales_plan.territory.slug])
    response = staff_client.post(url, {"first": first.pk, "second": second.pk})
    html = response.content.decode()
    assert response.status_code == 200 and "Fusionner ces deux actions ?" in html
    assert f'name="second" value="{second.pk}"' in html
    assert PlanNode.objects.filter(pk=second.pk).exists()
    assert not SimilarPairDecision.objects.exists()
