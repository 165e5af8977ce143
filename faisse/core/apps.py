from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "faisse.core"
    verbose_name = "Socle commun"
