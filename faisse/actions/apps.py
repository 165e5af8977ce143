from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "faisse.actions"
    verbose_name = "Fiches action"
