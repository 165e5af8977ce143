from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "faisse.proposals"
    verbose_name = "Propositions d’actions"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.plans.signals import actions_merging
        from faisse.proposals.privacy import PROPOSALS
        from faisse.proposals.receivers import follow_merged_action

        register_personal_data(PROPOSALS)
        actions_merging.connect(follow_merged_action, dispatch_uid="proposals_follow_merge")
