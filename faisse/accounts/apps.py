from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "faisse.accounts"
    verbose_name = "Comptes et rôles"
