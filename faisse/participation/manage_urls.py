from django.urls import path

from faisse.participation import views

app_name = "participation_manage"

urlpatterns = [
    path("demarche/", views.process_manage, name="process"),
    path("demarche/etapes/ajouter/", views.step_add, name="step_add"),
    path("demarche/etapes/<int:pk>/", views.step_edit, name="step_edit"),
    path("demarche/etapes/<int:pk>/deplacer/", views.step_move, name="step_move"),
    path("demarche/etapes/<int:pk>/supprimer/", views.step_delete, name="step_delete"),
    path(
        "demarche/etapes/<int:pk>/livrables/ajouter/",
        views.deliverable_add,
        name="deliverable_add",
    ),
    path(
        "demarche/etapes/<int:pk>/livrables/retirer/",
        views.deliverable_remove,
        name="deliverable_remove",
    ),
]
