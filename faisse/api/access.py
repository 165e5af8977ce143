"""The single place where the API decides who is asking and what they may do.

A request is anonymous, carries a personal token (`Authorization: Bearer faisse_…`), or
comes from a signed-in browser session. A revoked, unknown or expired token gets 401 (an
expired one is told so, with its date). Abilities come from `faisse.accounts.abilities`,
like the pages; a token counts only in its own territory, a read token never writes, and
writing needs a token (a session never writes through the API, so no CSRF exposure).
"""

from dataclasses import dataclass

from django.core.validators import slug_re
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja.errors import HttpError
from ninja.security import HttpBearer

from faisse.accounts.abilities import territory_abilities
from faisse.accounts.models import ApiToken
from faisse.territories.models import Territory

WRITE_ABILITIES = ("edit_plan", "follow_up", "comment", "manage_members")


@dataclass
class ApiAccess:
    user: object
    token: ApiToken | None


def access_of(request: HttpRequest) -> ApiAccess:
    cached = getattr(request, "_faisse_api_access", None)
    if cached is not None:
        return cached
    header = request.headers.get("Authorization", "")
    access = ApiAccess(user=request.user, token=None)
    if header:
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise HttpError(401, "En-tête Authorization attendu : « Bearer <jeton> ».")
        token = ApiToken.identify(secret.strip())
        if token is None:
            raise HttpError(401, "Jeton inconnu ou révoqué.")
        if token.has_expired:
            raise HttpError(
                401,
                gettext(
                    "Ce jeton a expiré le %(date)s : créez-en un autre sur la page « Mes jetons "
                    "d’API » du site (/compte/jetons/)."
                )
                % {"date": token.expiry_text()},
            )
        token.record_use()
        access = ApiAccess(user=token.user, token=token)
    request._faisse_api_access = access
    return access


class WriteToken(HttpBearer):
    """The authentication of writing operations, checked before their body is read: a
    request without a valid token gets 401 whatever it sends (an invalid body included).
    Declared in the OpenAPI description as the bearer scheme."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiAccess:
        access = access_of(request)
        if access.token is None:  # pragma: no cover - HttpBearer passed a token
            raise HttpError(401, "Jeton inconnu ou révoqué.")
        return access


def visible_territories(request: HttpRequest):
    """The territories the request may see: all of them (their published plan is public)."""
    access_of(request)
    return Territory.objects.all()


def get_territory(request: HttpRequest, slug: str) -> Territory:
    # A value that cannot be a slug (a NUL byte, which PostgreSQL refuses in a query) is
    # answered without asking the database.
    territory = None
    if slug_re.fullmatch(slug):
        territory = visible_territories(request).filter(slug=slug).first()
    if territory is None:
        shown = slug if slug.isprintable() else repr(slug)
        raise HttpError(404, f"Territoire inconnu : « {shown} ».")
    return territory


def api_abilities(request: HttpRequest, territory: Territory) -> dict[str, bool]:
    access = access_of(request)
    if access.token is not None and access.token.territory_id != territory.pk:
        raise HttpError(
            403, f"Ce jeton ne vaut que pour le territoire « {access.token.territory} »."
        )
    abilities = territory_abilities(access.user, territory)
    if access.token is None or access.token.scope == ApiToken.Scope.READ:
        abilities.update(dict.fromkeys(WRITE_ABILITIES, False))
    return abilities
