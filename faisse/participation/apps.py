from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "faisse.participation"
    verbose_name = "Démarche participative"
