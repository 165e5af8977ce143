"""The interactive documentation page, served only from the Swagger UI copy inside ninja.

ninja falls back to a template loading Swagger UI from a CDN when "ninja" is not in
INSTALLED_APPS; the project forbids assets from other sites, so this page never does: it
exists only when ninja's own static files can be served (see `docs_available`).
"""

import json

from django.apps import apps
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger, _csrf_needed


def docs_available() -> bool:
    return apps.is_installed("ninja")


class LocalSwagger(Swagger):
    def __init__(self):
        # Swagger UI would otherwise load a validation badge from validator.swagger.io.
        super().__init__(settings={"validatorUrl": None})

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        if not docs_available():
            raise Http404("Documentation indisponible.")
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {
            "swagger_settings": json.dumps(settings, indent=1),
            "api": api,
            "add_csrf": _csrf_needed(api),
        }
        return render(request, self.template, context)
