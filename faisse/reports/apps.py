from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "faisse.reports"
    verbose_name = "Tableaux de bord et bilans"
