"""The Faïsse API, mounted at /api/v1/ by faisse/urls.py."""

from faisse.api import (
    actions,
    errors,
    fallback,
    indicators,
    meetings,
    nodes,
    questionnaires,
    territories,
)
from faisse.api.docs import LocalSwagger, docs_available

api = errors.FaisseAPI(
    title="Faïsse API",
    version="1",
    description="Lecture des territoires, de leurs communes et de leur projet de territoire.",
    urls_namespace="api",
    docs=LocalSwagger(),
    docs_url="/docs" if docs_available() else None,
)
errors.install(api)
api.add_router("/territories", territories.router)
api.add_router("/territories", nodes.router)
api.add_router("", actions.router)
api.add_router("", indicators.router)
api.add_router("", meetings.router)
api.add_router("", questionnaires.router)
api.add_router("", fallback.router)  # last: it answers every address the others do not
