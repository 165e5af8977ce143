"""What the public learns of proposals: how many were made at each step and for each
commune (the process page), and, on an action's page, that it comes from a proposal of a
commune. Never the person, the text of a proposal or a reason: those stay between the
author and the editors."""

from typing import NamedTuple

from django.db.models import Count
from django.utils.translation import gettext as _

from faisse.core.french import collation_key, elide
from faisse.participation.models import Process, ProcessStep
from faisse.proposals.models import Proposal
from faisse.proposals.submission import step_label
from faisse.territories.models import Commune


class ProposalCounts(NamedTuple):
    """Proposals made during a process (every state), by step in the process's order and
    by commune concerned in French order; steps and communes without any are left out."""

    by_step: dict[ProcessStep, int]
    by_commune: dict[Commune, int]


def proposal_counts(process: Process) -> ProposalCounts:
    """Four queries whatever the number of proposals."""
    per_step = dict(
        Proposal.objects.filter(process=process, step__isnull=False)
        .values_list("step")
        .annotate(n=Count("id"))
        .values_list("step", "n")
    )
    steps = ProcessStep.objects.filter(pk__in=per_step).order_by("position", "id")
    links = Proposal.communes.through.objects.filter(proposal__process=process)
    per_commune = dict(
        links.values_list("commune").annotate(n=Count("id")).values_list("commune", "n")
    )
    communes = sorted(
        Commune.objects.filter(pk__in=per_commune), key=lambda c: collation_key(c.name)
    )
    return ProposalCounts(
        by_step={step: per_step[step.pk] for step in steps},
        by_commune={commune: per_commune[commune.pk] for commune in communes},
    )


SHOWN_STATES = (Proposal.State.ACCEPTED, Proposal.State.MERGED)


def origin_text(proposal: Proposal) -> str:
    """ "Issue d’une proposition de la commune d’Anduze (étape 5 « Plan d’actions »)"."""
    if proposal.state == Proposal.State.ACCEPTED:
        lead = _("Issue d’une proposition")
    else:
        lead = _("Enrichie par une proposition")
    if proposal.author_commune is not None:
        lead = f"{lead} {elide(_('de la commune de'), proposal.author_commune.name)}"
    if proposal.step is None:
        return lead
    return _("%(origin)s (%(step)s)") % {"origin": lead, "step": step_label(proposal.step)}


def origins_by_action(action_ids) -> dict[int, list[str]]:
    """For each of the actions, the sentences saying which proposals it comes from
    (accepted or merged ones), in one query."""
    found: dict[int, list[str]] = {}
    proposals = (
        Proposal.objects.filter(action_id__in=list(action_ids), state__in=SHOWN_STATES)
        .select_related("author_commune", "step")
        .order_by("created_at", "id")
    )
    for proposal in proposals:
        text = origin_text(proposal)
        if text not in found.setdefault(proposal.action_id, []):
            found[proposal.action_id].append(text)
    return found


def proposal_origins(node) -> list[str]:
    """The sentences for one node of the plan (empty for a node no proposal fed)."""
    return origins_by_action([node.pk]).get(node.pk, [])
