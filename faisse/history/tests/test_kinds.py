"""Kinds of change: each operation of the site is shown, and filtered, as what it is."""

import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.changes import activity_log, restore
from faisse.history.kinds import KINDS, kind_of, kind_q
from faisse.history.records import TRACKED
from faisse.history.scopes import in_territory
from faisse.history.tests.conftest import edit
from faisse.locations.detection import apply_detection, detect
from faisse.plans.importer import parse_document
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.merging import merge
from faisse.plans.models import PlanNode
from faisse.plans.pilots import set_pilots
from faisse.plans.structure import move_among_siblings, move_under
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

OUTLINE = """# Projet importé

## Axe 1 : Vivre ensemble

### Orientation 1.1 : Se loger

#### Rénover le parc ancien

- Ouvrir un guichet de la rénovation à Commune 1
"""


@pytest.fixture
def plan(db):
    """Two objectives of three actions: room to move and to merge."""
    return make_plan(make_territory("Agglo des Faïsses"), axes=1, orientations=1, objectives=2)


def every_operation(plan, editor):
    """One change of each kind, through the functions the site and the commands use."""
    actions = list(plan.nodes.filter(kind="action").order_by("pk"))
    first, second, third = actions[:3]
    edit(first, editor, title="Modifiée")  # the first version known, then a modification
    first = PlanNode.objects.get(pk=first.pk)
    baseline = PlanNode.history.filter(id=first.pk).order_by("history_id").first()
    restore(first, baseline.history_id, editor)
    move_among_siblings(PlanNode.objects.get(pk=second.pk), -1)
    other_objective = plan.nodes.filter(kind="objective").exclude(pk=third.parent_id).first()
    move_under(PlanNode.objects.get(pk=third.pk), other_objective, editor)
    pilot = make_member(plan.territory, Role.PILOT)
    set_pilots(PlanNode.objects.get(pk=second.pk), editor, [pilot.pk])
    same = PlanNode.objects.get(pk=actions[4].pk)
    edit(same, editor, title=PlanNode.objects.get(pk=actions[3].pk).title)
    merge(PlanNode.objects.get(pk=actions[3].pk), PlanNode.objects.get(pk=same.pk), editor)
    node = PlanNode(plan=plan, territory=plan.territory, kind="axis", title="Axe créé")
    node._history_user = editor
    node.save()
    node._history_user = editor
    node.delete()
    save_plan(parse_document(OUTLINE, "plan.md"), plan.territory, PlanDetails())
    imported = PlanNode.objects.get(plan__title="Projet importé", kind="action")
    apply_detection(detect(imported.plan))


def records(territory):
    return [
        record
        for source, model in TRACKED.items()
        for record in model.history.filter(in_territory(source, territory.pk))
    ]


def test_every_operation_is_shown_as_its_kind(plan, editor):
    every_operation(plan, editor)
    shown = {kind_of(record).key for record in records(plan.territory)}
    assert shown == {kind.key for kind in KINDS}


def test_the_filter_of_each_kind_finds_exactly_the_changes_shown_as_that_kind(plan, editor):
    every_operation(plan, editor)
    everything = records(plan.territory)
    for kind in KINDS:
        shown = {(type(r), r.history_id) for r in everything if kind_of(r).key == kind.key}
        found = {
            (model.history.model, history_id)
            for source, model in TRACKED.items()
            for history_id in model.history.filter(in_territory(source, plan.territory_id))
            .filter(kind_q(kind.key))
            .values_list("history_id", flat=True)
        }
        assert shown and found == shown, kind.key


def test_the_labels_and_details_are_in_french(plan, editor):
    every_operation(plan, editor)
    changes = activity_log(plan.territory, per_page=500).changes
    labels = {change.type_label for change in changes}
    assert {
        "Création",
        "Modification",
        "Suppression",
        "Restauration d’une version",
        "Fusion d’actions similaires",
        "Import d’un document",
        "Déplacement dans le plan",
        "Changement de pilotes",
        "Détection des communes",
        "Première version connue",
    } == labels
    details = {change.detail for change in changes}
    # A reason that says more than the kind is kept; one that repeats it is not.
    assert any(d.startswith("Restauration de la version du ") for d in details)
    assert any(d.startswith("Fusion avec « ") for d in details)
    assert "Import de « plan.md »" in details or any(d.startswith("Import de") for d in details)
    assert not {"Modification dans le site", "Pilotes modifiés", "Déplacé"} & details


def test_a_change_without_reason_is_a_creation_a_modification_or_a_suppression(plan):
    territory = make_territory()
    node = PlanNode.objects.create(plan=plan, territory=territory, kind="axis", title="Sans")
    node.title = "Sans raison"
    node.save()
    pk = node.pk
    node.delete()
    kinds = [kind_of(r).key for r in PlanNode.history.filter(id=pk).order_by("history_id")]
    assert kinds == ["creation", "modification", "suppression"]
