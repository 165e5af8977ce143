from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "faisse.accounts"
    verbose_name = "Comptes et rôles"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from faisse.accounts.abilities import space_label
        from faisse.accounts.throttling import forget_own_failures
        from faisse.core.navigation import register_management_check

        user_logged_in.connect(forget_own_failures, dispatch_uid="faisse_forget_own_failures")
        register_management_check(space_label)  # the menu link to every member's space
