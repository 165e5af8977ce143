"""The values of TeT's cells: each parser, in every form met in TeT's files, and the
written forms read back the same."""

import datetime
from decimal import Decimal

import pytest

from faisse.actions.spreadsheets.tet_lines import (
    document_line,
    funding_line,
    milestone_line,
    parse_documents,
    parse_milestones,
    split_funding_lines,
)
from faisse.actions.spreadsheets.tet_model import TetDocument, TetFunding, TetMilestone
from faisse.actions.spreadsheets.tet_values import (
    ValueProblem,
    block_text,
    fold_label,
    format_amount,
    join_list,
    parse_amount,
    parse_bool,
    parse_choice,
    parse_date,
    split_list,
    split_number,
    strip_number,
)

D = datetime.date


def test_labels_fold_accents_case_punctuation_and_stray_spaces():
    assert fold_label("Élu·e référent·e ") == "elu e referent e"
    assert fold_label(" Sous-sous axe (x.x.x)") == "sous sous axe x x x"
    assert fold_label("Titre de l’action") == fold_label("Titre de l'action") == "titre de l action"
    assert fold_label("Montant € HT") == "montant ht"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2022, 11, 16), D(2022, 11, 16)),  # an xlsx date cell
        (D(2024, 3, 9), D(2024, 3, 9)),  # an ODS date cell
        (44881, D(2022, 11, 16)),  # the ODS example's serial number
        (44881.0, D(2022, 11, 16)),
        ("31/12/2025", D(2025, 12, 31)),  # JJ/MM/AAAA
        ("1/2/25", D(2025, 2, 1)),  # J/M/AA, day first
        ("01.02.2025", D(2025, 2, 1)),
        ("2025-12-31", D(2025, 12, 31)),  # ISO
        ("2025-12-31T00:00:00", D(2025, 12, 31)),
        ("5/6/98", D(1998, 6, 5)),  # a two-digit year past 49 is 19xx
        ("", None),
        (None, None),
    ],
)
def test_dates_in_every_form(value, expected):
    notes = []
    assert parse_date(value, notes) == expected
    assert notes == []


def test_a_middle_part_over_12_is_a_us_date_as_tet_reads_it_and_is_told():
    notes = []
    assert parse_date("12/14/20", notes) == D(2020, 12, 14)
    assert notes == ["« 12/14/20 » lu comme une date américaine (MM/JJ/AA) : le 14/12/2020."]


def test_a_boolean_in_a_date_column_is_no_date_and_is_told():
    notes = []
    assert parse_date(True, notes) is None
    assert notes == ["un booléen (VRAI) là où une date est attendue : ignoré."]


@pytest.mark.parametrize("value", ["31/02/2024", "13/13/2024", "demain", "2024", -3, 10**8])
def test_not_a_date_is_refused_with_the_expected_form(value):
    with pytest.raises(ValueProblem) as refused:
        parse_date(value, [])
    assert str(refused.value).endswith("n’est pas une date (JJ/MM/AAAA).")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (124566, Decimal(124566)),
        (50000.0, Decimal(50000)),  # ODS floats
        (1500.5, Decimal("1500.5")),
        ("124566", Decimal(124566)),
        ("124 566", Decimal(124566)),
        ("124\u202f566,50 €", Decimal("124566.50")),
        ("124 566,50 € HT", Decimal("124566.5")),
        ("12 000 € TTC", Decimal(12000)),
        ("1.234.567", Decimal(1234567)),
        ("1,234,567.25", Decimal("1234567.25")),
        ("1.234,5", Decimal("1234.5")),
        ("0,333", Decimal("0.33")),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_amounts(value, expected):
    assert parse_amount(value) == expected


@pytest.mark.parametrize("value", ["beaucoup", "12 k€", "-500", "€", True, "1e6", 10**13])
def test_not_an_amount_is_refused(value):
    with pytest.raises(ValueProblem, match="n’est pas un montant"):
        parse_amount(value)


def test_amounts_are_written_in_french_and_read_back():
    assert format_amount(Decimal("1500.50")) == "1 500,50 €"
    assert format_amount(Decimal(124566)) == "124 566 €"
    assert parse_amount(format_amount(Decimal("1234567.05"))) == Decimal("1234567.05")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("VRAI", True),
        ("FAUX", False),
        ("TRUE", True),  # nouveau AC4
        ("false", False),
        ("Oui", True),
        ("non", False),
        ("1", True),
        (0, False),
        (True, True),  # an ODS boolean
        ("", False),
        (None, False),
    ],
)
def test_booleans(value, expected):
    assert parse_bool(value) is expected


def test_not_a_boolean_is_refused():
    with pytest.raises(ValueProblem, match="« peut-être » n’est ni VRAI ni FAUX"):
        parse_bool("peut-être")


@pytest.mark.parametrize(
    ("value", "field", "expected"),
    [
        ("Bloqué ", "status", "blocked"),  # trailing space, as in TeT's list
        ("Abandonné ", "status", "abandoned"),
        ("A VENIR", "status", "planned"),
        ("en cours", "status", "in_progress"),
        ("Terminé", "status", "done"),
        ("À discuter", "status", "to_discuss"),
        ("En retard", "status", "late"),
        ("En pause", "status", "paused"),
        ("Élevé", "priority", "high"),
        ("Haut", "priority", "high"),
        ("Faible", "priority", "low"),
        ("moyen", "priority", "medium"),
        ("Pas de participation citoyenne", "participation", "none"),
        ("Co-construction", "participation", "co_construction"),
        ("Consultation", "participation", "consultation"),
        ("", "status", ""),
    ],
)
def test_choices_folded_with_synonyms(value, field, expected):
    assert parse_choice(value, field) == expected


def test_an_unknown_status_lists_the_allowed_ones_in_french():
    with pytest.raises(ValueProblem) as refused:
        parse_choice("Fini", "status")
    assert str(refused.value) == (
        "« Fini » n’est pas un statut connu : À venir, En cours, Réalisé, En pause, "
        "Abandonné, Bloqué, En retard ou À discuter."
    )


def test_an_unknown_priority_is_refused_too():
    with pytest.raises(ValueProblem, match="n’est pas un niveau de priorité connu : Élevé, Moyen"):
        parse_choice("Urgent", "priority")


def test_lists_split_on_commas_outside_parentheses_and_quotes_as_tet_does():
    assert split_list("Marie PAUL, Pierre GWEN") == ["Marie PAUL", "Pierre GWEN"]
    assert split_list("Métropole, « Agence, Sud », SMD (Gard, Hérault)") == [
        "Métropole",
        "Agence, Sud",
        "SMD (Gard, Hérault)",
    ]
    assert split_list('"Ville, Alès", Région ,, ') == ["Ville, Alès", "Région"]
    assert split_list("Grand public ") == ["Grand public"]
    assert split_list(None) == []


def test_names_with_commas_or_quotes_are_written_in_guillemets_and_read_back():
    names = ["Région", "Ville, Alès", 'Le "Club"', "Service (voirie", "« Vélo » et plus"]
    written = join_list(names)
    assert written.startswith('Région, « Ville, Alès », « Le "Club" »')
    assert split_list(written) == names


def test_level_numbers_split_in_every_spelling():
    assert split_number("4.2. Déployer des plans") == ("4.2", "Déployer des plans")
    assert split_number("4.2 : Déployer des plans") == ("4.2", "Déployer des plans")
    assert split_number("1 - Habiter") == ("1", "Habiter")
    assert split_number("1) Habiter") == ("1", "Habiter")
    assert split_number("Axe 1") == ("", "Axe 1")
    assert split_number("1er janvier") == ("", "1er janvier")
    assert split_number("Action 1 - Assurer", action=True) == ("1", "Assurer")
    assert split_number("Action 1", action=True) == ("", "Action 1")
    assert strip_number("1.2. Titre", "1.2") == "Titre"
    assert strip_number("2040 : neutralité", "") == "2040 : neutralité"


def test_milestones_one_per_line_with_state_and_optional_date():
    notes = []
    text = (
        "Étude : réalisé\n Travaux (phase 2) : non réalisé (15/09/2026)\n\n"
        "Inauguration : réalisé \nBilan"
    )
    assert parse_milestones(text, notes) == [
        TetMilestone("Étude", True, None),
        TetMilestone("Travaux (phase 2)", False, D(2026, 9, 15)),
        TetMilestone("Inauguration", True, None),  # TeT's export: a trailing space
        TetMilestone("Bilan", False, None),
    ]
    milestone = TetMilestone("Phase 1 : études", False, D(2025, 1, 31))
    assert milestone_line(milestone) == "Phase 1 : études : non réalisé (31/01/2025)"
    assert parse_milestones(milestone_line(milestone), notes) == [milestone]


def test_a_milestone_with_a_bad_date_is_refused():
    with pytest.raises(ValueProblem, match="« 31/02/2024 » n’est pas une date"):
        parse_milestones("Étude : réalisé (31/02/2024)", [])


def test_documents_titled_bare_url_or_bare_title():
    text = "Délibération — https://ex.fr/d.pdf\nwww.test.com\nSuivi 2023 - rendez-vous annuel"
    assert parse_documents(text) == [
        TetDocument("Délibération", "https://ex.fr/d.pdf"),
        TetDocument("", "https://www.test.com"),
        TetDocument("Suivi 2023 - rendez-vous annuel", ""),
    ]
    for document in parse_documents(text):
        assert parse_documents(document_line(document)) == [document]


def test_fundings_past_the_third_are_lines_of_the_financements_text_read_back():
    fundings = [
        TetFunding(4, ["Banque des Territoires", "Ville, Alès"], Decimal("1500.5")),
        TetFunding(5, [], Decimal(300)),
        TetFunding(6, ["FEDER"], None),
    ]
    text = "\n".join(["- Région\n- État", *(funding_line(f) for f in fundings)])
    assert funding_line(fundings[0]) == (
        "Financeur 4 : Banque des Territoires, « Ville, Alès » — 1 500,50 €"
    )
    assert split_funding_lines(text) == ("- Région\n- État", fundings)
    assert split_funding_lines("- Métropole\n- DREAL") == ("- Métropole\n- DREAL", [])


def test_texts_keep_their_lines_without_trailing_spaces():
    assert block_text("- La collectivité\r\n- ATMO, \n\n- Région  \n") == (
        "- La collectivité\n- ATMO,\n\n- Région"
    )
