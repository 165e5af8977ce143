"""Detection on the real Alès plan, and how its results are recorded."""

import pytest

from faisse.locations.detection import apply_detection, detect
from faisse.locations.geography import PlanGeography
from faisse.locations.models import CommuneLink, CommuneRole, OutsidePlace
from faisse.territories.models import Commune

pytestmark = pytest.mark.django_db


def linked(plan):
    return {
        (link.node.source_line, link.commune.name)
        for link in CommuneLink.objects.filter(plan=plan).select_related("node", "commune")
    }


def test_the_communes_named_by_the_source_are_linked_to_the_right_nodes(ales_plan):
    apply_detection(detect(ales_plan))
    links = linked(ales_plan)
    hubs = {
        "Anduze",
        "Saint-Jean-du-Gard",
        "La Grand-Combe",
        "Génolhac",
        "Brouzet-lès-Alès",
        "Vézénobres",
    }
    assert {name for line, name in links if line == 574} == hubs  # the objective names them
    assert (561, "Alès") in links  # Conforter Alès comme ville-centre
    assert (559, "Alès") in links  # centre-ville d'Alès
    assert (409, "Alès") in links  # entre Alès et Bessèges
    assert (406, "Vézénobres") in links  # halte gare de … Vézénobres


def test_nothing_links_to_alès_because_of_the_intercommunality_s_name(ales_plan):
    apply_detection(detect(ales_plan))
    alès_lines = {line for line, name in linked(ales_plan) if name == "Alès"}
    titles = dict(ales_plan.nodes.values_list("source_line", "title"))
    for line in alès_lines:
        text = titles[line].replace("Alès Agglomération", "")
        assert "Alès" in text, titles[line]
    # e.g. "Connecter Alès Agglomération aux grands réseaux" is not about the commune
    assert 404 not in alès_lines and 285 not in alès_lines


def test_places_outside_the_territory_are_recorded_never_linked(ales_plan):
    apply_detection(detect(ales_plan))
    outside = set(OutsidePlace.objects.filter(plan=ales_plan).values_list("name", flat=True))
    assert outside == {"Nîmes", "Manduel", "Bessèges", "Bagnols-sur-Cèze", "Avignon"}
    assert not Commune.objects.filter(territory=ales_plan.territory, name__in=outside).exists()
    assert not CommuneLink.objects.filter(commune__name__in=outside).exists()


def test_a_commune_named_on_an_objective_applies_to_the_actions_under_it(ales_plan):
    apply_detection(detect(ales_plan))
    anduze = Commune.objects.get(territory=ales_plan.territory, insee="30010")
    geography = PlanGeography.load(ales_plan)
    actions = [action.title for action, _links in geography.specific_actions(anduze.pk)]
    assert actions == [
        "Redynamiser/restructurer l’offre commerciale",
        "Réhabiliter/restructurer l’habitat",
        "Améliorer l’accessibilité (stationnements, modes doux, ...) et la qualité des "
        "espaces publics",
        "Développer des animations attractives",
    ]


def test_roles_come_from_the_source(ales_plan):
    apply_detection(detect(ales_plan))
    roles = set(CommuneRole.objects.values_list("commune__name", "role"))
    assert ("Alès", "central_town") in roles
    hubs = {name for name, role in roles if role == "secondary_hub"}
    assert len(hubs) == 6 and "Anduze" in hubs and "Alès" not in hubs


def test_applying_twice_changes_nothing_and_a_rejected_link_is_not_proposed_again(ales_plan):
    first = apply_detection(detect(ales_plan))
    assert first["links_created"] > 0
    link = CommuneLink.objects.filter(plan=ales_plan, commune__name="Anduze").get()
    link.origin = CommuneLink.Origin.REJECTED
    link.save()
    before = set(CommuneLink.objects.values_list("pk", "origin"))
    second = apply_detection(detect(ales_plan))
    assert second == {"links_created": 0, "links_removed": 0, "roles_created": 0}
    assert set(CommuneLink.objects.values_list("pk", "origin")) == before


def test_a_confirmed_link_survives_when_the_text_no_longer_names_the_commune(ales_plan):
    apply_detection(detect(ales_plan))
    link = CommuneLink.objects.filter(plan=ales_plan, node__source_line=559).get()
    link.origin = CommuneLink.Origin.CONFIRMED
    link.save()
    detected = CommuneLink.objects.filter(plan=ales_plan, node__source_line=572).get()
    for node in (link.node, detected.node):
        node.title = "Un texte qui ne cite plus de commune"
        node.save()
    result = apply_detection(detect(ales_plan))
    assert result["links_removed"] == 1
    assert CommuneLink.objects.filter(pk=link.pk).exists()
    assert not CommuneLink.objects.filter(pk=detected.pk).exists()
