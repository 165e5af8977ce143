from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "faisse.plans"
    verbose_name = "Projets de territoire"
