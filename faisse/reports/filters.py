"""The dashboard's filters, read from the URL (`?axe=&statut=&priorite=&pilote=&commune=
&programme=&odd=&carte=`) so that a filtered view can be shared, and applied in memory to
the actions of the plan.

A value that does not name anything the person may see (`?axe=abc`, `?commune=99999`, a
draft axis for the public, `?pilote=` for the public) is not applied: it becomes a French
message on the page, never an error. The values in the URL are French words
(`statut=en_cours`), the values of the database are accepted too.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from faisse.actions import statuses
from faisse.actions.models import SDG, ActionSheet
from faisse.actions.statuses import Status

# The parameters, in the order the URLs write them.
PARAMS = ("axe", "statut", "priorite", "pilote", "commune", "programme", "odd", "carte")
NONE_SLUG = "sans"
STATUS_SLUGS = {
    "a_venir": Status.PLANNED,
    "en_cours": Status.IN_PROGRESS,
    "realise": Status.DONE,
    "en_pause": Status.PAUSED,
    "abandonne": Status.ABANDONED,
    "bloque": Status.BLOCKED,
    "en_retard": Status.LATE,
    "a_discuter": Status.TO_DISCUSS,
    NONE_SLUG: Status.NONE,
}
Priority = ActionSheet.Priority
PRIORITY_SLUGS = {
    "eleve": Priority.HIGH,
    "moyen": Priority.MEDIUM,
    "bas": Priority.LOW,
    NONE_SLUG: "",
}
STATUS_SLUG_OF = {value: slug for slug, value in STATUS_SLUGS.items()}
PRIORITY_SLUG_OF = {value: slug for slug, value in PRIORITY_SLUGS.items()}
MAP_PROGRESS, MAP_BUDGET = "avancement", "budget"
MAX_ECHO = 40  # characters of a refused value written back in the message


def priority_label(value: str) -> str:
    return str(dict(Priority.choices).get(value) or _("Sans priorité"))


@dataclass(frozen=True)
class Choices:
    """What the filters may name, for this person: from the loaded plan, no query."""

    axes: dict  # node pk → PlanNode (the roots of the tree the person sees)
    communes: dict  # insee → Commune
    pilots: dict  # user pk → User (pilots of the plan's actions; empty for the public)
    programmes: dict  # programme pk → Programme (those the plan's actions belong to)
    members: bool  # view_drafts: pilots' names and budgets


@dataclass
class Filters:
    axis: object = None  # PlanNode
    status: str | None = None  # a Status value ("" = without status); None = any
    priority: str | None = None
    pilot: object = None  # User
    commune: object = None  # Commune
    programme: object = None  # Programme
    sdg: int | None = None
    map: str = MAP_PROGRESS
    errors: list[str] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)  # the valid ones, as written
    base: str = ""  # the dashboard's path

    @property
    def active(self) -> bool:
        """Whether some actions are left out (the map's switch is no filter)."""
        return any(key != "carte" for key in self.params)

    def query(self, **changes) -> str:
        """The query string of this view with some parameters changed (None removes one),
        "" when nothing is left; it starts with "?" otherwise."""
        params = {**self.params, **changes}
        pairs = [(key, params[key]) for key in PARAMS if params.get(key) not in (None, "")]
        return f"?{urlencode(pairs)}" if pairs else ""

    def url(self, anchor: str = "", **changes) -> str:
        """This view's address with some parameters changed, to a part of the page."""
        return f"{self.base}{self.query(**changes)}{'#' + anchor if anchor else ''}"

    def matches(self, node, follow_up, geography) -> bool:
        """Whether an action is kept by every filter (the axis is checked by the caller,
        on the tree: an action shared under the axis belongs to it too)."""
        sheet = follow_up.sheets.get(node.pk)
        if self.status is not None and (sheet.status if sheet else "") != self.status:
            return False
        if self.priority is not None and (sheet.priority if sheet else "") != self.priority:
            return False
        if self.sdg is not None and (not sheet or self.sdg not in sheet.sdgs):
            return False
        if self.pilot is not None and self.pilot not in follow_up.pilots.get(node.pk, []):
            return False
        if self.programme is not None and self.programme not in follow_up.programmes.get(
            node.pk, []
        ):
            return False
        if self.commune is not None:
            communes = {link.commune_id for link in geography.links_of(node)}
            if self.commune.pk not in communes:
                return False
        return True


def _echo(value: str) -> str:
    return value if len(value) <= MAX_ECHO else value[: MAX_ECHO - 1] + "…"


def _number(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def read_filters(params, choices: Choices, base: str = "") -> Filters:
    """The filters of a query string (a QueryDict or a dict), checked against `choices`;
    `base` is the dashboard's path, for the links that change a filter."""
    found = Filters(base=base)

    def refuse(name: str, reason: str) -> None:
        found.errors.append(
            _("Filtre « %(name)s » ignoré : %(reason)s.") % {"name": name, "reason": reason}
        )

    def value_of(name: str) -> str:
        return " ".join(str(params.get(name, "") or "").split())

    if value := value_of("axe"):
        number = _number(value)
        if number is None:
            refuse("axe", _("« %(value)s » n’est pas un numéro d’axe") % {"value": _echo(value)})
        elif number not in choices.axes:
            refuse("axe", _("aucun axe n° %(value)s dans ce projet") % {"value": number})
        else:
            found.axis = choices.axes[number]
            found.params["axe"] = str(number)

    if value := value_of("statut"):
        slug = STATUS_SLUG_OF.get(value, value)  # a database value is accepted too
        if slug not in STATUS_SLUGS:
            allowed = ", ".join(status_choices())
            refuse(
                "statut",
                _("« %(value)s » n’est pas un statut (statuts : %(allowed)s)")
                % {"value": _echo(value), "allowed": allowed},
            )
        else:
            found.status = STATUS_SLUGS[slug]
            found.params["statut"] = slug

    if value := value_of("priorite"):
        slug = PRIORITY_SLUG_OF.get(value, value)
        if slug not in PRIORITY_SLUGS:
            refuse(
                "priorite",
                _("« %(value)s » n’est pas une priorité (eleve, moyen, bas ou sans)")
                % {"value": _echo(value)},
            )
        else:
            found.priority = PRIORITY_SLUGS[slug]
            found.params["priorite"] = slug

    if value := value_of("pilote"):
        number = _number(value)
        if not choices.members:
            refuse("pilote", _("les pilotes ne sont montrés qu’aux membres du territoire"))
        elif number is None:
            refuse(
                "pilote",
                _("« %(value)s » n’est pas un numéro de personne") % {"value": _echo(value)},
            )
        elif number not in choices.pilots:
            refuse(
                "pilote",
                _("aucune action de ce projet n’a pour pilote la personne n° %(value)s")
                % {"value": number},
            )
        else:
            found.pilot = choices.pilots[number]
            found.params["pilote"] = str(number)

    if value := value_of("commune"):
        if value not in choices.communes:
            refuse(
                "commune",
                _("aucune commune de code INSEE « %(value)s » dans ce territoire")
                % {"value": _echo(value)},
            )
        else:
            found.commune = choices.communes[value]
            found.params["commune"] = value

    if value := value_of("programme"):
        number = _number(value)
        if number is None:
            refuse(
                "programme",
                _("« %(value)s » n’est pas un numéro de programme") % {"value": _echo(value)},
            )
        elif number not in choices.programmes:
            refuse(
                "programme",
                _("aucune action de ce projet n’appartient au programme n° %(value)s")
                % {"value": number},
            )
        else:
            found.programme = choices.programmes[number]
            found.params["programme"] = str(number)

    if value := value_of("odd"):
        number = _number(value)
        if number not in SDG.values:
            refuse(
                "odd",
                _("« %(value)s » n’est pas un objectif de développement durable (de 1 à 17)")
                % {"value": _echo(value)},
            )
        else:
            found.sdg = number
            found.params["odd"] = str(number)

    if value := value_of("carte"):
        if value not in (MAP_PROGRESS, MAP_BUDGET):
            refuse(
                "carte",
                _("« %(value)s » n’est pas une carte proposée (avancement ou budget)")
                % {"value": _echo(value)},
            )
        elif value == MAP_BUDGET and not choices.members:
            refuse("carte", _("la carte des budgets est réservée aux membres du territoire"))
        else:
            found.map = value
            if value != MAP_PROGRESS:
                found.params["carte"] = value
    return found


def status_choices() -> dict[str, str]:
    """{URL word: French label}, in the order of the statuses, "sans" last."""
    found = {STATUS_SLUG_OF[value]: str(label) for value, label in statuses.CHOICES}
    found[NONE_SLUG] = str(statuses.NO_STATUS_LABEL)
    return found


def priority_choices() -> dict[str, str]:
    return {slug: priority_label(value) for slug, value in PRIORITY_SLUGS.items()}


# -- the form and the list of applied filters ---------------------------------------------


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


SELECTED = mark_safe(" selected")


@dataclass(frozen=True)
class Field:
    name: str  # the URL parameter, also the select's name and (prefixed) its id
    label: str
    any_label: str  # the first option, which filters nothing
    options: list[Option]

    @property
    def options_html(self) -> SafeString:
        """The select's options written here rather than by a template loop: a dashboard
        offers some 150 of them (communes, pilots, goals), a tenth of its rendering."""
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (o.value, mark_safe(" selected") if o.selected else "", o.label)
                for o in self.options
            ),
        )


@dataclass(frozen=True)
class Applied:
    """A filter in force, said in words, with the link that removes it."""

    name: str
    value: str
    remove_url: str


def _options(pairs, current: str) -> list[Option]:
    return [Option(str(value), str(label), str(value) == current) for value, label in pairs]


def form_fields(choices: Choices, filters: Filters) -> list[Field]:
    """The selects of the filter form, in the order of PARAMS; the pilot's for members."""
    current = filters.params
    fields = [
        Field(
            "axe",
            _("Axe"),
            _("Tous les axes"),
            _options(((pk, node.label) for pk, node in choices.axes.items()), current.get("axe")),
        ),
        Field(
            "statut",
            _("Statut"),
            _("Tous les statuts"),
            _options(status_choices().items(), current.get("statut")),
        ),
        Field(
            "priorite",
            _("Priorité"),
            _("Toutes les priorités"),
            _options(priority_choices().items(), current.get("priorite")),
        ),
    ]
    if choices.members:
        pilots = sorted(choices.pilots.values(), key=lambda user: str(user).casefold())
        fields.append(
            Field(
                "pilote",
                _("Pilote"),
                _("Tous les pilotes"),
                _options(((user.pk, str(user)) for user in pilots), current.get("pilote")),
            )
        )
    communes = sorted(choices.communes.values(), key=lambda commune: commune.name.casefold())
    fields += [
        Field(
            "commune",
            _("Commune"),
            _("Toutes les communes"),
            _options(
                ((commune.insee, commune.name) for commune in communes), current.get("commune")
            ),
        ),
        Field(
            "programme",
            _("Programme ou contrat"),
            _("Tous les programmes"),
            _options(
                (
                    (pk, programme.name)
                    for pk, programme in sorted(
                        choices.programmes.items(), key=lambda item: item[1].name.casefold()
                    )
                ),
                current.get("programme"),
            ),
        ),
        Field(
            "odd",
            _("Objectif de développement durable"),
            _("Tous les objectifs"),
            _options(
                ((number, f"{number}. {label}") for number, label in SDG.choices),
                current.get("odd"),
            ),
        ),
    ]
    return fields


def applied(filters: Filters) -> list[Applied]:
    """The filters in force, in words, each with the link that removes it."""
    found = []
    words = {
        "axe": (_("axe"), filters.axis and filters.axis.label),
        "statut": (_("statut"), filters.status is not None and statuses.label(filters.status)),
        "priorite": (
            _("priorité"),
            filters.priority is not None and priority_label(filters.priority),
        ),
        "pilote": (_("pilote"), filters.pilot and str(filters.pilot)),
        "commune": (_("commune"), filters.commune and filters.commune.name),
        "programme": (_("programme"), filters.programme and filters.programme.name),
        "odd": (_("objectif de développement durable"), filters.sdg and SDG(filters.sdg).label),
    }
    for name, (label, value) in words.items():
        if name in filters.params:
            found.append(Applied(str(label), str(value), filters.url(**{name: None})))
    return found
