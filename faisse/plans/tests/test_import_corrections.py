"""An editor's corrections, applied by the importer on the Alès slides' rule set as on the
general recogniser: an element given another kind, an element made text, a merge."""

from faisse.plans.importer import Corrections, parse_document
from faisse.plans.tests.conftest import SOURCE


def ales(corrections=None):
    return parse_document(SOURCE.read_text(encoding="utf-8"), SOURCE.name, corrections)


def test_an_ales_group_made_an_objective_and_an_action_made_text():
    plan = ales()
    group = next(n for n in plan.walk() if n.kind == "group" and len(n.children) > 1)
    objective = next(n for n in plan.walk() if group in n.children)
    action = group.children[-1]
    corrected = ales(Corrections(roles={action.line: "text", group.line: "action"}))
    counts = corrected.counts()
    assert counts["action"] == plan.counts()["action"]  # one made text, the group an action
    assert counts["group"] == plan.counts()["group"] - 1
    moved = next(n for n in corrected.walk() if n.line == group.line)
    assert moved.kind == "action"
    assert any(
        n.line == group.line
        for n in next(o for o in corrected.walk() if o.line == objective.line).children
    )
    assert all(n.line != action.line for n in corrected.walk())


def test_a_kind_that_cannot_stand_there_is_refused_with_a_warning():
    plan = ales()
    axis = plan.nodes[0]
    corrected = ales(Corrections(roles={axis.line: "action"}))
    assert corrected.nodes[0].kind == "axis"
    assert any("ne peut pas devenir" in w.message for w in corrected.warnings)


def test_general_recogniser_roles_merge_and_split():
    text = (
        "Projet\n\nEnjeu 1 – Habiter\nObjectif 1.1 – Rénover\n• Une plateforme\n"
        "• Des permanences\nObjectif 1.2 – Construire\n• Un référentiel\n"
    )
    corrected = parse_document(
        text,
        "projet.txt",
        Corrections(roles={7: "text"}, merges={6}, splits={3: 3}, names={"action": ["Mesure"]}),
    )
    assert [n.title for n in corrected.nodes] == ["Hab", "iter"]  # split at its 3rd letter
    axis = corrected.nodes[1]  # the second part keeps what followed the line
    assert [(n.kind, n.title) for n in axis.children] == [("objective", "Rénover")]
    actions = axis.children[0].children
    assert [(n.title, n.level_name) for n in actions] == [
        ("Une plateforme Des permanences", "Mesure"),
        ("Un référentiel", "Mesure"),
    ]
    assert actions[0].description == "Objectif 1.2 – Construire"
