"""faisse api_token create: a token for scripts, under the rules of the tokens page."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member, make_user
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def create(**options) -> str:
    args = ["create"] + [
        f"--{key}={value}" if value is not True else f"--{key}" for key, value in options.items()
    ]
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


def test_a_token_lasts_90_days_unless_told_otherwise():
    territory = make_territory()
    make_member(territory, Role.EDITOR, "ed@example.org")
    before = timezone.now()
    default = ApiToken.find(create(email="ed@example.org", territory=territory.slug))
    assert before + timedelta(days=90) <= default.expires_at <= timezone.now() + timedelta(90)
    short = ApiToken.find(create(email="ed@example.org", territory=territory.slug, days=7))
    assert short.expires_at <= timezone.now() + timedelta(days=7)
    assert short.expires_at > timezone.now() + timedelta(days=6)


@pytest.mark.parametrize("days", [0, 366, -5])
def test_a_lifetime_over_a_year_or_under_a_day_is_refused(days):
    territory = make_territory()
    make_member(territory, Role.EDITOR, "ed@example.org")
    with pytest.raises(CommandError, match="de 1 à 365 jours"):
        create(email="ed@example.org", territory=territory.slug, days=days)
    assert not ApiToken.objects.exists()


def test_the_expiry_is_said_on_standard_error():
    territory = make_territory()
    make_member(territory, Role.EDITOR, "ed@example.org")
    err = StringIO()
    call_command(
        "api_token",
        "create",
        "--email=ed@example.org",
        f"--territory={territory.slug}",
        "--days=30",
        stdout=StringIO(),
        stderr=err,
    )
    expiry = ApiToken.objects.get().expiry_text()
    assert f"valable jusqu’au {expiry}" in err.getvalue()
