"""The status moves of an action, written once in statuses.TRANSITIONS."""

import pytest

from faisse.actions.statuses import CHOICES, TransitionError, allowed_after, check_transition

ALL = [value for value, _label in CHOICES]
# The table of docs/plan-life-design.md §2.2, as a reader would write it down.
EXPECTED = {
    "": set(ALL),
    "planned": {"in_progress", "done", "paused", "blocked", "late", "to_discuss", "abandoned"},
    "in_progress": {"done", "paused", "blocked", "late", "to_discuss", "abandoned"},
    "late": {"in_progress", "done", "paused", "blocked", "to_discuss", "abandoned"},
    "paused": {"in_progress", "blocked", "to_discuss", "abandoned"},
    "blocked": {"in_progress", "paused", "to_discuss", "abandoned"},
    "to_discuss": {"planned", "in_progress", "paused", "abandoned"},
    "done": {"in_progress"},
    "abandoned": {"to_discuss"},
}


@pytest.mark.parametrize("old", list(EXPECTED))
@pytest.mark.parametrize("new", ALL)
def test_every_move_of_the_table(old, new):
    if new in EXPECTED[old] or new == old:
        check_transition(old, new)
    else:
        with pytest.raises(TransitionError):
            check_transition(old, new)


def test_a_refusal_names_the_statuses_allowed_in_french():
    with pytest.raises(TransitionError) as refused:
        check_transition("done", "planned")
    assert str(refused.value) == (
        "Une action « Réalisé » ne peut pas passer à « À venir ». Après « Réalisé » : En cours."
    )


def test_an_editor_may_correct_any_status():
    check_transition("done", "planned", correcting=True)


def test_an_unknown_status_is_refused_with_the_list():
    with pytest.raises(TransitionError, match="Statut inconnu : « fini »"):
        check_transition("in_progress", "fini")


def test_the_same_status_comes_first_among_the_choices():
    assert allowed_after("paused") == [
        "paused",
        "in_progress",
        "abandoned",
        "blocked",
        "to_discuss",
    ]
