"""The editors' form of an action sheet, with its budget lines, fundings, milestones and
documents as formsets (extra empty rows: it works without JavaScript)."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from faisse.accounts.models import Membership, User
from faisse.actions.models import (
    SDG,
    ActionDocument,
    ActionSheet,
    BudgetLine,
    Funding,
    Milestone,
    Organisation,
    Programme,
)
from faisse.core.french import fold

ORGANISATION_FIELDS = {
    "lead_structures": _("Structures pilotes"),
    "lead_services": _("Directions ou services pilotes"),
    "partners": _("Partenaires"),
}
LIST_HELP = _("Séparez par des virgules.")


def split_names(text: str) -> list[str]:
    """Names separated by commas or new lines, blanks and repeats removed."""
    seen, names = set(), []
    for name in text.replace("\n", ",").split(","):
        name = " ".join(name.split())
        if name and fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    return names


def organisations(territory_id: int, names: list[str]) -> list[Organisation]:
    """The territory's organisations of these names, created when missing (two queries)."""
    folded = {fold(name): name for name in names}
    found = {
        o.folded: o
        for o in Organisation.objects.filter(territory_id=territory_id).filter(folded__in=folded)
    }
    for key, name in folded.items():
        if key not in found:
            found[key] = Organisation.objects.create(territory_id=territory_id, name=name)
    return [found[key] for key in folded]


class SheetForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Objectifs de développement durable"),
        choices=SDG.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ActionSheet
        fields = (
            "status",
            "priority",
            "progress",
            "progress_source",
            "start_date",
            "end_date",
            "continuous",
            "participation",
            "budget_total",
            "objectives",
            "expected_effects",
            "target_audiences",
            "themes",
            "sub_themes",
            "governance",
            "resources",
            "funding_notes",
            "indicator_notes",
            "schedule",
            "related_measures",
            "related_actions",
            "additional_notes",
            "pilot_names",
            "referent_names",
            "elected_referents",
            "programmes",
            "sdgs",
        )
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "elected_referents": forms.CheckboxSelectMultiple,
            "programmes": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs={"rows": 3}) for name in ActionSheet.TEXT_FIELDS},
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ActionSheet.LIST_FIELDS:
            field = forms.CharField(
                label=self.fields[name].label, required=False, help_text=LIST_HELP
            )
            self.fields[name] = field
            if self.instance.pk or not self.is_bound:
                self.initial[name] = ", ".join(getattr(self.instance, name) or [])
        for name, label in ORGANISATION_FIELDS.items():
            self.fields[name] = forms.CharField(label=label, required=False, help_text=LIST_HELP)
            if self.instance.pk:
                self.initial[name] = ", ".join(str(o) for o in getattr(self.instance, name).all())
        members = Membership.objects.filter(territory=territory).values("user_id")
        self.fields["elected_referents"].queryset = User.objects.filter(pk__in=members)
        self.fields["programmes"].queryset = Programme.objects.filter(territory=territory)
        self.fields["status"].label = _("Statut (une correction, datée d’aujourd’hui)")

    def clean(self):
        data = super().clean()
        for name in ActionSheet.LIST_FIELDS:
            data[name] = split_names(data.get(name) or "")
        for name in ORGANISATION_FIELDS:
            data[name] = split_names(data.get(name) or "")
        return data


class FundingForm(forms.ModelForm):
    names = forms.CharField(
        label=_("Financeurs"),
        help_text=_("Plusieurs financeurs d’un même montant : séparez-les par des virgules."),
    )

    class Meta:
        model = Funding
        fields = ("names", "amount", "year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["names"] = ", ".join(str(o) for o in self.instance.financers.all())


BudgetLineFormSet = inlineformset_factory(
    ActionSheet, BudgetLine, fields=("year", "kind", "nature", "amount"), extra=2
)
FundingFormSet = inlineformset_factory(ActionSheet, Funding, form=FundingForm, extra=2)
MilestoneFormSet = inlineformset_factory(
    ActionSheet,
    Milestone,
    fields=("title", "due_on", "done", "done_on"),
    extra=2,
    widgets={
        "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        "done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    },
)
DocumentFormSet = inlineformset_factory(
    ActionSheet, ActionDocument, fields=("title", "url"), extra=1
)
FORMSETS = {
    "lignes": (BudgetLineFormSet, _("Lignes budgétaires (€ HT)")),
    "financements": (FundingFormSet, _("Financements (€ HT)")),
    "etapes": (MilestoneFormSet, _("Étapes")),
    "documents": (DocumentFormSet, _("Documents et liens")),
}
