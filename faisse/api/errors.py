"""How the API says no: JSON in French, with the status its OpenAPI description gives.

ninja's defaults answer in English, return `detail` as a list for invalid input (the
description says a string) and let Django answer an oversized body with an HTML page.
Every error of the API has the shape `ErrorOut` ({"detail": "…"}), and invalid input
`ValidationErrorOut`, which also names each field.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

# pydantic's error types, as a French reader of the API should read them.
MESSAGES = {
    "missing": "obligatoire",
    "extra_forbidden": "champ inconnu",
    "string_type": "doit être un texte",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "bool_type": "doit valoir true ou false",
    "model_type": "doit être un objet JSON",
    "model_attributes_type": "doit être un objet JSON",
    "dict_type": "doit être un objet JSON",
    "string_too_long": "trop long : %(max_length)s caractères au plus",
    "string_too_short": "ne peut pas être vide",
    "string_pattern_mismatch": "contient un caractère interdit ou est vide",
    "greater_than_equal": "doit valoir au moins %(ge)s",
    "less_than_equal": "doit valoir au plus %(le)s",
    "literal_error": "valeur inconnue",
}
# Where the value was read; "body" is the request's JSON, named by its fields alone.
PLACES = {"path": "adresse", "query": "paramètre", "header": "en-tête"}


def field_errors(errors: list[dict]) -> list[dict]:
    """[{"field": "title", "message": "doit être un texte"}, …] from ninja's errors."""
    result = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        place = PLACES.get(location[0]) if location else None
        # ninja puts the body under the parameter's name: ["body", "data", "title"].
        names = location[2:] if location[:1] == ["body"] else location[1:]
        field = ".".join(names) or (place or _("corps de la requête"))
        template = MESSAGES.get(error.get("type", ""), "valeur invalide")
        if error.get("null") and error.get("type") != "missing":
            template = "ne peut pas valoir null (omettez le champ pour garder sa valeur)"
        try:
            message = _(template) % (error.get("ctx") or {})
        except (KeyError, TypeError, ValueError):
            message = _(template)
        named = f"{place} {field}" if place and names else field
        result.append({"field": named, "message": message})
    return result


class FaisseAPI(NinjaAPI):
    """ninja's API, keeping of each invalid value only whether it was null (ninja drops
    the values, which may be large or personal) so that the message can say so."""

    def validation_error_from_error_contexts(self, error_contexts) -> ValidationError:
        nulls = [
            [error.get("input") is None for error in context.pydantic_validation_error.errors()]
            for context in error_contexts
        ]
        result = super().validation_error_from_error_contexts(error_contexts)
        flags = [flag for context_flags in nulls for flag in context_flags]
        for error, null in zip(result.errors, flags, strict=False):
            error["null"] = null
        return result


class InvalidInput(Exception):
    """Input that the API's schema accepts but a rule of the domain refuses (a title made
    blank, a text with a forbidden character): a 422 shaped like ninja's own."""

    def __init__(self, detail: str, errors: list[dict]):
        super().__init__(detail)
        self.detail, self.errors = detail, errors


def install(api: NinjaAPI) -> None:
    @api.exception_handler(InvalidInput)
    def refused_input(request: HttpRequest, error: InvalidInput):
        body = {"detail": error.detail, "errors": error.errors}
        return api.create_response(request, body, status=422)

    @api.exception_handler(ValidationError)
    def invalid_input(request: HttpRequest, error: ValidationError):
        errors = field_errors(error.errors)
        detail = _("Requête invalide : %s.") % " ; ".join(
            f"{item['field']} : {item['message']}" for item in errors
        )
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError):
        detail = _("Cette opération demande un jeton : en-tête « Authorization: Bearer <jeton> ».")
        return api.create_response(request, {"detail": detail}, status=401)

    @api.exception_handler(HttpError)
    def refused(request: HttpRequest, error: HttpError):
        detail = str(error)
        if error.status_code == 400 and detail.startswith("Cannot parse request body"):
            detail = _("Corps de la requête illisible : JSON attendu.")  # ninja's words
        return api.create_response(request, {"detail": detail}, status=error.status_code)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404):
        return api.create_response(request, {"detail": _("Introuvable.")}, status=404)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, error: RequestDataTooBig):
        detail = _("Requête trop volumineuse : %(max)s au plus.") % {
            "max": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        }
        return api.create_response(request, {"detail": detail}, status=413)
