"""Detect the communes and places each node of a plan names, and the roles of communes."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from faisse.core.french import fold
from faisse.locations.gazetteer import load_gazetteer
from faisse.locations.matching import Match, PlaceMatcher, place_of
from faisse.locations.models import CommuneLink, CommuneRole, OutsidePlace
from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Commune, Territory

ROLE_PATTERNS = [
    (re.compile(r"\bville[ -]centre\b"), CommuneRole.Role.CENTRAL_TOWN, 1),
    (re.compile(r"\bpoles? de centralite"), CommuneRole.Role.SECONDARY_HUB, None),
    (re.compile(r"\bpoles? de proximite"), CommuneRole.Role.LOCAL_HUB, None),
]


@dataclass
class NodePlaces:
    node: PlanNode
    communes: dict[int, list[str]] = field(default_factory=dict)  # commune id → evidence
    outside: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # name → insee, ev.


@dataclass
class Detection:
    plan: Plan
    nodes: dict[int, NodePlaces] = field(default_factory=dict)
    roles: list[tuple[Commune, str, str]] = field(default_factory=list)


def matcher_for(territory: Territory, communes: list[Commune]) -> PlaceMatcher:
    members = [place_of(c.name, c.insee, member=True) for c in communes]
    member_codes = {c.insee for c in communes}
    outside = [
        place_of(name, insee, member=False)
        for insee, name, _population in load_gazetteer()
        if insee not in member_codes
    ]
    masks = [territory.name, territory.legal_name]
    if fold(territory.name).endswith(" agglomeration"):
        masks.append(territory.name.rsplit(" ", 1)[0] + " Agglo")
    return PlaceMatcher(members, outside, masks)


def detect(plan: Plan) -> Detection:
    """What every node of the plan names; nothing is written."""
    communes = list(Commune.objects.filter(territory=plan.territory_id))
    by_insee = {c.insee: c for c in communes}
    matcher = matcher_for(plan.territory, communes)
    detection = Detection(plan)
    for node in PlanNode.objects.filter(plan=plan).order_by("position", "id"):
        matches = matcher.find(f"{node.title}\n{node.description}")
        if not matches:
            continue
        places = detection.nodes.setdefault(node.pk, NodePlaces(node))
        for match in matches:
            if match.place.member:
                commune = by_insee[match.place.insee]
                evidence = places.communes.setdefault(commune.pk, [])
                if match.evidence not in evidence:
                    evidence.append(match.evidence)
            else:
                _insee, evidence = places.outside.setdefault(
                    match.place.name, (match.place.insee, [])
                )
                if match.evidence not in evidence:
                    evidence.append(match.evidence)
        detection.roles += _roles(node, matches, by_insee)
    return detection


def _roles(node: PlanNode, matches: list[Match], by_insee: dict) -> list:
    title = fold(node.title)
    named = [m.place.insee for m in matches if m.place.member]
    roles = []
    for pattern, role, expected in ROLE_PATTERNS:
        if pattern.search(title) and named and (expected is None or len(set(named)) == expected):
            roles += [(by_insee[insee], role, node.title[:500]) for insee in dict.fromkeys(named)]
    return roles


@transaction.atomic
def apply_detection(detection: Detection) -> dict[str, int]:
    """Record detected links (never re-proposing one an editor rejected), places, roles."""
    plan = detection.plan
    existing = {(link.node_id, link.commune_id): link for link in plan.commune_links.all()}
    wanted = {
        (node_id, commune_id): " ; ".join(evidence)[:255]
        for node_id, places in detection.nodes.items()
        for commune_id, evidence in places.communes.items()
    }
    created = [
        CommuneLink(
            territory_id=plan.territory_id,
            plan=plan,
            node_id=node_id,
            commune_id=commune_id,
            origin=CommuneLink.Origin.DETECTED,
            evidence=evidence,
        )
        for (node_id, commune_id), evidence in wanted.items()
        if (node_id, commune_id) not in existing
    ]
    bulk_create_with_history(
        created, CommuneLink, default_change_reason=_("Détection des communes")
    )
    stale = [
        link.pk
        for key, link in existing.items()
        if link.origin == CommuneLink.Origin.DETECTED and key not in wanted
    ]
    CommuneLink.objects.filter(pk__in=stale).delete()
    plan.outside_places.all().delete()
    OutsidePlace.objects.bulk_create(
        OutsidePlace(
            territory_id=plan.territory_id,
            plan=plan,
            node_id=node_id,
            name=name,
            insee=insee,
            evidence=" ; ".join(evidence)[:255],
        )
        for node_id, places in detection.nodes.items()
        for name, (insee, evidence) in places.outside.items()
    )
    roles = 0
    seen = defaultdict(set)
    for commune, role, evidence in detection.roles:
        if role in seen[commune.pk]:
            continue
        seen[commune.pk].add(role)
        _role, made = CommuneRole.objects.get_or_create(
            territory_id=plan.territory_id,
            commune=commune,
            role=role,
            defaults={"evidence": evidence},
        )
        roles += made
    return {"links_created": len(created), "links_removed": len(stale), "roles_created": roles}
