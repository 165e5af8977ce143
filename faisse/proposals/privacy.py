"""The proposals a person made, in their personal data (registered in apps.py). Erasing
the account keeps the proposals, which belong to the process, without their author:
they show "Compte supprimé", with the commune the author represented."""

from django.utils.translation import ngettext

from faisse.accounts.privacy import PersonalDataSource
from faisse.proposals.models import Proposal, ProposalEvent


def _moment(value):
    return value.isoformat() if value else None


def _proposals(user) -> list[dict]:
    proposals = (
        Proposal.objects.filter(author=user)
        .select_related("territory", "author_commune", "step", "objective", "action")
        .prefetch_related("communes")
        .order_by("created_at", "id")
    )
    return [
        {
            "territory": proposal.territory.name,
            "id": proposal.pk,
            "submitted": _moment(proposal.created_at),
            "step": proposal.step.title if proposal.step else None,
            "commune_represented": (
                proposal.author_commune.name if proposal.author_commune else None
            ),
            "on_behalf_of": proposal.on_behalf_of,
            "title": proposal.title,
            "description": proposal.description,
            "objective": proposal.objective.label if proposal.objective else None,
            "communes": [commune.name for commune in proposal.communes.all()],
            "estimated_cost_euros": proposal.estimated_cost,
            "partners": proposal.partners,
            "state": proposal.state,
            "reason": proposal.reason,
            "decided": _moment(proposal.decided_at),
            "action": proposal.action.label if proposal.action else None,
        }
        for proposal in proposals
    ]


def _erase(user) -> None:
    ProposalEvent.objects.filter(by=user, proposal__author=user).update(by=None)
    Proposal.objects.filter(author=user).update(author=None)


PROPOSALS = PersonalDataSource(
    key="proposals",
    export=_proposals,
    describe=lambda proposals: (
        ngettext(
            "%(count)s proposition d’action",
            "%(count)s propositions d’actions",
            len(proposals),
        )
        % {"count": len(proposals)}
    ),
    erase=_erase,
)
