from django.urls import path

from faisse.plans import edit_views, import_views, structure_views, views

app_name = "plans"

urlpatterns = [
    path("actions-similaires/", views.similar_actions, name="similar_actions"),
    path("actions-similaires/fusionner/", views.merge_pair, name="merge_similar"),
    path("actions-similaires/ecarter/", views.dismiss_pair, name="dismiss_similar"),
    path("plan/", structure_views.plan_structure, name="structure"),
    path("plan/ajouter/", structure_views.node_add, name="root_add"),
    path("elements/<int:pk>/modifier/", edit_views.node_edit, name="node_edit"),
    path("elements/<int:pk>/ajouter/", structure_views.node_add, name="node_add"),
    path("elements/<int:pk>/deplacer/", structure_views.node_move, name="node_move"),
    path("elements/<int:pk>/pilotes/", edit_views.node_pilots, name="node_pilots"),
    path("import/", import_views.import_upload, name="import_upload"),
    path("import/<int:pk>/", import_views.import_preview, name="import_preview"),
    path("import/<int:pk>/corriger/", import_views.import_correct, name="import_correct"),
    path("import/<int:pk>/importer/", import_views.import_save, name="import_save"),
    path("import/<int:pk>/abandonner/", import_views.import_delete, name="import_delete"),
]
