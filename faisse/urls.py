from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from faisse.api.urls import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("faisse.accounts.urls")),  # connexion/, compte/, invitation/…
    path("", include("faisse.api.token_urls")),
    # The management space: one prefix, one app (faisse/manage/urls.py).
    path("<slug:slug>/gestion/", include("faisse.manage.urls")),
    path("", include("faisse.meetings.urls")),
    path("", include("faisse.questionnaires.urls")),
    path("", include("faisse.proposals.urls")),
    path("", include("faisse.reports.urls")),
    path("", include("faisse.reports.digest_urls")),
    path("", include("faisse.indicators.urls")),
    path("", include("faisse.portal.urls")),
]

if getattr(settings, "OIDC_ENABLED", False):  # OpenID Connect (ProConnect), off by default
    urlpatterns.insert(2, path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "faisse.core.errors_views.bad_request"
