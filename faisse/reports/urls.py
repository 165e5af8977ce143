"""Public pages of the reports app, at the site's root: /<slug>/tableau-de-bord/."""

from django.urls import path

from faisse.reports import views

app_name = "reports"

urlpatterns = [
    path("<slug:slug>/tableau-de-bord/", views.dashboard, name="dashboard"),
]
