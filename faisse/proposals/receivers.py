"""How the proposals app reacts to the apps below it, connected in apps.py."""

from faisse.proposals.models import Proposal


def follow_merged_action(sender, kept, removed, editor, **kwargs) -> None:
    """Two actions merge: proposals that led to the removed one now lead to the kept one."""
    Proposal.objects.filter(action=removed).update(action=kept)
