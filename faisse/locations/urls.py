from django.urls import path

from faisse.locations import views

app_name = "locations"

urlpatterns = [
    path("localisation/", views.link_review, name="review"),
    path("localisation/elements/<int:pk>/", views.node_links, name="node"),
    path("localisation/elements/<int:pk>/ajouter/", views.link_add, name="add"),
    path("localisation/liens/<int:pk>/", views.link_change, name="change"),
]
