"""The élu's pages about proposals (mounted at the site's root)."""

from django.urls import path

from faisse.proposals import views

app_name = "proposals"

urlpatterns = [
    path("<slug:slug>/propositions/proposer/", views.propose, name="propose"),
    path("<slug:slug>/propositions/mes-propositions/", views.mine, name="mine"),
]
