from django.urls import path

from faisse.portal import downloads, process_page, site_pages, views

app_name = "portal"

urlpatterns = [
    path("", views.territory_list, name="home"),
    path("<slug:slug>/", views.territory_home, name="territory"),
    path("<slug:slug>/plan/", views.plan_detail, name="plan"),
    path(
        "<slug:slug>/plan/telecharger/<str:export_format>/",
        downloads.plan_download,
        name="plan_download",
    ),
    path("<slug:slug>/plan/<str:segment>/<int:pk>/", views.node_detail, name="node"),
    path("<slug:slug>/communes/", views.commune_index, name="communes"),
    path("<slug:slug>/communes/<str:insee>/", views.commune_detail, name="commune"),
    path("<slug:slug>/carte/", views.map_detail, name="map"),
    path("<slug:slug>/demarche/", process_page.process_page, name="process"),
    path("<slug:slug>/mentions-legales/", site_pages.site_page, {"page": "legal"}, name="legal"),
    path(
        "<slug:slug>/accessibilite/",
        site_pages.site_page,
        {"page": "accessibility"},
        name="accessibility",
    ),
    path(
        "<slug:slug>/donnees-personnelles/",
        site_pages.site_page,
        {"page": "privacy"},
        name="privacy",
    ),
    path("<slug:slug>/contact/", site_pages.site_page, {"page": "contact"}, name="contact"),
    path("<slug:slug>/habillage.css", site_pages.theme, name="theme"),
    path("<slug:slug>/logo", site_pages.logo, name="logo"),
]
