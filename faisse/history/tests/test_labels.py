"""The history speaks French to a chargé·e de mission: every field, object and kind of
change has a French name, values read as words (oui/non, the parent's name), never as
internal names or ids."""

import re

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.changes import HIDDEN_FIELDS, activity_log, node_history
from faisse.history.labels import FIELD_LABELS, SOURCE_LABELS, field_label
from faisse.history.records import TRACKED
from faisse.history.tests.conftest import edit
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode, SharedPlacement
from faisse.plans.pilots import set_pilots
from faisse.plans.structure import move_under

pytestmark = pytest.mark.django_db

INTERNAL_WORDS = re.compile(
    r"\b(Node|PlanNode|SharedPlacement|CommuneLink|Challenge|Plan|Rang|Nature|parent|node|"
    r"position|is_published|follow_up\w*|internal_notes|True|False|None)\b"
)


def text_of(html: str) -> str:
    """What a person reads in the page's main content."""
    html = html.split("<main", 1)[1].split("</main>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_field_shown_has_a_french_name():
    for model in TRACKED.values():
        for model_field in model._meta.concrete_fields:
            if model_field.name in HIDDEN_FIELDS:
                continue
            label = field_label(model, model_field.name)
            named = model_field.name in FIELD_LABELS.get(model._meta.label_lower, {})
            # Named here, or at least in French by the model (its verbose_name was given).
            assert named or model_field._verbose_name is not None, (model, model_field.name)
            assert label[0].isupper() and not INTERNAL_WORDS.search(label), (model, label)
    assert field_label(PlanNode, "pilots") == "Pilotes"
    assert field_label(SharedPlacement, "node") == "Élément du projet"
    assert field_label(PlanNode, "position") == "Position parmi ses voisins"
    assert set(SOURCE_LABELS) == set(TRACKED)
    assert str(SOURCE_LABELS["node"]) == "Élément du projet"
    assert str(SOURCE_LABELS["placement"]) == "Rattachement supplémentaire"


@pytest.fixture
def busy_action(plan, action, editor):
    """An action edited, moved, shown under a second parent, linked to a commune and given
    a pilot."""
    edit(action, editor, title="Intitulé revu", is_published=False, follow_up_is_public=True)
    orientation = action.parent.parent
    second = PlanNode.objects.create(
        plan=plan, territory=plan.territory, parent=orientation, kind="objective", title="O2"
    )
    move_under(PlanNode.objects.get(pk=action.pk), second, editor)
    SharedPlacement.objects.create(
        plan=plan, territory=plan.territory, node=action, parent=orientation.children.first()
    )
    CommuneLink.objects.create(
        territory=plan.territory,
        plan=plan,
        node=action,
        commune=plan.territory.communes.first(),
        origin="manual",
    )
    pilot = make_member(plan.territory, Role.PILOT, first_name="Ana", last_name="Pilote")
    set_pilots(PlanNode.objects.get(pk=action.pk), editor, [pilot.pk])
    return PlanNode.objects.get(pk=action.pk)


def test_the_pages_show_french_names_and_readable_values(client, busy_action, editor):
    client.force_login(editor)
    slug = busy_action.territory.slug
    for url in (
        reverse("history:activity", args=[slug]),
        reverse("history:node", args=[slug, busy_action.pk]),
    ):
        text = text_of(client.get(url).content.decode())
        assert not INTERNAL_WORDS.search(text), (url, INTERNAL_WORDS.search(text))
        assert not re.search(r"#\d", text), url
        for words in (
            "Élément du projet",
            "Rattachement supplémentaire",
            "Lien avec une commune",
            "Publié",
            "Parent",
            "Objectif 1 → O2" if "historique/elements" not in url else "Objectif 1 O2",
            "Lecteurs de la note de suivi",
            "tout le monde, sur le site public",
            "Affiché aussi sous",
            "Origine du lien",
            "Ajouté à la main",
            "Ana Pilote",
            "Déplacement dans le plan",
            "Changement de pilotes",
        ):
            assert words.lower() in text.lower(), (url, words)


def test_booleans_read_oui_or_non(action, editor):
    edit(action, editor, is_published=False)
    fields = {f.label: (f.before, f.after) for f in node_history(action).changes[0].fields}
    assert fields == {"Publié": ("oui", "non")}


def test_a_parent_deleted_since_is_named_as_such(plan, action, editor):
    orientation = action.parent.parent
    gone = PlanNode.objects.create(
        plan=plan, territory=plan.territory, parent=orientation, kind="objective", title="Éphémère"
    )
    move_under(PlanNode.objects.get(pk=action.pk), gone, editor)
    move_under(PlanNode.objects.get(pk=action.pk), orientation.children.first(), editor)
    gone_pk = gone.pk
    gone.delete()
    moves = [c for c in node_history(action).changes if c.type_label == "Déplacement dans le plan"]
    values = {value for change in moves for f in change.fields for value in (f.before, f.after)}
    assert f"élément supprimé depuis (n° {gone_pk})" in values
    assert "Objectif 1" in values


def test_a_creation_does_not_list_fields_left_at_their_default(plan, editor):
    node = PlanNode(plan=plan, territory=plan.territory, kind="axis", title="Axe neuf")
    node._history_user = editor
    node.save()
    change = next(c for c in activity_log(plan.territory).changes if c.record.id == node.pk)
    assert [f.label for f in change.fields] == ["Type d’élément", "Intitulé", "Publié"]
    assert change.type_label == "Création"
