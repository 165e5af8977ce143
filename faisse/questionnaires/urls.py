"""Public pages of the questionnaires (mounted at the site's root, under the territory's
slug): the list, a questionnaire's presentation, and answering it — by a personal link
(`lien/<token>/…`) or, for a public questionnaire, from any browser (`repondre/…`) — and
the results (`resultats/`)."""

from django.urls import path

from faisse.questionnaires import answer_views, results_views, views

app_name = "questionnaires"

BASE = "<slug:slug>/questionnaires/<int:pk>/"
LINK = BASE + "lien/<str:token>/"
PUBLIC = BASE + "repondre/"

urlpatterns = [
    path("<slug:slug>/questionnaires/", views.questionnaire_list, name="list"),
    path(BASE, views.questionnaire_detail, name="detail"),
    path(BASE + "lien/", views.link_resend, name="link_resend"),
    path(BASE + "resultats/", results_views.results, name="results"),
    path(LINK, answer_views.start, name="link_start"),
    path(LINK + "page/<int:number>/", answer_views.page, name="link_page"),
    path(LINK + "recapitulatif/", answer_views.summary, name="link_summary"),
    path(LINK + "merci/", answer_views.thanks, name="link_thanks"),
    path(PUBLIC, answer_views.start, name="answer_start"),
    path(PUBLIC + "page/<int:number>/", answer_views.page, name="answer_page"),
    path(PUBLIC + "recapitulatif/", answer_views.summary, name="answer_summary"),
    path(PUBLIC + "merci/", answer_views.thanks, name="answer_thanks"),
]
