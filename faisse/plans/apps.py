from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "faisse.plans"
    verbose_name = "Projets de territoire"

    def ready(self) -> None:
        from faisse.accounts.abilities import register_object_rule
        from faisse.accounts.privacy import register_personal_data
        from faisse.accounts.signals import role_changed
        from faisse.plans import receivers
        from faisse.plans.abilities import node_abilities
        from faisse.plans.drafts import IMPORT_DRAFTS
        from faisse.plans.models import PlanNode

        role_changed.connect(receivers.take_off_actions, dispatch_uid="faisse_plans_pilots")
        register_personal_data(receivers.PILOTED_ACTIONS)
        register_personal_data(IMPORT_DRAFTS)
        register_object_rule(PlanNode, node_abilities)
