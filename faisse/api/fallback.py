"""A JSON 404 for every address under the API that no endpoint answers (instead of HTML)."""

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

router = Router()


@router.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False
)
def unknown_address(request: HttpRequest, rest: str):
    raise HttpError(404, "Adresse inconnue dans l'API.")
