"""The follow-up of the plan lands in its history: a pilot's quick update, an editor's
change of an action sheet and its lines, an indicator's values — in the activity log and
in the history of the action concerned, saying who and when, in French."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import Milestone
from faisse.actions.testing import make_sheet
from faisse.actions.updating import record_update
from faisse.history.changes import activity_log, node_history
from faisse.history.privacy import CHANGES_TO_PLANS
from faisse.indicators.editing import delete_indicator, record_value, save_indicator, set_links
from faisse.indicators.models import Indicator

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = response.content.decode().split("<main", 1)[1].split("</main>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def activity_url(territory):
    return reverse("history:activity", args=[territory.slug])


def node_url(node):
    return reverse("history:node", args=[node.territory.slug, node.pk])


@pytest.fixture
def pilot(plan, action):
    person = make_member(plan.territory, Role.PILOT, first_name="Paule", last_name="Pilote")
    action.pilots.add(person)
    return person


@pytest.fixture
def elise(editor):
    editor.first_name, editor.last_name = "Élise", "Éditrice"
    editor.save()
    return editor


def test_a_pilots_quick_update_is_in_the_log_and_the_actions_history(
    client, plan, action, pilot, elise
):
    record_update(action, pilot, status="in_progress", progress=30, note="Chantier lancé")
    changes = activity_log(plan.territory).changes
    by_source = {}
    for change in changes:  # the newest of each source
        by_source.setdefault(change.source, change)
    assert {"update", "sheet"} <= set(by_source)
    for source in ("update", "sheet"):
        change = by_source[source]
        assert change.user == pilot and change.date.date() == timezone.localdate()
        assert change.history_url == node_url(action)
        assert action.title in change.element
    fields = {f.label: (f.before, f.after) for f in by_source["update"].fields}
    assert fields["Nouveau statut"] == ("", "En cours")
    assert fields["Nouvel avancement (%)"] == ("", "30")
    assert fields["Note"] == ("", "Chantier lancé")
    assert by_source["sheet"].detail.startswith("Point de suivi du ")

    client.force_login(elise)
    for url in (activity_url(plan.territory), node_url(action)):
        text = text_of(client.get(url))
        for words in ("Paule Pilote", "Point de suivi", "Fiche action", "En cours", "Chantier"):
            assert words.lower() in text.lower(), (url, words)
    html = client.get(activity_url(plan.territory)).content.decode()
    assert f'datetime="{timezone.localdate().isoformat()}' in html
    assert action.get_absolute_url() in html


def management(prefix, rows=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(rows),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_an_editors_sheet_change_is_in_the_log_and_the_actions_history(client, plan, action, elise):
    client.force_login(elise)
    data = {"version": "1", "progress_source": "auto", "priority": "high"}
    for prefix in ("lignes", "documents"):
        data.update(management(prefix))
    data.update(management("financements", 1))
    data.update({"financements-0-names": "Région, Département", "financements-0-amount": "50000"})
    data.update(management("etapes", 1))
    data.update({"etapes-0-title": "Étude de faisabilité", "etapes-0-position": "0"})
    data["partners"] = "ADEME"
    edit_url = reverse("actions:sheet_edit", args=[plan.territory.slug, action.pk])
    response = client.post(edit_url, data)
    assert response.status_code == 302, text_of(response)[:2000]

    changes = activity_log(plan.territory).changes
    assert {change.source for change in changes} >= {"sheet", "funding", "milestone"}
    follow_up = [change for change in changes if change.source not in ("plan", "challenge")]
    assert follow_up and all(change.user == elise for change in follow_up)
    sheet_fields = {
        f.label: f.after for change in changes if change.source == "sheet" for f in change.fields
    }
    assert sheet_fields["Niveau de priorité"] == "Élevé"
    assert sheet_fields["Partenaires"] == "ADEME"
    funding = next(change for change in changes if change.source == "funding")
    funding_fields = {
        f.label: f.after for change in changes if change.source == "funding" for f in change.fields
    }
    assert funding_fields["Montant (€ HT)"] == "50\u00a0000"
    assert funding_fields["Financeurs"] == "Département, Région"
    assert funding.element == f"{action.label} — financement n° 1"

    text = text_of(client.get(node_url(action)))
    for words in ("Élise Éditrice", "fiche action", "Niveau de priorité", "Élevé", "financement"):
        assert words in text, words
    assert "étape d’une action" in text and "Étude de faisabilité" in text


def test_an_indicator_value_is_in_the_log_and_the_measured_actions_history(
    client, plan, action, pilot, elise
):
    indicator = Indicator(territory=plan.territory, plan=plan, title="Pistes cyclables", unit="km")
    save_indicator(indicator, elise, targets={2025: 200}, pilots=[])
    set_links(indicator, elise, {action.pk})
    record_value(indicator, pilot, on=date(2024, 12, 31), value=150.5, source="Voirie")
    change = activity_log(plan.territory).changes[0]
    assert (change.source, change.user, change.type_label) == ("value", pilot, "Création")
    assert change.element == "Pistes cyclables — valeur du 31/12/2024"
    assert change.url == indicator.get_absolute_url()
    fields = {f.label: f.after for f in change.fields}
    assert fields["Valeur mesurée"] == "150,5" and fields["Source"] == "Voirie"
    assert fields["Saisie par"] == "Paule Pilote"
    assert change.detail == "Valeur saisie"
    history = node_history(action).changes
    assert [change.source for change in history[:4]] == [
        "value",
        "indicator_link",
        "target",
        "indicator",
    ]
    assert history[1].element == f"Pistes cyclables → {action.label}"

    client.force_login(elise)
    text = text_of(client.get(activity_url(plan.territory)))
    for words in ("Valeur mesurée", "Pistes cyclables", "Paule Pilote", "150,5", "Cible 2025"):
        assert words.lower() in text.lower(), words
    text = text_of(client.get(node_url(action)))
    assert "Pistes cyclables — valeur du 31/12/2024" in text and "Paule Pilote" in text


def test_a_deleted_indicator_and_a_deleted_milestone_are_still_named(plan, action, elise):
    indicator = Indicator(territory=plan.territory, plan=plan, title="Déchets collectés")
    save_indicator(indicator, elise, targets={}, pilots=[])
    record_value(indicator, elise, on=date(2024, 1, 1), value=3)
    delete_indicator(indicator, elise)
    milestone = Milestone.objects.create(sheet=make_sheet(action), title="Concertation")
    milestone.delete()
    changes = activity_log(plan.territory).changes
    named = {change.source: change for change in changes if change.type_label == "Création"}
    assert named["value"].element == "Déchets collectés — valeur du 01/01/2024"
    assert named["value"].url is None  # the indicator is gone
    deleted = next(c for c in changes if c.source == "milestone" and c.type_label == "Suppression")
    assert deleted.element == f"{action.label} — « Concertation »"


def test_the_element_filter_finds_an_actions_sheet_and_indicators(
    client, plan, action, pilot, elise
):
    other = plan.nodes.filter(kind="action").exclude(pk=action.pk).first()
    record_update(action, pilot, note="Réunion de lancement")
    record_update(other, elise, note="Autre action")
    indicator = Indicator(territory=plan.territory, plan=plan, title="Covoiturage")
    save_indicator(indicator, elise, targets={}, pilots=[])
    record_value(indicator, elise, on=date(2024, 1, 1), value=3)
    client.force_login(elise)
    found = text_of(client.get(activity_url(plan.territory), {"element": action.title}))
    assert "Réunion de lancement" in found and "Autre action" not in found
    found = text_of(client.get(activity_url(plan.territory), {"element": "covoit"}))
    assert "Covoiturage — valeur du 01/01/2024" in found and "Réunion" not in found


def test_the_changes_a_person_made_include_the_follow_up(plan, action, pilot):
    record_update(action, pilot, note="Noté")  # the action's first point: its sheet is made
    made = {change["object"] for change in CHANGES_TO_PLANS.export(pilot)}
    assert made == {"sheet", "update"}


def test_the_pages_queries_do_not_grow_with_the_follow_up(client, plan, action, pilot, elise):
    """Pages full of changes of every kind of the follow-up, then three times as many."""
    indicator = Indicator(territory=plan.territory, plan=plan, title="Fréquentation")
    save_indicator(indicator, elise, targets={2025: 1}, pilots=[pilot])
    set_links(indicator, elise, {action.pk})
    sheet = make_sheet(action)
    client.force_login(elise)

    def add_changes(start, count):
        for n in range(start, start + count):
            record_update(action, pilot, note=f"Point {n}", progress=n)
            Milestone.objects.create(sheet=sheet, title=f"Étape {n}")
            record_value(indicator, pilot, on=date(2000 + n, 1, 1), value=n)
            save_indicator(indicator, elise, targets={2025: n}, pilots=[pilot], version=n + 1)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_changes(0, 10)
    few = [queries(activity_url(plan.territory)), queries(node_url(action))]
    add_changes(10, 20)
    assert [queries(activity_url(plan.territory)), queries(node_url(action))] == few
