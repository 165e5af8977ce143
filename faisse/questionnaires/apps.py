from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "faisse.questionnaires"
    verbose_name = "Questionnaires"
