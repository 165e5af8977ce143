from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "faisse.locations"
    verbose_name = "Localisation du projet"

    def ready(self) -> None:
        from faisse.locations import receivers
        from faisse.plans.signals import actions_merging

        actions_merging.connect(
            receivers.move_places_to_kept_action, dispatch_uid="faisse_locations_merge"
        )
