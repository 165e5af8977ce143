from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "faisse.history"
    verbose_name = "Historique du projet"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.history import baseline, privacy

        baseline.connect()
        register_personal_data(privacy.CHANGES_TO_PLANS)
