"""faisse api_token create: a token for scripts, under the rules of the tokens page."""

import pytest
from django.core.management import CommandError, call_command

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member, make_user
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def create(**options) -> str:
    args = ["create"] + [
        f"--{key}={value}" if value is not True else f"--{key}" for key, value in options.items()
    ]
    from io import StringIO

    out = StringIO()
    call_command("api_token", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_prints_a_working_token_of_the_asked_scope():
    territory = make_territory()
    editor = make_member(territory, Role.EDITOR, "ed@example.org")
    secret = create(email="ED@example.org", territory=territory.slug, write=True)
    token = ApiToken.find(secret)
    assert token.user == editor and token.territory == territory
    assert token.scope == ApiToken.Scope.READ_WRITE
    assert ApiToken.find(create(email="ed@example.org", territory=territory.slug)).scope == "read"


def test_refuses_like_the_page():
    territory, other = make_territory(), make_territory()
    make_member(territory, Role.PARTNER, "p@example.org")
    make_user("nobody@example.org")
    with pytest.raises(CommandError, match="rôle"):
        create(email="p@example.org", territory=other.slug)
    with pytest.raises(CommandError, match="rôle"):
        create(email="nobody@example.org", territory=territory.slug)
    with pytest.raises(CommandError, match="aucun compte"):
        create(email="inconnu@example.org", territory=territory.slug)
    with pytest.raises(CommandError, match="territoire inconnu"):
        create(email="p@example.org", territory="nulle-part")
    with pytest.raises(CommandError, match="Caractère nul"):
        create(email="p@example.org", territory=territory.slug, name="a\x00b")
    assert not ApiToken.objects.exists()
