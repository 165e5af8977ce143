"""The weekly digest's public page (the opt-out link), included by faisse/urls.py."""

from django.urls import path

from faisse.reports import digest_views

app_name = "digest"

urlpatterns = [
    path(
        "<slug:slug>/suivi/desabonnement/<str:token>/",
        digest_views.unsubscribe,
        name="unsubscribe",
    ),
]
