from django.apps import AppConfig


class ManageConfig(AppConfig):
    name = "faisse.manage"
    verbose_name = "Espace de gestion"
