from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "faisse.reports"
    verbose_name = "Tableaux de bord et bilans"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.reports import digest

        register_personal_data(digest.DIGEST_SUBSCRIPTIONS)
