"""Builders of people and memberships for tests (real rows)."""

from itertools import count

from faisse.accounts.models import Membership, User

_serial = count(1)


def make_user(email: str = "", **fields) -> User:
    return User.objects.create_user(email or f"personne{next(_serial)}@example.org", "x", **fields)


def make_member(territory, role: str, email: str = "", **fields) -> User:
    user = make_user(email, **fields)
    Membership.objects.create(user=user, territory=territory, role=role)
    return user
