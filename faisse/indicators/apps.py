from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "faisse.indicators"
    verbose_name = "Indicateurs"
