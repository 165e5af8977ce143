from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "faisse.api"
    verbose_name = "API"
