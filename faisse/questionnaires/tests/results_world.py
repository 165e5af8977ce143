"""A questionnaire of every kind with generated responses, for the results pages' tests."""

from faisse.questionnaires.models import Question
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.questionnaires.tests.test_results import respond, rows

Kind = Question.Kind


def every_kind(territory, plan=None, **fields):
    """Nine questions, one of each kind but the long text; options of the ranking, the
    majority judgment and the points are plan orientations when a plan is given."""
    fields.setdefault("is_open", False)
    questionnaire = make_questionnaire(territory, title="Questionnaire n°2", **fields)
    page = add_section(questionnaire, "Priorités")
    nodes = list(plan.nodes.filter(kind="orientation").order_by("pk")[:3]) if plan else []
    labels = [] if nodes else ["Eau", "Forêt", "Routes"]
    q = {
        "usage": add_question(page, "usage", Kind.SINGLE_CHOICE, options=["Oui", "Non"]),
        "lignes": add_question(
            page, "lignes", Kind.MULTIPLE_CHOICE, options=["Bus", "Train", "Vélo"]
        ),
        "ordre": add_question(page, "ordre", Kind.RANKING, options=labels, nodes=nodes),
        "notes": add_question(
            page, "notes", Kind.MAJORITY_JUDGMENT, options=labels, nodes=nodes,
            scale=["Bien", "Passable", "Rejet"],
        ),
        "budget": add_question(
            page, "budget", Kind.POINTS, options=labels, nodes=nodes, total=10
        ),
        "accord": add_question(page, "accord", Kind.LIKERT),
        "grille": add_question(
            page, "grille", Kind.MATRIX, options=["Été", "Hiver"], scale=["Bus", "Voiture"]
        ),
        "lieu": add_question(page, "lieu", Kind.COMMUNE),
        "idee": add_question(page, "idee", Kind.SHORT_TEXT),
    }  # fmt: skip
    return questionnaire, q


def answer(questionnaire, q, communes, count: int, commissions=()) -> None:
    """`count` responses, varied but deterministic."""
    labels = [option.label for option in q["ordre"].options.order_by("position")]
    for index in range(count):
        order = labels[index % 3 :] + labels[: index % 3]
        commune = communes[index % len(communes)]
        respond(
            questionnaire,
            {
                q["usage"]: "Oui" if index % 3 else "Non",
                q["lignes"]: ["Bus", "Train"] if index % 2 else ["Vélo"],
                q["ordre"]: rows(*((label, rank) for rank, label in enumerate(order, 1))),
                q["notes"]: rows(*((label, 1 + (index + i) % 3) for i, label in enumerate(labels))),
                q["budget"]: rows((labels[0], 6), (labels[1], 4), (labels[2], 0)),
                q["accord"]: (None, 1 + index % 4, None, ""),
                q["grille"]: rows(("Été", 1), ("Hiver", 2)),
                q["lieu"]: (None, None, commune, ""),
                q["idee"]: (None, None, None, f"Une idée pour l’eau de la rivière n°{index}"),
            },
            commune,
            commissions=commissions,
        )
