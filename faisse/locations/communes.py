"""What the commune pages show: the communes of a territory, where the plan applies, search.

`TerritoryCommunes.load` runs a constant number of queries whatever the size of the plan
(communes, roles, current plan, its tree, its commune links); everything else is computed
in memory with PlanGeography.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse

from faisse.core.french import fold
from faisse.locations.geography import PlanGeography
from faisse.locations.models import CommuneLink, CommuneRole
from faisse.plans.models import Plan, PlanNode
from faisse.plans.outline import PlanOutline
from faisse.territories.models import Commune, Territory

# -- search -------------------------------------------------------------------------------

ARTICLES = {"le", "la", "les", "l"}
SPELLINGS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes", "lez": "les"}
_WORD = re.compile(r"[a-z0-9]+")


def search_key(text: str) -> str:
    """A name as searched: no accents, no case, words only, "St" = "Saint", no leading
    article. "La Grand-Combe" → "grand combe"; "St Jean du Gard" → "saint jean du gard"."""
    words = [SPELLINGS.get(word, word) for word in _WORD.findall(fold(text))]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def search(communes: list[Commune], query: str) -> list[Commune]:
    """Communes whose name contains the query (as search keys, spaces ignored), best first:
    the exact name, then names starting with it, then a word starting with it, then the rest.
    Digits search postal codes and INSEE codes."""
    key = search_key(query)
    if not key:
        return list(communes)
    digits = key.replace(" ", "")
    if digits.isdigit():  # a postal code ("30140") or an INSEE code ("30007")
        return [
            c
            for c in communes
            if c.insee.startswith(digits) or any(p.startswith(digits) for p in c.postal_codes)
        ]
    compact = key.replace(" ", "")
    found = []
    for position, commune in enumerate(communes):
        name = search_key(commune.name)
        if compact not in name.replace(" ", ""):
            continue
        if name == key:
            rank = 0
        elif name.startswith(key):
            rank = 1
        elif f" {key}" in f" {name}":
            rank = 2
        else:
            rank = 3
        found.append((rank, position, commune))
    return [commune for *_, commune in sorted(found, key=lambda item: item[:2])]


def suggestions(communes: list[Commune], query: str, limit: int = 3) -> list[Commune]:
    """Communes whose name is close to a query that found nothing (a typo)."""
    by_key = {search_key(commune.name): commune for commune in communes}
    close = difflib.get_close_matches(search_key(query), list(by_key), n=limit, cutoff=0.7)
    return [by_key[key] for key in close]


# -- where the plan applies -----------------------------------------------------------------


@dataclass
class CommuneRow:
    commune: Commune
    url: str
    roles: list[CommuneRole]
    count: int  # actions that apply to it specifically
    rate: float | None  # the same per 1,000 inhabitants; None without population

    @property
    def name(self) -> str:
        return self.commune.name

    @property
    def population(self) -> int | None:
        return self.commune.population


@dataclass
class Mention:
    """Why an action applies to a commune: the words found, where, and who said so."""

    link: CommuneLink
    via: PlanNode | None  # the objective or group that names the commune, if not the action
    via_url: str = ""


@dataclass
class ActionEntry:
    node: PlanNode
    url: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Section:
    """Actions under one axis, with sub-sections: its orientations, or, for the actions of a
    commune, the objective or group that names the commune for all the actions under it."""

    node: PlanNode | None
    url: str
    entries: list[ActionEntry] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # why a sub-section applies

    @property
    def size(self) -> int:
        return len(self.entries) + sum(sub.size for sub in self.subsections)


@dataclass
class Place:
    """A commune an action applies to, for the action page."""

    commune: Commune
    url: str
    evidence: list[str]


class TerritoryCommunes:
    """The communes of a territory with what the current plan does for each."""

    def __init__(self, territory, communes, roles, plan, geography, outline):
        self.territory = territory
        self.communes: list[Commune] = sorted(communes, key=lambda c: (search_key(c.name), c.pk))
        self.roles: dict[int, list[CommuneRole]] = defaultdict(list)
        for role in roles:
            self.roles[role.commune_id].append(role)
        self.plan: Plan | None = plan
        self.geography: PlanGeography | None = geography
        self.outline: PlanOutline | None = outline
        self._prefix = commune_url_prefix(territory.slug)

    @classmethod
    def load(
        cls,
        territory: Territory,
        *,
        boundaries: bool = True,
        roles: bool = True,
        drafts: bool = False,
    ) -> "TerritoryCommunes":
        communes = Commune.objects.of_territory(territory)
        if not boundaries:
            communes = communes.defer("boundary")
        found_roles = []
        if roles:
            found_roles = CommuneRole.objects.filter(territory=territory).order_by("role", "id")
        plan = Plan.objects.of_territory(territory).current()
        geography = outline = None
        if plan is not None:
            geography = PlanGeography.load(plan, drafts=drafts)
            outline = PlanOutline(geography.tree, territory.slug)
        return cls(territory, list(communes), list(found_roles), plan, geography, outline)

    def url(self, commune: Commune) -> str:
        return f"{self._prefix}{commune.insee}/"

    def get(self, insee: str) -> Commune | None:
        return next((c for c in self.communes if c.insee == insee), None)

    def counts(self):
        return self.geography.specific_action_counts() if self.geography else {}

    def rows(self, communes: list[Commune] | None = None) -> list[CommuneRow]:
        counts = self.counts()
        rows = []
        for commune in self.communes if communes is None else communes:
            count = counts.get(commune.pk, 0)
            rate = count * 1000 / commune.population if commune.population else None
            rows.append(CommuneRow(commune, self.url(commune), self.roles[commune.pk], count, rate))
        return rows

    # -- one commune ---------------------------------------------------------------------

    def specific_sections(self, commune: Commune) -> list[Section]:
        """The actions that name the commune, by axis. Actions that apply because an
        objective (or group) names the commune are listed under it, its evidence once."""
        if self.geography is None:
            return []
        tree, url = self.outline.tree, self.outline.url
        items = []
        for action, links in self.geography.specific_actions(commune.pk):
            direct = [Mention(link, None) for link in links if link.node_id == action.pk]
            inherited = [
                Mention(link, tree.by_id[link.node_id], url(tree.by_id[link.node_id]))
                for link in links
                if link.node_id != action.pk
            ]
            entry = ActionEntry(action, url(action), direct)
            if direct or not inherited:
                entry.mentions += inherited
                items.append((entry, None, []))
                continue
            # The nearest node that names the commune heads the group.
            nearest = max(inherited, key=lambda m: len(tree.ancestors(m.via)))
            entry.mentions = [m for m in inherited if m.via.pk != nearest.via.pk]
            heading = [Mention(m.link, None) for m in inherited if m.via.pk == nearest.via.pk]
            items.append((entry, nearest.via, heading))
        return self.by_axis(items)

    def territory_wide_sections(self) -> list[Section]:
        """The actions that name no commune, by axis and orientation."""
        if self.geography is None:
            return []
        items = []
        for action in self.geography.territory_wide_actions():
            ancestors = self.outline.tree.ancestors(action)
            orientation = next(
                (a for a in ancestors[1:] if a.kind == PlanNode.Kind.ORIENTATION), None
            )
            items.append((ActionEntry(action, self.outline.url(action)), orientation, []))
        return self.by_axis(items)

    def by_axis(self, items: list[tuple[ActionEntry, PlanNode | None, list]]) -> list[Section]:
        """(entry, sub-section node or None, its mentions) grouped by axis, in plan order;
        actions outside any axis last."""
        tree, url = self.outline.tree, self.outline.url
        axes: dict[int | None, Section] = {}
        subsections: dict[tuple[int | None, int], Section] = {}
        for entry, sub_node, mentions in items:
            ancestors = tree.ancestors(entry.node)
            axis = ancestors[0] if ancestors else None
            key = axis.pk if axis else None
            if key not in axes:
                axes[key] = Section(axis, url(axis) if axis else "")
            section = axes[key]
            if sub_node is not None:
                sub_key = (key, sub_node.pk)
                if sub_key not in subsections:
                    subsections[sub_key] = Section(sub_node, url(sub_node), mentions=mentions)
                    section.subsections.append(subsections[sub_key])
                section = subsections[sub_key]
            section.entries.append(entry)
        loose = axes.pop(None, None)
        return [*axes.values(), *([loose] if loose else [])]


def commune_url_prefix(slug: str) -> str:
    """The address of a commune page without its INSEE code: reverse once, not per commune."""
    return reverse("portal:commune", args=[slug, "00000"]).removesuffix("00000/")


def places_of(geography: PlanGeography, node: PlanNode, slug: str) -> list[Place]:
    """The communes a node applies to, each once with every evidence, by name."""
    prefix = commune_url_prefix(slug)
    by_commune: dict[int, Place] = {}
    for link in geography.links_of(node):
        place = by_commune.get(link.commune_id)
        if place is None:
            place = Place(link.commune, f"{prefix}{link.commune.insee}/", [])
            by_commune[link.commune_id] = place
        if link.evidence and link.evidence not in place.evidence:
            place.evidence.append(link.evidence)
    return sorted(by_commune.values(), key=lambda p: search_key(p.commune.name))
