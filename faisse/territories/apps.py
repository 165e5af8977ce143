from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "faisse.territories"
    verbose_name = "Territoires"
