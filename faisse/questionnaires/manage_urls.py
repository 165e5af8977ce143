"""The questionnaires in the management space (mounted under /<slug>/gestion/)."""

from django.urls import path

from faisse.questionnaires import builder_views, manage_views

app_name = "questionnaires_manage"

ONE = "questionnaires/<int:pk>/"
PAGE = ONE + "pages/<int:section>/"
QUESTION = ONE + "questions/<int:question>/"

urlpatterns = [
    path("questionnaires/", manage_views.questionnaire_list, name="list"),
    path("questionnaires/nouveau/", manage_views.questionnaire_create, name="create"),
    path(ONE, manage_views.questionnaire_edit, name="edit"),
    path(ONE + "apercu/", manage_views.questionnaire_preview, name="preview"),
    path(ONE + "publier/", manage_views.questionnaire_publish, name="publish"),
    path(ONE + "brouillon/", manage_views.questionnaire_unpublish, name="unpublish"),
    path(ONE + "supprimer/", manage_views.questionnaire_delete, name="delete"),
    path(ONE + "personnes/", manage_views.respondent_list, name="respondents"),
    path(ONE + "reponses.<str:fmt>", manage_views.answers_export, name="export"),
    path(ONE + "resultats/", manage_views.results_visibility, name="results_visibility"),
    path(ONE + "pages/", builder_views.section_add, name="section_add"),
    path(PAGE, builder_views.section_edit, name="section"),
    path(PAGE + "deplacer/", builder_views.section_move, name="section_move"),
    path(PAGE + "supprimer/", builder_views.section_delete, name="section_delete"),
    path(PAGE + "questions/", builder_views.question_add, name="question_add"),
    path(QUESTION, builder_views.question_edit, name="question"),
    path(QUESTION + "deplacer/", builder_views.question_move, name="question_move"),
    path(QUESTION + "supprimer/", builder_views.question_delete, name="question_delete"),
    path(QUESTION + "choix/", builder_views.option_add, name="option_add"),
    path(QUESTION + "choix/<int:option>/", builder_views.option_change, name="option_change"),
]
