"""Proposals for the Alès demo: élus of several communes proposed actions during step 5
("Plan d’actions"); the editors accepted some (draft actions under real objectives of the
2018 plan), merged one into a real action, declined two with a reason, and have three to
examine. The step stays open so that the demo élu can try proposing.

Running it again changes nothing: a proposal whose title exists in the territory is
left as it is, members and the call are created once.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from faisse.accounts.models import Membership, Role, User
from faisse.core.french import fold
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode
from faisse.proposals.models import Proposal, ProposalCall, ProposalEvent
from faisse.proposals.review import accept, decline, merge_into, set_call
from faisse.proposals.submission import current_plan

EDITOR_EMAIL = "editrice@demo.faisse.invalid"  # the demo's editor, who decides if present

# (e-mail, INSEE code of the commune they sit for, first name, last name): authors only,
# without a password (they cannot sign in).
DEMO_ELUS = [
    ("elu.ales@demo.faisse.invalid", "30007", "Aurélie", "Roure"),
    ("elu.la-grand-combe@demo.faisse.invalid", "30132", "Bernard", "Castanet"),
    ("elu.saint-jean-du-gard@demo.faisse.invalid", "30269", "Claire", "Fabre"),
    ("elu.vezenobres@demo.faisse.invalid", "30348", "Denis", "Pellet"),
]


@dataclass
class DemoProposal:
    author: str  # e-mail
    title: str
    description: str
    objective: str  # words of the objective's (or group's) title
    communes: list[str]  # INSEE codes
    cost: int | None = None
    partners: str = ""
    on_behalf_of: str = ""
    state: str = Proposal.State.SUBMITTED
    target: str = ""  # words of the action a merged proposal joins
    reason: str = ""
    submitted: tuple = (2018, 3, 15)


ALES, GRAND_COMBE, SAINT_JEAN, VEZENOBRES = (elu[0] for elu in DEMO_ELUS)
PROPOSALS = [
    DemoProposal(
        GRAND_COMBE,
        "Ouvrir une maison de santé pluriprofessionnelle à La Grand-Combe",
        "Regrouper médecins, infirmiers et kinésithérapeutes dans l’ancienne école des "
        "Pelouses, à La Grand-Combe, avec une permanence aux Salles-du-Gardon.",
        "offre de soins",
        ["30132", "30307"],
        cost=1_800_000,
        partners="ARS Occitanie, professionnels de santé du secteur",
        state=Proposal.State.ACCEPTED,
        submitted=(2018, 3, 8),
    ),
    DemoProposal(
        SAINT_JEAN,
        "Aménager un point de vente collectif de producteurs à Saint-Jean-du-Gard",
        "Un magasin tenu par les producteurs de la vallée Borgne, près de l’office de "
        "tourisme de Saint-Jean-du-Gard, ouvert toute l’année.",
        "projet agricole alimentaire territorial",
        ["30269"],
        cost=350_000,
        partners="Chambre d’agriculture du Gard, producteurs de la vallée",
        state=Proposal.State.ACCEPTED,
        submitted=(2018, 3, 12),
    ),
    DemoProposal(
        VEZENOBRES,
        "Créer une voie verte entre Vézénobres et Alès le long du Gardon",
        "Relier Vézénobres à Alès par une voie verte sur l’ancienne voie ferrée, pour les "
        "trajets quotidiens à vélo et les promeneurs.",
        "déplacements doux",
        ["30348", "30007"],
        cost=2_400_000,
        partners="Département du Gard, Région Occitanie",
        state=Proposal.State.MERGED,
        target="déplacements doux : voies vertes",
        submitted=(2018, 3, 20),
    ),
    DemoProposal(
        ALES,
        "Construire un golf de 18 trous à Alès",
        "Un golf pour attirer une clientèle touristique nouvelle, au nord d’Alès.",
        "filière touristique",
        ["30007"],
        cost=6_000_000,
        state=Proposal.State.DECLINED,
        reason="Un équipement de cette taille relève d’un porteur privé ; l’agglomération "
        "n’en fera pas une action du projet. L’agence de développement peut accompagner "
        "un porteur.",
        submitted=(2018, 3, 22),
    ),
    DemoProposal(
        ALES,
        "Rendre gratuit le stationnement du centre-ville d’Alès",
        "Supprimer le stationnement payant dans le cœur de ville d’Alès pour soutenir les "
        "commerces.",
        "ville-centre",
        ["30007"],
        state=Proposal.State.DECLINED,
        reason="Le stationnement relève de la commune d’Alès, pas de l’agglomération. "
        "L’action « vitalité commerciale du cœur de ville » reprend l’objectif.",
        submitted=(2018, 3, 26),
    ),
    DemoProposal(
        VEZENOBRES,
        "Créer un tiers-lieu numérique dans l’ancienne gare de Vézénobres",
        "Espace de travail partagé, point d’accès aux services publics en ligne et "
        "ateliers d’initiation au numérique.",
        "usages quotidiens du numérique",
        ["30348"],
        cost=420_000,
        partners="Région Occitanie, associations d’éducation populaire",
        submitted=(2018, 4, 3),
    ),
    DemoProposal(
        ALES,
        "Restaurer les faisses et calades des vallées cévenoles",
        "Chantiers d’insertion pour relever les murs de pierre sèche à Saint-Jean-du-Gard, "
        "Mialet et Soustelle, avec les propriétaires volontaires.",
        "patrimoines naturels et culturels",
        ["30269", "30168", "30323"],
        cost=250_000,
        partners="Parc national des Cévennes, associations de muraillers",
        on_behalf_of="Atelier du plan d’actions, secteur Cévennes (12 élus)",
        submitted=(2018, 4, 5),
    ),
    DemoProposal(
        GRAND_COMBE,
        "Navette à la demande entre Lamelouze, Laval-Pradel et La Grand-Combe",
        "Une navette sur réservation deux jours par semaine pour le marché et les "
        "rendez-vous médicaux.",
        "transports en commun",
        ["30137", "30142", "30132"],
        cost=90_000,
        submitted=(2018, 4, 9),
    ),
]


def _node(plan, kinds, words: str) -> PlanNode | None:
    wanted = fold(words)
    nodes = PlanNode.objects.filter(plan=plan, kind__in=kinds).order_by("position", "id")
    return next((node for node in nodes if wanted in fold(node.title)), None)


def _step(process: Process) -> ProcessStep | None:
    steps = process.steps.order_by("position", "id")
    workshops = [step for step in steps if step.kind == ProcessStep.Kind.WORKSHOP]
    return next((s for s in workshops if s.number == 5), workshops[-1] if workshops else None)


def _authors(territory) -> dict[str, User]:
    communes = {c.insee: c for c in territory.communes.filter(insee__in=[e[1] for e in DEMO_ELUS])}
    authors = {}
    for email, insee, first_name, last_name in DEMO_ELUS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, first_name=first_name, last_name=last_name)
        Membership.objects.get_or_create(
            user=user,
            territory=territory,
            defaults={"role": Role.ELECTED, "commune": communes.get(insee)},
        )
        authors[email] = user
    return authors


def _moment(day: tuple, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(*day, hour))


@transaction.atomic
def load_demo_proposals(process: Process) -> int:
    """The demo's proposals for the process; returns how many were created."""
    territory = process.territory
    plan = process.plan or current_plan(territory)
    step = _step(process)
    if plan is None or step is None:
        return 0
    if not ProposalCall.objects.filter(step=step).exists():
        set_call(step, None, True)
    authors = _authors(territory)
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    memberships = {
        m.user_id: m
        for m in Membership.objects.filter(territory=territory, user__in=authors.values())
    }
    known = set(Proposal.objects.filter(territory=territory).values_list("title", flat=True))
    communes = {c.insee: c for c in territory.communes.all()}
    created = 0
    places = (PlanNode.Kind.OBJECTIVE, PlanNode.Kind.GROUP)
    for spec in PROPOSALS:
        if spec.title in known:
            continue
        author = authors[spec.author]
        objective = _node(plan, places, spec.objective)
        proposal = Proposal.objects.create(
            territory=territory,
            process=process,
            step=step,
            author=author,
            author_commune=memberships[author.pk].commune,
            on_behalf_of=spec.on_behalf_of,
            title=spec.title,
            description=spec.description,
            objective=objective,
            estimated_cost=spec.cost,
            partners=spec.partners,
        )
        proposal.communes.set([communes[code] for code in spec.communes if code in communes])
        ProposalEvent.objects.create(proposal=proposal, state=proposal.state, by=author)
        _decide(proposal, spec, editor, plan, objective)
        _date(proposal, spec)
        created += 1
    return created


def _decide(proposal, spec: DemoProposal, editor, plan, objective) -> None:
    if spec.state == Proposal.State.ACCEPTED and objective is not None:
        accept(proposal, editor, objective)
    elif spec.state == Proposal.State.MERGED:
        action = _node(plan, [PlanNode.Kind.ACTION], spec.target)
        if action is not None:
            merge_into(proposal, editor, action)
    elif spec.state == Proposal.State.DECLINED:
        decline(proposal, editor, spec.reason)


def _date(proposal: Proposal, spec: DemoProposal) -> None:
    """Dates of the 2018 process rather than of the day the demo was installed."""
    submitted = _moment(spec.submitted)
    decided = _moment((2018, 4, 20), 15) if spec.state != Proposal.State.SUBMITTED else None
    Proposal.objects.filter(pk=proposal.pk).update(created_at=submitted, decided_at=decided)
    events = ProposalEvent.objects.filter(proposal=proposal)
    events.filter(state=Proposal.State.SUBMITTED).update(at=submitted)
    if decided:
        events.exclude(state=Proposal.State.SUBMITTED).update(at=decided)
