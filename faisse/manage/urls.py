"""Everything under /<slug>/gestion/: the management home, then each domain's management
views, kept in their own app and namespace (plans:, locations:, history:, members:)."""

from django.urls import include, path

from faisse.manage import site, views

own = (
    [
        path("", views.management_home, name="home"),
        path("site/", site.site_settings, name="site"),
    ],
    "manage",
)

urlpatterns = [
    path("", include(own)),
    path("", include("faisse.plans.urls")),
    path("", include("faisse.actions.urls")),
    path("", include("faisse.locations.urls")),
    path("", include("faisse.history.urls")),
    path("", include("faisse.accounts.member_urls")),
    path("", include("faisse.participation.manage_urls")),
    path("", include("faisse.meetings.manage_urls")),
    path("", include("faisse.questionnaires.manage_urls")),
    path("", include("faisse.proposals.manage_urls")),
    path("", include("faisse.reports.pilot_urls")),
    path("", include("faisse.reports.report_urls")),
    path("", include("faisse.reports.action_pdf_urls")),
    path("", include("faisse.indicators.manage_urls")),
]
