"""The management pages of action sheets, under /<slug>/gestion/ (namespace "actions")."""

from django.urls import path

from faisse.actions import spreadsheet_views, views

app_name = "actions"
urlpatterns = [
    path("elements/<int:pk>/fiche/", views.sheet_edit, name="sheet_edit"),
    path("tableurs/", spreadsheet_views.spreadsheets, name="spreadsheets"),
    path(
        "tableurs/<slug:key>/",
        spreadsheet_views.spreadsheet_download,
        name="spreadsheet_download",
    ),
]
