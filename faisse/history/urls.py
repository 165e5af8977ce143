from django.urls import path

from faisse.history import views

app_name = "history"

urlpatterns = [
    path("historique/", views.activity, name="activity"),
    path("historique/elements/<int:pk>/", views.node_history_page, name="node"),
    path("historique/elements/<int:pk>/restaurer/", views.node_restore, name="restore"),
]
