"""The descriptions of the roles are made from the abilities layer (GRANTS): they say what
the rules say, and change with them."""

import pytest

from faisse.accounts.abilities import (
    ABILITIES,
    ABILITY_PHRASES,
    FOLLOW_UP_OF_OWN_ACTIONS,
    GRANTS,
    role_abilities,
    role_description,
)
from faisse.accounts.models import Role


@pytest.mark.parametrize("role", Role.values)
def test_a_role_is_described_by_the_abilities_it_is_granted(role):
    phrases = role_abilities(role)
    for ability in ABILITIES:
        if ability == "follow_up" and "edit_plan" not in GRANTS[role]:
            assert str(ABILITY_PHRASES[ability]) not in phrases
            assert (str(FOLLOW_UP_OF_OWN_ACTIONS) in phrases) == (ability in GRANTS[role])
        else:
            assert (str(ABILITY_PHRASES[ability]) in phrases) == (ability in GRANTS[role])
    assert role_description(role) == "Peut " + " ; ".join(phrases) + "."


def test_what_each_role_may_do_in_plain_french():
    assert "inviter des personnes" in role_description(Role.ADMIN)
    assert "inviter" not in role_description(Role.EDITOR)
    assert "modifier le projet" in role_description(Role.EDITOR)
    pilot = role_description(Role.PILOT)
    assert "suivi des actions dont on est pilote" in pilot and "modifier" not in pilot
    elected = role_description(Role.ELECTED)
    assert "brouillon" in elected and "représenter sa commune" in elected
    partner = role_description(Role.PARTNER)
    assert "brouillon" not in partner and "donner son avis" in partner
