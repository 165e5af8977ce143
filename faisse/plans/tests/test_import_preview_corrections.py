"""Corrections in the preview of an import: each button stores one correction in the
draft and comes back to the page where it was made (POST, then redirect); the preview
reads the file again with them, so each one changes what will be created. A correction
that cannot be made says why and stores nothing.

The tests marked "corrections not applied yet" check the importer's side of the contract
(faisse/plans/importer/corrections.py): they pass once parse_upload applies corrections.
"""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.drafts import ImportDraft, create_draft
from faisse.plans.models import Plan
from faisse.plans.tests.import_documents import MARKDOWN
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

# MARKDOWN's lines: 3 axis 1, 4 orientation 1.1, 5 objective, 6 and 7 actions, 8 objective,
# 9 action, 10 axis 2, 11 orientation 2.1, 12 objective, 13 action.


@pytest.fixture
def territory():
    return make_territory("Vallée Test")


@pytest.fixture
def editor(territory):
    return make_member(territory, Role.EDITOR)


@pytest.fixture
def draft(territory, editor):
    return create_draft(territory, editor, "projet.md", MARKDOWN.encode())


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def correct(client, draft, **data):
    url = reverse("plans:import_correct", args=[draft.territory.slug, draft.pk])
    return client.post(url, data)


def stored(draft) -> dict:
    return ImportDraft.objects.get(pk=draft.pk).corrections


def preview(client, draft, query="") -> str:
    url = reverse("plans:import_preview", args=[draft.territory.slug, draft.pk])
    response = client.get(url + query)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def preview_url(draft) -> str:
    return reverse("plans:import_preview", args=[draft.territory.slug, draft.pk])


# -- what each button stores, and where it comes back ------------------------------------


def test_changing_a_nodes_kind_is_stored_and_comes_back_to_the_node(signed_in, draft):
    response = correct(signed_in, draft, do="role:12", role="orientation")
    assert response["Location"] == preview_url(draft) + "?element=12#corrige"
    assert stored(draft)["roles"] == {"12": "orientation"}
    page = preview(signed_in, draft, "?element=12")
    panel = page.split('class="import-fix"')[1].split("</form>")[0]
    assert "Correction enregistrée : « Orientation »." in panel  # where the editor is
    assert "Ligne 12 : devient « Orientation »" in page  # in the list, with its undo
    assert 'value="undo-role:12"' in page


def test_marking_a_source_line_as_noise_comes_back_to_the_line(signed_in, draft):
    response = correct(signed_in, draft, do="noise:9", retour="source")
    assert response["Location"] == preview_url(draft) + "?element=9&retour=source#s-9"
    assert stored(draft)["roles"] == {"9": "noise"}
    page = preview(signed_in, draft, "?element=9&retour=source")
    line = page.split('id="s-9"')[1].split("</li>")[0]  # the message where the editor is
    assert "Passage ignoré : il ne sera pas importé." in line


def test_merge_and_split_are_stored_by_line(signed_in, draft):
    correct(signed_in, draft, do="merge:7")
    correct(signed_in, draft, do="split:6", first_part="  Créer une   plateforme ")
    assert stored(draft)["merges"] == [7]
    assert stored(draft)["splits"] == {"6": len("Créer une plateforme")}


def test_a_split_keeps_the_beginning_of_the_title(signed_in, draft):
    response = correct(signed_in, draft, do="split:6", first_part="Ouvrir une plateforme")
    assert response["Location"] == preview_url(draft) + "?element=6#corrige"
    assert "splits" not in stored(draft)
    page = preview(signed_in, draft)
    assert "« Ouvrir une plateforme » n’est pas le début de l’intitulé" in page
    correct(signed_in, draft, do="split:6", first_part="Créer une plateforme de la rénovation")
    assert "Rien ne reste pour le second élément" in preview(signed_in, draft)
    assert "splits" not in stored(draft)


def test_keeping_the_kind_stores_nothing(signed_in, draft):
    correct(signed_in, draft, do="role:6", role="action", current="action")
    assert "Rien n’a changé : c’est déjà sa nature." in preview(signed_in, draft)
    assert not stored(draft).get("roles")


def test_a_kind_outside_the_list_is_refused(signed_in, draft):
    correct(signed_in, draft, do="role:6", role="chapitre")
    assert "Choisissez ce que devient l’élément dans la liste." in preview(signed_in, draft)
    assert stored(draft) == {}


@pytest.mark.parametrize("do", ["", "role", "role:x", "merge:0", "merge:99999999999", "nope:3"])
def test_a_forged_button_is_refused_without_an_error(signed_in, draft, do):
    response = correct(signed_in, draft, do=do, role="action")
    assert response.status_code == 302
    assert stored(draft) == {}


def test_undo_takes_one_correction_back_and_reset_all(signed_in, draft):
    correct(signed_in, draft, do="role:7", role="text")
    correct(signed_in, draft, do="merge:9")
    response = correct(signed_in, draft, do="undo-role:7", retour="corrections")
    assert response["Location"] == preview_url(draft) + "#corrections"
    assert stored(draft)["roles"] == {} and stored(draft)["merges"] == [9]
    correct(signed_in, draft, do="reset", retour="corrections")
    assert stored(draft) == {"roles": {}, "merges": [], "splits": {}, "names": {}}
    assert "Aucune correction faite" in preview(signed_in, draft)


def test_level_names_are_stored_when_they_change(signed_in, draft):
    response = correct(
        signed_in,
        draft,
        retour="niveaux",
        **{
            "do": "names",
            "niveau-axis-singulier": "Enjeu",
            "niveau-axis-pluriel": "Enjeux",
            "niveau-orientation-singulier": "Orientation",  # unchanged: not stored
            "niveau-orientation-pluriel": "Orientations",
            "niveau-action-singulier": "Fiche action",  # plural made from it
            "niveau-action-pluriel": "",
        },
    )
    assert response["Location"] == preview_url(draft) + "#niveaux"
    assert stored(draft)["names"] == {
        "axis": ["Enjeu", "Enjeux"],
        "action": ["Fiche action", "Fiche actions"],
    }
    page = preview(signed_in, draft)
    assert '<span class="node-kind">Enjeu 1</span> Habiter la vallée' in page
    assert "Seront créés : 2 enjeux, 2 orientations, 3 objectifs, 4 fiche actions." in page
    correct(signed_in, draft, **{"do": "names", "niveau-axis-singulier": ""})
    assert list(stored(draft)["names"]) == ["action"]


def test_a_level_name_too_long_is_refused(signed_in, draft):
    correct(signed_in, draft, **{"do": "names", "niveau-axis-singulier": "E" * 61})
    assert "60 caractères au plus" in preview(signed_in, draft)
    assert stored(draft) == {}


def test_renamed_levels_are_the_imported_plans(signed_in, territory, draft):
    correct(
        signed_in,
        draft,
        **{"do": "names", "niveau-axis-singulier": "Enjeu", "niveau-axis-pluriel": "Enjeux"},
    )
    url = reverse("plans:import_save", args=[territory.slug, draft.pk])
    signed_in.post(url, {"mode": "nouveau", "nouveau-title": "Projet", "nouveau-status": "draft"})
    plan = Plan.objects.get()
    assert plan.level_names["axis"] == ["Enjeu", "Enjeux"]
    assert set(plan.nodes.filter(kind="axis").values_list("level_name", flat=True)) == {"Enjeu"}


# -- what each correction changes in the preview (the importer applies them) -------------


def test_a_node_made_text_becomes_the_description_above(signed_in, draft):
    correct(signed_in, draft, do="role:7", role="text")
    page = preview(signed_in, draft, "?element=6")
    assert "Seront créés : 2 axes, 2 orientations, 3 objectifs, 3 actions." in page
    assert '<span class="import-description">Aider les propriétaires modestes</span>' in page


def test_a_node_given_another_kind_is_counted_as_such(signed_in, draft):
    correct(signed_in, draft, do="role:12", role="orientation")
    page = preview(signed_in, draft, "?element=12")
    assert '<span class="node-kind">Orientation</span> Développer les zones d’activité' in page
    assert "3 orientations" in page


def test_a_line_marked_as_noise_is_left_out(signed_in, draft):
    correct(signed_in, draft, do="noise:9", retour="source")
    page = preview(signed_in, draft, "?element=9")
    assert "Seront créés : 2 axes, 2 orientations, 3 objectifs, 3 actions." in page
    assert '<span class="import-line__role">ignorée <span class="badge">corrigé</span>' in page
    assert 'value="undo-role:9"' in page


def test_a_merged_node_joins_the_one_before(signed_in, draft):
    correct(signed_in, draft, do="merge:7")
    page = preview(signed_in, draft, "?element=6")
    assert "3 actions." in page
    assert "Créer une plateforme de la rénovation Aider les propriétaires modestes" in page


def test_a_split_node_becomes_two(signed_in, draft):
    correct(signed_in, draft, do="split:6", first_part="Créer une plateforme")
    page = preview(signed_in, draft, "?element=6")
    assert "5 actions." in page
    assert '<span class="node-kind">Action</span> Créer une plateforme</span>' in page
    assert '<span class="node-kind">Action</span> de la rénovation</span>' in page


def test_the_import_writes_the_corrected_tree(signed_in, territory, draft):
    correct(signed_in, draft, do="role:7", role="text")
    url = reverse("plans:import_save", args=[territory.slug, draft.pk])
    signed_in.post(url, {"mode": "nouveau", "nouveau-title": "Projet", "nouveau-status": "draft"})
    plan = Plan.objects.get()
    assert plan.nodes.filter(kind="action").count() == 3
    assert plan.nodes.get(source_line=6).description == "Aider les propriétaires modestes"


def test_corrections_that_leave_no_plan_are_told_and_can_be_undone(signed_in, draft):
    for where in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13):
        correct(signed_in, draft, do=f"noise:{where}")
    page = preview(signed_in, draft)
    assert "Avec les corrections faites, le document ne donne pas de projet" in page
    assert "Annuler toutes les corrections" in page
    correct(signed_in, draft, do="reset")
    assert "Seront créés : 2 axes" in preview(signed_in, draft)
