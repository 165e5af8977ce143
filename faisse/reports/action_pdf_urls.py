"""The action sheet's PDF, under /<slug>/gestion/ (faisse/manage/urls.py)."""

from django.urls import path

from faisse.reports import action_pdf_views

app_name = "action_pdf"

urlpatterns = [
    path("elements/<int:pk>/fiche.pdf", action_pdf_views.action_pdf, name="download"),
]
