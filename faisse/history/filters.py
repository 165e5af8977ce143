"""Filters of the activity log, read from the query string (a GET form: it works without
JavaScript and its address can be shared).

`ActivityFilters(request.GET, territory=…, people=…)` checks what was asked and says in
French what is wrong; `apply(querysets, filters)` narrows each history to what was asked,
as SQL conditions and subqueries, so that the log keeps a constant number of queries.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django import forms
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.models import User
from faisse.core.french import fold
from faisse.core.posted import posted_id
from faisse.history.kinds import KINDS, kind_q
from faisse.history.records import INDICATOR, NODE, TRACKED, history_of
from faisse.history.scopes import ELEMENT_SOURCES, about, in_territory
from faisse.territories.models import Territory

AUTOMATIC = "automatique"  # the value of "changes made by an import or a task"
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]  # the date field's value, or typed by hand
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # aware datetimes fit around
MAX_SEARCH_LENGTH = 200
PARAMETERS = ("personne", "du", "au", "element", "changement")


def people_of(territory: Territory) -> list[User]:
    """The people who made a recorded change in the territory, by name (one query)."""
    made = (
        Q(
            pk__in=history_of(source)
            .filter(in_territory(source, territory.pk))
            .values("history_user_id")
        )
        for source in TRACKED
    )
    people = User.objects.filter(reduce(or_, made))
    return sorted(people, key=lambda person: (fold(str(person)), person.pk))


class ActivityFilters(forms.Form):
    personne = forms.ChoiceField(
        label=gettext_lazy("Personne"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choisissez une personne de la liste : celles qui ont fait un changement "
                "dans ce territoire."
            )
        },
    )
    du = forms.DateField(
        label=gettext_lazy("Du"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": gettext_lazy("Saisissez une date au format jj/mm/aaaa, par ex. 31/01/2025.")
        },
    )
    au = forms.DateField(
        label=gettext_lazy("Au (inclus)"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": gettext_lazy("Saisissez une date au format jj/mm/aaaa, par ex. 31/01/2025.")
        },
    )
    element = forms.CharField(
        label=gettext_lazy("Élément"),
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        strip=True,
        help_text=gettext_lazy(
            "Un mot de son intitulé, son numéro (par ex. 2.1) ou son identifiant (le nombre "
            "qui termine l’adresse de sa page)."
        ),
        error_messages={
            "max_length": gettext_lazy(
                "Saisissez au plus %(limit_value)d caractères (vous en avez saisi %(show_value)d)."
            )
        },
    )
    changement = forms.ChoiceField(
        label=gettext_lazy("Type de changement"),
        required=False,
        choices=[("", gettext_lazy("Tous les types")), *((k.key, k.label) for k in KINDS)],
        error_messages={
            "invalid_choice": gettext_lazy("Choisissez un type de changement de la liste.")
        },
    )

    def __init__(self, data, *, territory: Territory, people: list[User]):
        super().__init__(_iso_dates(data))
        self.territory = territory
        self.people = {str(person.pk): person for person in people}
        self.fields["personne"].choices = [
            ("", _("Toutes les personnes")),
            (AUTOMATIC, _("Import ou tâche automatique")),
            *((pk, str(person)) for pk, person in self.people.items()),
        ]
        self.fields["element"].widget.attrs.update(
            {"aria-describedby": "id_element_helptext", "spellcheck": "false"}
        )

    def _clean_date(self, name: str) -> date | None:
        value = self.cleaned_data.get(name)
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise forms.ValidationError(
                _("Choisissez une date entre %(first)s et %(last)s.")
                % {"first": FIRST_DAY.year, "last": LAST_DAY.year}
            )
        return value

    def clean_du(self):
        return self._clean_date("du")

    def clean_au(self):
        return self._clean_date("au")

    def clean(self):
        data = super().clean()
        start, end = data.get("du"), data.get("au")
        if start and end and start > end:
            self.add_error(
                "au",
                _("La date de fin (%(end)s) précède la date de début (%(start)s).")
                % {
                    "start": formats.date_format(start, "SHORT_DATE_FORMAT"),
                    "end": formats.date_format(end, "SHORT_DATE_FORMAT"),
                },
            )
        return data

    def full_clean(self):
        super().full_clean()
        for name in self.errors:  # tell assistive technologies which field is wrong, and why
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described = [attrs.get("aria-describedby", ""), f"id_{name}_error"]
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(filter(None, described))

    @property
    def active(self) -> bool:
        """Whether the form is valid and asks for something."""
        return self.is_valid() and any(self.cleaned_data.get(n) for n in PARAMETERS)

    def query(self) -> str:
        """The filters asked, as a query string without empty values (for the pager)."""
        if not self.is_bound:
            return ""
        return urlencode([(n, self.data[n]) for n in PARAMETERS if self.data.get(n, "").strip()])

    def summary(self) -> list[tuple[str, str]]:
        """The filters applied, as (name, value) for the sentence above the results."""
        if not self.active:
            return []
        data, said = self.cleaned_data, []
        if data["personne"]:
            person = self.people.get(data["personne"])
            name = str(person) if person else _("import ou tâche automatique")
            said.append((_("Personne"), name))
        start, end = data["du"], data["au"]
        if start or end:
            short = "SHORT_DATE_FORMAT"
            if start and end:
                period = _("du %(start)s au %(end)s")
            else:
                period = _("depuis le %(start)s") if start else _("jusqu’au %(end)s")
            values = {
                "start": formats.date_format(start, short) if start else "",
                "end": formats.date_format(end, short) if end else "",
            }
            said.append((_("Période"), period % values))
        if data["element"]:
            said.append((_("Élément"), _("« %(text)s »") % {"text": data["element"]}))
        if data["changement"]:
            label = dict(self.fields["changement"].choices)[data["changement"]]
            said.append((_("Type"), capfirst(str(label))))
        return said


def _iso_dates(data):
    """The query string with its dates typed by hand (31/01/2025) written as a date field
    sends them (2025-01-31): a date field shows no other form, and would send it empty."""
    if data is None:
        return None
    data = data.copy()
    for name in ("du", "au"):
        value = data.get(name, "").strip()
        try:
            data[name] = datetime.strptime(value, "%d/%m/%Y").date().isoformat()
        except ValueError:
            continue
    return data


@dataclass(frozen=True)
class ElementSearch:
    """The elements a search names, as subqueries (no query of their own)."""

    territory_id: int
    text: str

    @property
    def is_id(self) -> bool:
        """A number alone ("42", "#42") names an element by its id or its number, never a
        title that happens to contain those digits ("Projet de territoire 2042")."""
        return posted_id(self.text.removeprefix("#").strip()) is not None

    def _title(self) -> Q:
        if self.is_id:
            return Q(pk__in=[])  # matches nothing
        # SQLite folds the case of ASCII letters only: also try the usual spellings of
        # words with accented capitals ("Économie", "économie").
        text = self.text
        spellings = {text, text.lower(), text.upper(), capfirst(text.lower())}
        return reduce(or_, (Q(title__icontains=s) for s in spellings))

    def node_ids(self) -> QuerySet:
        """Nodes that bear, or once bore, the title, the number or the id searched."""
        wanted = self._title() | Q(number__iexact=self.text)
        pk = posted_id(self.text.removeprefix("#").strip())
        if pk is not None:
            wanted |= Q(id=pk)
        return history_of(NODE).filter(Q(territory_id=self.territory_id) & wanted).values("id")

    def ids(self, source: str) -> QuerySet:
        history = history_of(source).filter(territory_id=self.territory_id)
        return history.filter(self._title()).values("id")

    def q(self, source: str) -> Q:
        if source in ELEMENT_SOURCES:
            # An element's changes (its sheet, the indicators that measure it), and those
            # of the indicators named by the search.
            return about(source, self.node_ids(), indicator_ids=self.ids(INDICATOR))
        return Q(id__in=self.ids(source))  # the plan, its challenges: by their titles


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def apply(querysets: dict[str, QuerySet], filters: ActivityFilters) -> dict[str, QuerySet]:
    """Each history narrowed to what the (valid) filters ask."""
    if not filters.is_bound or not filters.is_valid():
        return querysets
    data = filters.cleaned_data
    wanted = Q()
    if data["personne"] == AUTOMATIC:
        wanted &= Q(history_user__isnull=True)
    elif data["personne"]:
        wanted &= Q(history_user_id=int(data["personne"]))
    if data["du"]:
        wanted &= Q(history_date__gte=_start_of(data["du"]))
    if data["au"]:
        wanted &= Q(history_date__lt=_start_of(data["au"] + timedelta(days=1)))
    if data["changement"]:
        wanted &= kind_q(data["changement"])
    search = None
    if data["element"]:
        search = ElementSearch(filters.territory.pk, data["element"])
    narrowed = {}
    for source, queryset in querysets.items():
        queryset = queryset.filter(wanted)
        if search is not None:
            queryset = queryset.filter(search.q(source))
        narrowed[source] = queryset
    return narrowed
