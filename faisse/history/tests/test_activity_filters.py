"""Filters of the activity log (/<slug>/gestion/historique/?personne=…&du=…&au=…&element=…
&changement=…): a GET form, shareable, that pages through its results, counts them, says
when there are none and answers bad values in French (never a 500)."""

import re
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.tests.conftest import edit
from faisse.locations.models import CommuneLink
from faisse.plans.models import Challenge, PlanNode, SharedPlacement
from faisse.plans.structure import move_under
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def url(territory):
    return reverse("history:activity", args=[territory.slug])


def main(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>")[0]


def shown(response) -> list[str]:
    """The 'Changement' cells of the table: kind, reason and fields, as text."""
    body = main(response)
    if "<tbody>" not in body:
        return []
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S)[-1] for row in rows]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip() for cell in cells]


def count_line(response) -> str:
    found = re.search(r'<p class="result-count">(.*?)</p>', main(response), re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


@pytest.fixture
def people(plan, action, editor):
    """Élise and Marc edit; Paul is an editor who changed nothing."""
    editor.first_name, editor.last_name = "Élise", "Éditrice"
    editor.save()
    marc = make_member(plan.territory, Role.EDITOR, first_name="Marc", last_name="Martin")
    paul = make_member(plan.territory, Role.EDITOR, first_name="Paul", last_name="Passif")
    return editor, marc, paul


def test_by_person(client, plan, action, people):
    elise, marc, paul = people
    edit(action, elise, title="Par Élise")
    edit(action, marc, title="Par Marc")
    elsewhere = make_territory("Ailleurs")
    zoe = make_member(elsewhere, Role.EDITOR, first_name="Zoé", last_name="Voisine")
    edit(make_plan(elsewhere, axes=1).nodes.first(), zoe, title="Chez Zoé")
    client.force_login(elise)
    page = client.get(url(plan.territory))
    select = main(page).split('name="personne"', 1)[1].split("</select>")[0]
    options = re.findall(r"<option[^>]*>(.*?)</option>", select)
    assert options == [
        "Toutes les personnes",
        "Import ou tâche automatique",
        "Élise Éditrice",
        "Marc Martin",
    ]  # by name; not Paul, who changed nothing, nor Zoé, who changed another territory

    mine = client.get(url(plan.territory), {"personne": elise.pk})
    assert mine.status_code == 200
    assert any("Par Élise" in row for row in shown(mine))
    assert not any("Par Marc" in row for row in shown(mine))
    assert count_line(mine).startswith("1 changement correspond à ces filtres")
    assert "Personne : Élise Éditrice" in count_line(mine)
    automatic = client.get(url(plan.territory), {"personne": "automatique"})
    kinds = {row.split(" ")[0] for row in shown(automatic)}
    assert shown(automatic) and kinds <= {"Création", "Première"}


def at(day: str, hour: int = 12, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(day).replace(hour=hour, minute=minute))


@pytest.fixture
def dated(plan, action, editor):
    """Three changes of the action: 15 January, 28 February late in the evening, 3 March."""
    for title in ("Janvier", "Février", "Mars"):
        edit(action, editor, title=title)
    moments = {"Janvier": at("2025-01-15"), "Février": at("2025-02-28", 23, 30)}
    moments["Mars"] = at("2025-03-03")
    for title, moment in moments.items():
        PlanNode.history.filter(id=action.pk, title=title).update(history_date=moment)
    PlanNode.history.filter(id=action.pk, title=action.title).update(history_date=at("2024-12-01"))
    return action


def titles(response) -> list[str]:
    return [m for row in shown(response) for m in ("Janvier", "Février", "Mars") if f"→ {m}" in row]


def test_by_period(client, plan, dated, editor):
    client.force_login(editor)
    territory = plan.territory
    february = client.get(url(territory), {"du": "2025-02-01", "au": "2025-02-28"})
    assert titles(february) == ["Février"]  # the end day counts until midnight
    assert "Période : du 01/02/2025 au 28/02/2025" in count_line(february)
    assert titles(client.get(url(territory), {"du": "2025-02-01"})) == ["Mars", "Février"]
    assert titles(client.get(url(territory), {"au": "2025-02-27"})) == ["Janvier"]
    # Typed by hand, as a browser without a date picker sends it.
    typed = client.get(url(territory), {"du": "01/03/2025", "au": "31/03/2025"})
    assert titles(typed) == ["Mars"]
    # …and shown back as a date field reads it, so that filtering again keeps it.
    assert 'name="du" value="2025-03-01"' in main(typed)
    same_day = client.get(url(territory), {"du": "2025-03-03", "au": "2025-03-03"})
    assert titles(same_day) == ["Mars"]


def test_by_element_title_number_or_id(client, plan, action, editor):
    other = plan.nodes.filter(kind="action").exclude(pk=action.pk).first()
    edit(action, editor, title="Économie circulaire")
    edit(action, editor, title="Économie sociale et solidaire")
    edit(other, editor, title="Mobilités douces")
    CommuneLink.objects.create(
        territory=plan.territory,
        plan=plan,
        node=action,
        commune=plan.territory.communes.first(),
        origin="manual",
    )
    edit(action, editor, number="2.4")
    client.force_login(editor)

    def elements(**params):
        response = client.get(url(plan.territory), params)
        assert response.status_code == 200, params
        body = main(response).split("<tbody>", 1)[-1]
        return re.findall(r'<span class="note">([^<]+)</span>', body)

    # A word of its title, as it is now or was once, whatever the case of its accents;
    # its commune links and extra placements come with it.
    for search in ("économie", "ÉCONOMIE", "Économie", "circulaire", "solidaire"):
        found = elements(element=search)
        assert set(found) == {"Élément du projet", "Lien avec une commune"}, search
    assert set(elements(element="Mobilités")) == {"Élément du projet"}
    assert elements(element="2.4") and set(elements(element="2.4")) <= {
        "Élément du projet",
        "Lien avec une commune",
    }
    by_id = client.get(url(plan.territory), {"element": str(other.pk)})
    assert any("Mobilités douces" in row for row in shown(by_id))
    assert not any("Économie" in row for row in shown(by_id))
    hashed = client.get(url(plan.territory), {"element": f"#{other.pk}"})
    assert shown(hashed) == shown(by_id)
    # The plan and its challenges, by their titles.
    challenge = Challenge.objects.get(plan=plan)
    challenge.title = "Défi de l’eau"
    challenge.save()
    assert set(elements(element="de l’eau")) == {"Défi"}


def test_by_element_of_another_territory_finds_nothing(client, plan, editor):
    theirs = make_plan(make_territory("Voisine"), axes=1).nodes.filter(kind="action").first()
    edit(theirs, None, title="Secret voisin")
    client.force_login(editor)
    for search in (str(theirs.pk), "Secret voisin"):
        response = client.get(url(plan.territory), {"element": search})
        assert response.status_code == 200 and shown(response) == []
        assert "Aucun changement ne correspond à ces filtres" in main(response)


def test_by_kind(client, plan, action, editor):
    edit(action, editor, title="Revu")
    other = plan.nodes.filter(kind="objective").first()
    new_objective = PlanNode.objects.create(
        plan=plan, territory=plan.territory, parent=other.parent, kind="objective", title="O2"
    )
    move_under(PlanNode.objects.get(pk=action.pk), new_objective, editor)
    client.force_login(editor)
    expectations = {
        "modification": "Modification",
        "deplacement": "Déplacement dans le plan",
        "creation": "Création",
        "etat-initial": "Première version connue",
    }
    for key, label in expectations.items():
        response = client.get(url(plan.territory), {"changement": key})
        rows = shown(response)
        assert rows and all(row.startswith(label) for row in rows), key
        assert f"Type : {label}" in count_line(response)
    assert shown(client.get(url(plan.territory), {"changement": "fusion"})) == []


def test_filters_combine(client, plan, action, people):
    elise, marc, _paul = people
    edit(action, elise, title="Élise écrit")
    edit(action, marc, title="Marc écrit")
    other = plan.nodes.filter(kind="action").exclude(pk=action.pk).first()
    edit(other, elise, title="Élise ailleurs")
    client.force_login(elise)
    response = client.get(
        url(plan.territory),
        {"personne": elise.pk, "element": "écrit", "changement": "modification"},
    )
    assert len(shown(response)) == 1 and "Élise écrit" in shown(response)[0]


def test_pagination_keeps_the_filters(client, plan, action, people):
    elise, marc, _paul = people
    for n in range(60):
        edit(action, elise, title=f"Élise {n}")
    for n in range(5):
        edit(action, marc, title=f"Marc {n}")
    client.force_login(elise)
    first = client.get(url(plan.territory), {"personne": elise.pk, "element": "", "du": ""})
    html = first.content.decode()
    assert count_line(first).startswith("60 changements correspondent à ces filtres")
    # Empty filters are left out of the pager's links; the others are kept.
    assert f'href="?personne={elise.pk}&amp;page=2" rel="next"' in html
    second = client.get(url(plan.territory), {"personne": elise.pk, "page": 2})
    rows = shown(second)
    assert len(rows) == 10 and not any("Marc" in row for row in rows)
    assert f'href="?personne={elise.pk}&amp;page=1" rel="prev"' in second.content.decode()
    assert "Page 2 sur 2" in second.content.decode()


def test_a_search_that_finds_nothing_says_so(client, plan, action, editor):
    edit(action, editor, title="Revu")
    client.force_login(editor)
    response = client.get(url(plan.territory), {"element": "introuvable"})
    assert response.status_code == 200
    body = main(response)
    assert count_line(response) == (
        "Aucun changement ne correspond à ces filtres : Élément : « introuvable »."
    )
    assert "Élargissez la période" in body and "<table" not in body
    assert f'href="{url(plan.territory)}"' in body  # clear the filters
    assert "<title>Historique des changements (filtré : aucun résultat)" in (
        response.content.decode()
    )


def test_without_filters_the_log_says_how_many_changes_it_holds(client, plan, action, editor):
    edit(action, editor, title="Revu")
    client.force_login(editor)
    response = client.get(url(plan.territory))
    assert re.match(r"\d+ changements enregistrés\.", count_line(response))
    assert "Effacer les filtres" not in main(response)


BAD_VALUES = [
    ({"personne": "abc"}, "Personne : Choisissez une personne de la liste"),
    ({"personne": "99999999999999999999999"}, "Choisissez une personne de la liste"),
    ({"du": "2025-13-01"}, "Du : Saisissez une date au format jj/mm/aaaa"),
    ({"du": "31/02/2025"}, "Saisissez une date au format jj/mm/aaaa"),
    ({"au": "demain"}, "Au (inclus) : Saisissez une date au format jj/mm/aaaa"),
    ({"du": "0001-01-01"}, "Choisissez une date entre 1900 et 9998."),
    ({"au": "9999-12-31"}, "Choisissez une date entre 1900 et 9998."),
    ({"du": "2025-03-01", "au": "2025-02-01"}, "La date de fin (01/02/2025) précède"),
    ({"element": "x" * 201}, "Saisissez au plus 200 caractères (vous en avez saisi 201)."),
    ({"element": "a\x00b"}, "Élément : Le caractère nul n’est pas autorisé."),
    ({"changement": "xyz"}, "Type de changement : Choisissez un type de changement de la liste."),
]


@pytest.mark.parametrize(("params", "message"), BAD_VALUES)
def test_bad_values_are_answered_in_french(client, plan, action, editor, params, message):
    edit(action, editor, title="Revu")
    client.force_login(editor)
    response = client.get(url(plan.territory), params)
    assert response.status_code == 400
    html = response.content.decode()
    summary = main(response).split('role="alert"', 1)[1].split("</div>")[0]
    assert "Les changements n’ont pas été filtrés" in summary
    assert message in re.sub(r"<[^>]+>", "", summary).replace("&#x27;", "'")
    assert 'aria-invalid="true"' in html and "<title>Erreur : " in html
    assert "<tbody>" not in html  # no list that would ignore what was asked


def test_a_person_of_another_territory_is_refused(client, plan, action, editor):
    stranger = make_member(make_territory("Ailleurs"), Role.EDITOR)
    edit(make_plan(stranger.memberships.get().territory, axes=1).nodes.first(), stranger)
    client.force_login(editor)
    response = client.get(url(plan.territory), {"personne": stranger.pk})
    assert response.status_code == 400 and "Choisissez une personne de la liste" in main(response)


def test_odd_pages_and_unknown_parameters_are_harmless(client, plan, action, editor):
    edit(action, editor, title="Revu")
    client.force_login(editor)
    for params in ({"page": "abc"}, {"page": "9999"}, {"page": "-1"}, {"inconnu": "1"}):
        assert client.get(url(plan.territory), params).status_code == 200


def test_the_form_is_a_labelled_get_form_that_works_without_javascript(client, plan, editor):
    client.force_login(editor)
    html = main(client.get(url(plan.territory), {"element": "x"}))
    form = html.split("<form", 1)[1].split("</form>")[0]
    assert 'method="get"' in form and f'action="{url(plan.territory)}"' in form
    assert 'role="search"' in form and 'aria-labelledby="filtrer"' in form
    for name in ("personne", "du", "au", "element", "changement"):
        assert f'<label for="id_{name}">' in form and f'id="id_{name}"' in form
    assert 'type="date"' in form and "<legend>Période</legend>" in form
    assert 'aria-describedby="id_element_helptext"' in form
    assert 'value="x"' in form  # what was asked stays in the form


def test_queries_do_not_grow_with_the_records_or_the_people(client, plan, editor):
    """The same filters, then five times as many changes by four times as many people. The
    newest changes touch every kind of record, so that each page holds the same kinds (the
    log loads each kind shown on a page in one query)."""
    actions = list(plan.nodes.filter(kind="action"))
    commune = plan.territory.communes.first()
    authors = [editor]
    placement = SharedPlacement.objects.create(
        plan=plan, territory=plan.territory, node=actions[0], parent=actions[1].parent.parent
    )

    def add_changes(count):
        for n in range(count):
            author = authors[n % len(authors)]
            edit(actions[n % len(actions)], author, title=f"Titre {n}", follow_up=f"Suivi {n}")
            challenge = plan.challenges.get()
            challenge.title = f"Défi {n}"
            challenge.save()
        plan.ambition_motto = f"Devise {count}"
        plan.save()
        link, _created = CommuneLink.objects.get_or_create(
            territory=plan.territory, plan=plan, node=actions[0], commune=commune
        )
        link.evidence = f"Mots {count}"
        link.save()
        placement.position = count
        placement.save()
        edit(actions[0], editor, title=f"Titre {count}")

    filters = [
        {},
        {"personne": editor.pk},
        {"du": "2000-01-01", "au": "2999-12-31"},
        {"element": "Titre"},
        {"personne": editor.pk, "page": 2},
        {"element": str(actions[0].pk)},
        {"changement": "modification"},
    ]

    def queries():
        counts = []
        for params in filters:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url(plan.territory), params).status_code == 200
            counts.append(len(captured))
        return counts

    client.force_login(editor)
    add_changes(60)
    few = queries()
    authors.extend(make_member(plan.territory, Role.EDITOR) for _ in range(3))
    add_changes(300)
    assert queries() == few
    # The frame (territory, session, person, role: 4), the people who made changes, the
    # count, the page, one query per kind of record on the page (at most 5), the pilots
    # of node versions and the names of nodes and communes.
    assert max(few) <= 15, few
