from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "faisse.proposals"
    verbose_name = "Propositions d’actions"
