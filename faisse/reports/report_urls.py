"""The yearly report's page for editors, under /<slug>/gestion/ (faisse/manage/urls.py)."""

from django.urls import path

from faisse.reports import report_views

app_name = "yearly_report"

urlpatterns = [
    path("bilan/", report_views.yearly_report, name="report"),
]
