from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "faisse.locations"
    verbose_name = "Localisation du projet"
