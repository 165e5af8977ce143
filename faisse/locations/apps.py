from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "faisse.locations"
    verbose_name = "Localisation du projet"

    def ready(self) -> None:
        from faisse.locations import receivers
        from faisse.locations.exporting import export_places
        from faisse.plans.exporting.places import register_places
        from faisse.plans.signals import actions_merging

        actions_merging.connect(
            receivers.move_places_to_kept_action, dispatch_uid="faisse_locations_merge"
        )
        register_places(export_places)  # the communes and the map of the plan's documents
