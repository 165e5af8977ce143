"""Forms of indicators: the editors' definition (with its targets, one line per year),
and a measured value. Numbers are read the French way: "1 234,5" as well as "1234.5"."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.abilities import GRANTS
from faisse.accounts.models import User
from faisse.core.text import text_problem
from faisse.indicators.models import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_DECIMALS,
    VALUE_DIGITS,
    Indicator,
    IndicatorValue,
)

SPACES = re.compile(r"[\s\u00a0\u202f]")
TARGET_LINE = re.compile(r"^(\d{4})\s*(?:[:=;]\s*|\s+)(\S.*)$")
MAX_TARGETS = 100


def read_number(text: str) -> Decimal | None:
    """ "1 234,5", "1234.5", "-3" → Decimal; None when it is not a number the values
    can hold (20 digits, 4 after the comma)."""
    cleaned = SPACES.sub("", text).replace(",", ".").replace("\u2212", "-")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    digits = VALUE_DIGITS["max_digits"] - VALUE_DIGITS["decimal_places"]
    if number.as_tuple().exponent < -MAX_DECIMALS or abs(number) >= Decimal(10) ** digits:
        return None
    return number


def plain_number(value: Decimal) -> str:
    """ "1200,5": what a person would type, without the zeros the database keeps."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def parse_targets(text: str) -> dict[int, Decimal]:
    """ "2025 : 200" per line → {2025: Decimal(200)}; ValidationError naming the line."""
    problem = text_problem(text, "text")
    if problem:
        raise forms.ValidationError(problem)
    targets: dict[int, Decimal] = {}
    lines: dict[int, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        match = TARGET_LINE.match(line)
        value = read_number(match.group(2)) if match else None
        if value is None:
            raise forms.ValidationError(
                _(
                    "Ligne %(line)s (« %(text)s ») : écrivez l’année, deux-points et la valeur, "
                    "par exemple « 2030 : 1 250,5 » (4 chiffres au plus après la virgule)."
                )
                % {"line": number, "text": line[:60]}
            )
        year = int(match.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Ligne %(line)s : l’année %(year)s n’est pas plausible.")
                % {"line": number, "year": year}
            )
        if year in targets:
            raise forms.ValidationError(
                _("Ligne %(line)s : l’année %(year)s a déjà une cible (ligne %(first)s).")
                % {"line": number, "year": year, "first": lines[year]}
            )
        targets[year], lines[year] = value, number
    if len(targets) > MAX_TARGETS:
        raise forms.ValidationError(_("Au plus %(max)s cibles.") % {"max": MAX_TARGETS})
    return dict(sorted(targets.items()))


class NumberField(forms.Field):
    """A decimal number typed the French way (or with a point)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        number = read_number(text[:60])
        if number is None:
            raise forms.ValidationError(
                _(
                    "« %(text)s » n’est pas un nombre : écrivez par exemple 1 250,5 (4 chiffres "
                    "au plus après la virgule)."
                )
                % {"text": text[:40]}
            )
        return number


class PilotChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.email


def pilot_candidates(territory):
    """Members whose role lets them enter follow-up: who may lead an indicator."""
    roles = [role for role, granted in GRANTS.items() if role and "follow_up" in granted]
    return User.objects.filter(
        is_active=True, memberships__territory=territory, memberships__role__in=roles
    ).order_by("last_name", "first_name", "email")


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IndicatorForm(forms.ModelForm):
    baseline_value = NumberField(label=gettext_lazy("Valeur de référence"), required=False)
    targets_text = forms.CharField(
        label=gettext_lazy("Cibles, une par ligne"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "L’année, deux-points, la valeur visée cette année-là : « 2026 : 120 » puis, à la "
            "ligne, « 2030 : 200 ». Entre deux cibles, la valeur attendue suit la droite qui "
            "les relie ; la valeur de référence compte comme la cible de son année."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Indicator
        fields = [*Indicator.EDITABLE_FIELDS, "pilots"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "baseline_on": DATE_INPUT,
            "pilots": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "unit": gettext_lazy("Par exemple : km, tonnes, %, logements, €."),
            "decimals": gettext_lazy("Chiffres montrés après la virgule, de 0 à 4."),
            "is_published": gettext_lazy("Décoché, l’indicateur n’est vu que des membres."),
            "pilots": gettext_lazy(
                "Ils saisissent les valeurs mesurées, comme les pilotes des actions liées."
            ),
            "default_source": gettext_lazy("Proposée à chaque nouvelle valeur."),
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pilots"] = PilotChoice(
            queryset=pilot_candidates(territory),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=gettext_lazy("Pilotes de l’indicateur"),
            help_text=self.Meta.help_texts["pilots"],
        )
        self.fields["decimals"].widget.attrs.update({"min": 0, "max": MAX_DECIMALS})
        if self.instance.pk and not self.is_bound:
            targets = self.instance.targets.order_by("year")
            self.initial["targets_text"] = "\n".join(
                f"{target.year} : {plain_number(target.value)}" for target in targets
            )
            self.initial["version"] = self.instance.version
            if self.instance.baseline_value is not None:
                self.initial["baseline_value"] = plain_number(self.instance.baseline_value)

    def clean_decimals(self):
        decimals = self.cleaned_data["decimals"]
        if decimals is not None and decimals > MAX_DECIMALS:
            raise forms.ValidationError(_("De 0 à 4 chiffres après la virgule."))
        return decimals

    def clean_targets_text(self):
        return parse_targets(self.cleaned_data["targets_text"])


class ValueForm(forms.ModelForm):
    value = NumberField(label=gettext_lazy("Valeur mesurée"))
    replace = forms.BooleanField(
        label=gettext_lazy("Remplacer la valeur de cette date si elle est déjà saisie"),
        required=False,
    )

    class Meta:
        model = IndicatorValue
        fields = ["on", "value", "source", "comment"]
        widgets = {"on": DATE_INPUT, "comment": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"on": gettext_lazy("Le jour où la valeur a été mesurée ou arrêtée.")}

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > date.today():
            raise forms.ValidationError(_("Une valeur mesurée ne peut pas être datée du futur."))
        if on.year < FIRST_YEAR:
            raise forms.ValidationError(_("Cette date n’est pas plausible."))
        return on

    def validate_unique(self):
        """One value per date is `record_value`'s business (it may replace it)."""
