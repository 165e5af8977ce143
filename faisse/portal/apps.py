from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "faisse.portal"
    verbose_name = "Site public"
