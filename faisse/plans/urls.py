from django.urls import path

from faisse.plans import views

app_name = "plans"

urlpatterns = [
    path("actions-similaires/", views.similar_actions, name="similar_actions"),
    path("actions-similaires/fusionner/", views.merge_pair, name="merge_similar"),
    path("actions-similaires/ecarter/", views.dismiss_pair, name="dismiss_similar"),
]
