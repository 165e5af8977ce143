"""The editors' review of proposals, under /<slug>/gestion/."""

from django.urls import path

from faisse.proposals import manage_views

app_name = "proposals_manage"

urlpatterns = [
    path("propositions/", manage_views.proposal_list, name="list"),
    path("propositions/etapes/<int:pk>/", manage_views.step_call, name="call"),
    path("propositions/<int:pk>/", manage_views.proposal_review, name="review"),
    path("propositions/<int:pk>/retenir/", manage_views.accept_proposal, name="accept"),
    path("propositions/<int:pk>/fusionner/", manage_views.merge_proposal, name="merge"),
    path("propositions/<int:pk>/ne-pas-retenir/", manage_views.decline_proposal, name="decline"),
]
