"""The OpenAPI description, the docs page, and the rule: no asset from another site."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from faisse.api.docs import LocalSwagger, docs_available
from faisse.api.urls import api
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

# An asset (script, style, image, font, frame) loaded from another site.
EXTERNAL_ASSET = re.compile(
    r"""(?:\b(?:src|href|srcset|action|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import\s+["']?(?:https?:)?//)""",
    re.IGNORECASE,
)


PATHS = {
    "/api/v1/territories",
    "/api/v1/territories/{slug}/plan",
    "/api/v1/territories/{slug}/communes",
    "/api/v1/territories/{slug}/communes/{insee}/actions",
    "/api/v1/territories/{slug}/nodes/{pk}",
    "/api/v1/territories/{slug}/actions",
    "/api/v1/territories/{slug}/actions/{pk}",
    "/api/v1/territories/{slug}/indicators",
    "/api/v1/territories/{slug}/indicators/{pk}/values",
    "/api/v1/territories/{slug}/meetings",
    "/api/v1/territories/{slug}/questionnaires",
    "/api/v1/questionnaires/{pk}/results",
}


def test_openapi_description(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["info"]["title"] == "Faïsse API"
    assert set(schema["paths"]) == PATHS
    for path in PATHS:
        operations = schema["paths"][path]
        operation = operations.get("get") or operations.get("patch") or operations["post"]
        assert "200" in operation["responses"]
    components = schema["components"]["schemas"]
    children = components["PlanNodeOut"]["properties"]["children"]
    assert children["items"] == {"$ref": "#/components/schemas/PlanNodeOut"}
    kinds = components["PlanNodeOut"]["properties"]["kind"]["enum"]
    assert kinds == ["axis", "orientation", "objective", "group", "action"]


def test_unknown_api_address_is_a_json_404(client):
    for path in ("/api/v1/nulle-part", "/api/v1/territories/", "/api/v1/territories/a/b/c"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"detail": "Adresse inconnue dans l'API."}


def test_docs_page_only_when_served_locally(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == (200 if docs_available() else 404)


def test_local_swagger_never_uses_a_cdn(rf):
    html = LocalSwagger().render_page(rf.get("/api/v1/docs"), api).content.decode()
    for asset in ("ninja/swagger-ui.css", "ninja/swagger-ui-bundle.js"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset
    assert not EXTERNAL_ASSET.search(html), EXTERNAL_ASSET.search(html)
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html  # no badge fetched from validator.swagger.io


def test_no_page_of_the_api_references_an_external_asset(client):
    territory = make_territory()
    make_plan(territory)
    pages = [
        "/api/v1/openapi.json",
        "/api/v1/docs",
        "/api/v1/territories",
        f"/api/v1/territories/{territory.slug}/plan",
        f"/api/v1/territories/{territory.slug}/communes",
        "/api/v1/territories/nulle-part/plan",
        "/api/v1/nulle-part",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code in (200, 404), page
        body = response.content.decode()
        assert not EXTERNAL_ASSET.search(body), (page, EXTERNAL_ASSET.search(body))
        assert "cdn" not in body.lower(), page
