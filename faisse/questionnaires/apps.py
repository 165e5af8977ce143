from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "faisse.questionnaires"
    verbose_name = "Questionnaires"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.plans.node_sections import register_node_section
        from faisse.questionnaires.node_rankings import node_section
        from faisse.questionnaires.privacy import QUESTIONNAIRE_DATA

        register_personal_data(QUESTIONNAIRE_DATA)
        register_node_section(node_section)
