"""The management pages of action sheets, under /<slug>/gestion/ (namespace "actions")."""

from django.urls import path

from faisse.actions import views

app_name = "actions"
urlpatterns = [
    path("elements/<int:pk>/fiche/", views.sheet_edit, name="sheet_edit"),
]
