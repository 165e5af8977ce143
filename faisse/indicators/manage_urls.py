"""Management pages of indicators, under /<slug>/gestion/: editors define them; editors
and those who lead an indicator enter its values."""

from django.urls import path

from faisse.indicators import manage_views as views

app_name = "indicators"

urlpatterns = [
    path("indicateurs/", views.indicator_list, name="list"),
    path("indicateurs/nouveau/", views.indicator_create, name="create"),
    path("indicateurs/<int:pk>/", views.indicator_edit, name="edit"),
    path("indicateurs/<int:pk>/supprimer/", views.indicator_delete, name="delete"),
    path("indicateurs/<int:pk>/elements/", views.indicator_links, name="links"),
    path("indicateurs/<int:pk>/valeurs/", views.indicator_values, name="values"),
    path("indicateurs/<int:pk>/valeurs/ajouter/", views.value_add, name="value_add"),
    path(
        "indicateurs/<int:pk>/valeurs/<int:value_pk>/supprimer/",
        views.value_delete,
        name="value_delete",
    ),
]
