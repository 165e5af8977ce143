"""The structure recogniser on random documents made of plan-like lines: whatever the
mix of level words, numbers, bullets, headings, blank lines and page furniture, it gives
a plan or a PlanImportError, never anything else, and every element it makes has a kind
that may hang where it stands."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faisse.plans.importer import PlanImportError, parse_document, parse_upload
from faisse.plans.importer.limits import counting_nodes
from faisse.plans.structure import CHILD_KINDS
from faisse.plans.tests.documents import Heading, Item, Para, to_docx

WORDS = ["Axe", "Enjeu", "Orientation", "Objectif", "Objectif prioritaire", "Priorité",
         "Fiche action n°", "Action", "Défis", "Ambition", "Sommaire", "OS", ""]  # fmt: skip
NUMBERS = ["1", "1.2", "1.2.3", "II", "A", "a)", "3)", "", "2030", "1..2", "n°"]
SEPARATORS = [" : ", " – ", ". ", " ", "", " - ", ") "]
TITLES = ["Habiter", "vivre ensemble", "", "Créer une maison de santé", "p. 12", "..... 4",
          "Axe 2 : Relier", "Page 3 sur 9", "É", "•", "(suite)"]  # fmt: skip
BULLETS = ["", "• ", "- ", "o ", "  • ", "    - ", "* "]

line = st.builds(
    lambda bullet, word, number, separator, title: f"{bullet}{word} {number}{separator}{title}",
    st.sampled_from(BULLETS),
    st.sampled_from(WORDS),
    st.sampled_from(NUMBERS),
    st.sampled_from(SEPARATORS),
    st.sampled_from(TITLES),
) | st.sampled_from(["", "", "# Projet", "## Axe 1 : Vivre", "### Un objectif", "12"])


def check(plan) -> None:
    for parent in [None, *plan.walk()]:
        children = plan.nodes if parent is None else parent.children
        allowed = CHILD_KINDS[parent.kind if parent else None]
        assert all(child.kind in allowed for child in children)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(line, max_size=40), markdown=st.booleans())
def test_random_text_gives_a_plan_or_a_refusal(lines, markdown):
    text = "\n".join(lines)
    try:
        with counting_nodes():
            plan = parse_document(text, "plan.md" if markdown else "plan.txt")
    except PlanImportError:
        return
    check(plan)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    elements=st.lists(
        st.one_of(
            st.builds(Heading, st.integers(1, 4), line),
            st.builds(Item, line, st.integers(0, 3)),
            st.builds(Para, line),
        ),
        max_size=25,
    )
)
def test_random_docx_gives_a_plan_or_a_refusal(elements):
    elements = [e for e in elements if getattr(e, "text", "x").strip()]
    try:
        plan = parse_upload(to_docx(elements), "plan.docx")
    except PlanImportError:
        return
    check(plan)
