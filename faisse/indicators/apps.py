from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "faisse.indicators"
    verbose_name = "Indicateurs"

    def ready(self) -> None:
        from faisse.accounts.abilities import register_object_rule
        from faisse.accounts.privacy import register_personal_data
        from faisse.accounts.signals import role_changed
        from faisse.indicators import receivers
        from faisse.indicators.abilities import indicator_abilities, value_abilities
        from faisse.indicators.models import Indicator, IndicatorValue
        from faisse.indicators.node_section import node_section
        from faisse.plans.node_sections import register_node_section
        from faisse.plans.signals import actions_merging

        register_object_rule(Indicator, indicator_abilities)
        register_object_rule(IndicatorValue, value_abilities)
        register_node_section(node_section)
        register_personal_data(receivers.PILOTED_INDICATORS)
        register_personal_data(receivers.ENTERED_VALUES)
        role_changed.connect(receivers.take_off_indicators, dispatch_uid="faisse_indicators_pilots")
        actions_merging.connect(receivers.follow_merged_action, dispatch_uid="indicators_merge")
