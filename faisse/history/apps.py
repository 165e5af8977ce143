from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "faisse.history"
    verbose_name = "Historique du projet"

    def ready(self) -> None:
        from faisse.history import baseline

        baseline.connect()
