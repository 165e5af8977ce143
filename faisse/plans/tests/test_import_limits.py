"""An imported file over the limits is refused early, clearly, in little memory, and
nothing is written; what the databases cannot store never reaches them.

The probe's inputs: a 5 MB Markdown file of "- x" lines (1.3 million actions imported), a
50 MB file read whole before being refused, ~3,000 nested list levels (a traceback), a NUL
or control character after the first 8 KB (stored on SQLite, DataError on PostgreSQL), a
25-digit axis number (the same), and UTF-16 files called "binary".
"""

import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from faisse.plans.importer import PlanImportError, parse_bytes, parse_path
from faisse.plans.models import Plan, PlanNode
from faisse.territories.testing import make_territory

HEAD = "# Projet de territoire\n\n## Axe 1 : Vivre ensemble\n\n### Orientation 1.1 : Habiter\n\n"


def markdown(body: str) -> bytes:
    return (HEAD + "#### Un objectif\n\n" + body).encode()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, settings):
    settings.MAX_UPLOAD_BYTES = 1 << 20
    path = tmp_path / "enorme.md"
    with path.open("wb") as file:  # 50 MB, sparse: nothing to read anyway
        file.truncate(50 << 20)
    tracemalloc.start()
    with pytest.raises(PlanImportError, match="pèse 50,0\xa0Mio, plus que les 1,0\xa0Mio permis"):
        parse_path(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1 << 20


def test_a_million_list_items_stop_at_the_first_element_over_the_limit(settings):
    data = markdown("- x\n" * 1_300_000)  # 5.2 MB, as in the probe
    settings.MAX_UPLOAD_BYTES = 6 << 20
    tracemalloc.start()
    with pytest.raises(PlanImportError, match=r"ligne 5006 : le document décrit plus de 5\xa0000"):
        parse_bytes(data, "plan.md")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 25 << 20  # the text itself, not a million nodes


@pytest.mark.parametrize(
    "body",
    ["- x\n" * 1_300_000, "Un objectif\n\n" * 400_000, "une phrase sans fin\n" * 200_000],
    ids=["bullets", "paragraphs", "one-endless-paragraph"],
)
def test_plain_text_over_the_limits_is_refused_in_little_memory(body):
    data = ("Projet\n\nAxe 1 : Vivre ensemble\n\n" + body).encode()
    tracemalloc.start()
    with pytest.raises(PlanImportError, match="ligne"):
        parse_bytes(data, "plan.txt")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 25 << 20


def test_a_thousand_nested_list_levels_are_refused_at_the_first_too_deep():
    body = "".join("  " * level + f"- niveau {level}\n" for level in range(1000))
    with pytest.raises(PlanImportError, match=r"ligne 16 : le plan dépasse 10 niveaux"):
        parse_bytes(markdown(body), "plan.md")


def test_a_nul_after_the_first_8_kb_is_refused_with_its_line_and_column():
    data = markdown("- une action\n" * 1000 + "- une act\x00ion\n")
    with pytest.raises(PlanImportError, match="ligne 1009, colonne 10 : caractère nul"):
        parse_bytes(data, "plan.md")


def test_a_control_character_is_refused_with_its_line_and_column():
    data = markdown("- une action\n" * 1000 + "- une \x1bescape\n")
    with pytest.raises(
        PlanImportError, match=r"ligne 1009, colonne 7 : caractère de contrôle U\+001B"
    ):
        parse_bytes(data, "plan.md")


def test_page_breaks_and_word_line_breaks_are_new_lines():
    plan = parse_bytes(markdown("- première\f- deuxième\v- troisième\r\n- quatrième\r"), "plan.md")
    actions = [node.title for node in plan.walk() if node.kind == "action"]
    assert actions == ["première", "deuxième", "troisième", "quatrième"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_read(encoding):
    text = HEAD + "#### Un objectif\n\n- Créer une maison de santé à Génolhac\n"
    plan = parse_bytes(text.encode(encoding), "plan.md")
    assert [n.title for n in plan.walk()][-1] == "Créer une maison de santé à Génolhac"


def test_a_real_binary_file_is_still_called_binary():
    with pytest.raises(PlanImportError, match="fichier binaire"):
        parse_bytes(bytes(range(256)) * 40, "plan.txt")


def test_an_axis_number_too_long_for_the_database_goes_back_into_the_title():
    text = HEAD.replace("Axe 1 :", "Axe 1234567890123456789012345 :") + "#### Obj\n\n- a\n"
    plan = parse_bytes(text.encode(), "plan.md")
    axis = plan.nodes[0]
    assert axis.number == "" and axis.title.startswith("1234567890123456789012345 ")
    assert any("numéro de plus de 20 caractères" in w.message for w in plan.warnings)


def test_a_title_too_long_is_kept_whole_in_the_description_with_a_warning(settings):
    long = "Une action " + "très " * 300 + "longue"
    plan = parse_bytes(markdown(f"- {long}\n"), "plan.md")
    action = [node for node in plan.walk() if node.kind == "action"][0]
    assert len(action.title) == settings.MAX_TITLE_LENGTH and action.description == long
    assert any(w.line == 9 and "raccourci" in w.message for w in plan.warnings)


@pytest.mark.django_db
def test_over_the_limits_the_command_writes_nothing(tmp_path):
    territory = make_territory()
    path = tmp_path / "plan.md"
    path.write_bytes(markdown("- x\n" * 6000))
    with pytest.raises(CommandError, match="plus de 5\xa0000 éléments"):
        call_command("import_plan", str(path), territory=territory.slug)
    assert not Plan.objects.exists() and not PlanNode.objects.exists()


@pytest.mark.django_db
def test_a_long_number_and_title_are_stored_on_both_databases(tmp_path):
    """Stored on SQLite, a DataError on PostgreSQL before: now the same on both."""
    territory = make_territory()
    text = HEAD.replace("Axe 1 :", "Axe 1234567890123456789012345 :")
    path = tmp_path / "plan.md"
    path.write_text(text + "#### Obj\n\n- " + "mot " * 400 + "\n")
    call_command("import_plan", str(path), territory=territory.slug)
    axis = PlanNode.objects.get(kind="axis")
    assert axis.number == "" and axis.title.startswith("1234567890123456789012345")
    action = PlanNode.objects.get(kind="action")
    action.full_clean()  # the stored texts pass the model's own checks
