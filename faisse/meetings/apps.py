from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "faisse.meetings"
    verbose_name = "Réunions"
