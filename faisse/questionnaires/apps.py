from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "faisse.questionnaires"
    verbose_name = "Questionnaires"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.questionnaires.privacy import QUESTIONNAIRE_DATA

        register_personal_data(QUESTIONNAIRE_DATA)
