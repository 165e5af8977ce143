"""Page furniture (headers, footers, page numbers left by a PDF-to-text conversion) is
skipped without cutting sentences, and told as warnings; the clean source loses nothing."""

import pytest

from faisse.plans.importer import parse_document
from faisse.plans.importer.furniture import find_furniture
from faisse.plans.importer.limits import iter_lines
from faisse.plans.tests.conftest import SOURCE

CLEAN = SOURCE.read_text(encoding="utf-8")


def tree(plan) -> list[tuple]:
    return [(node.kind, node.number, node.title) for node in plan.walk()]


def with_furniture(text: str, every: int, page_lines) -> str:
    """`page_lines(page)` inserted after every `every` lines, as a converted PDF does."""
    lines, page = [], 1
    for number, line in enumerate(text.split("\n"), start=1):
        lines.append(line)
        if number % every == 0:
            page += 1
            lines.extend(page_lines(page))
    return "\n".join(lines)


def test_the_clean_source_has_no_furniture():
    assert find_furniture(iter_lines(CLEAN)).lines == frozenset()
    assert not [w for w in parse_document(CLEAN, "a.txt").warnings if "revient" in w.message]


@pytest.mark.parametrize(
    "page_lines",
    [
        # header, footer and number, glued to the text (no blank line)
        lambda page: [
            "Projet de territoire — Alès Agglomération",
            "Conseil communautaire du 28 juin 2018",
            str(page),
        ],
        # the footer carries the page number; blank lines and a form feed around
        lambda page: ["", f"Conseil communautaire du 28 juin 2018 {page}", "\f", ""],
        # « - 3 - » and « Page 3 sur 15 »
        lambda page: [f"- {page} -", "Alès Agglomération · projet de territoire"],
        lambda page: [f"Page {page} sur 15"],
    ],
)
def test_the_source_with_furniture_every_40_lines_gives_the_same_plan(page_lines):
    clean = parse_document(CLEAN, "a.txt")
    dirty = parse_document(with_furniture(CLEAN, 40, page_lines), "a.txt")
    assert tree(dirty) == tree(clean)
    kinds = [kind for kind, _number, _title in tree(dirty)]
    assert [kinds.count(k) for k in ("axis", "orientation", "objective", "group", "action")] == [
        3,
        8,
        29,
        6,
        117,
    ]
    told = [str(warning) for warning in dirty.warnings]
    assert any("ignoré" in message for message in told), told


def test_the_warnings_name_the_first_line_and_the_count():
    text = with_furniture(
        CLEAN, 40, lambda page: ["Conseil communautaire du 28 juin 2018", str(page)]
    )
    told = [str(w) for w in parse_document(text, "a.txt").warnings]
    assert "ligne 41 : « Conseil communautaire du 28 juin 2018 » revient 14 fois" in told[0]
    assert told[1] == "ligne 42 : 14 numéros de page ignorés (lignes faites d’un seul nombre)."


def test_a_line_repeated_in_a_list_is_not_furniture():
    # Close repeats (a list, not pages), headings and single words stay.
    lines = ["Axe 1 : Mobilités", "Orientation 1.1 : Bus"]
    lines += ["Pilote : la communauté", "Étude préalable"] * 4
    lines += ["Orientations"] * 3
    assert find_furniture(lines).lines == frozenset()
