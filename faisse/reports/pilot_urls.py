"""The pilots' space, under /<slug>/gestion/ (included by faisse/manage/urls.py)."""

from django.urls import path

from faisse.reports import pilot_views

app_name = "pilot"

urlpatterns = [
    path("suivi/", pilot_views.space, name="space"),
    path("suivi/actions/<int:pk>/", pilot_views.quick_update, name="update"),
    path("suivi/indicateurs/<int:pk>/", pilot_views.add_value, name="value"),
    path("suivi/courriel/", pilot_views.digest_setting, name="digest"),
]
