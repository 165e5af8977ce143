"""Forms of the proposals: the élu's proposal, the editors' decisions and list filters."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from faisse.core.text import TextValidator
from faisse.participation.models import ProcessStep
from faisse.plans.models import PlanNode
from faisse.plans.similarity import plan_actions
from faisse.proposals.models import MAX_COST, Proposal
from faisse.proposals.submission import PLACES, place_groups, step_label

_SPACES = re.compile(r"[\s\u00a0\u202f.]")
_EUROS = re.compile(r"(€|euros?|eur)$", re.IGNORECASE)


class EuroField(forms.Field):
    """A whole number of euros, written as people write it: "150 000", "150 000 €"."""

    default_error_messages = {
        "invalid": _(
            "Écrivez un montant en euros, en chiffres, sans centimes (par exemple 150 000)."
        ),
        "too_big": _("Ce montant dépasse 10 milliards d’euros : vérifiez-le."),
    }

    def to_python(self, value):
        text = _SPACES.sub("", _EUROS.sub("", str(value or "").strip()).strip())
        if not text:
            return None
        if not (text.isascii() and text.isdecimal()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        amount = int(text)
        if amount > MAX_COST:
            raise ValidationError(self.error_messages["too_big"], code="too_big")
        return amount


def grouped_places(tree, empty_label) -> list:
    """Choices of objectives and groups, grouped under their orientation (optgroups)."""
    choices = [("", empty_label)]
    for group in place_groups(tree):
        options = [(node.pk, ("↳ " * indent) + node.working_label) for node, indent in group.places]
        choices.append((group.label or _("Objectifs"), options))
    return choices


def places_queryset(plan):
    return PlanNode.objects.filter(plan=plan, kind__in=PLACES)


def _step_choice(step) -> str:
    label = step_label(step)
    return label[:1].upper() + label[1:]


class ProposalForm(forms.ModelForm):
    estimated_cost = EuroField(
        label=_("Coût estimé, en euros"),
        required=False,
        help_text=_("Un ordre de grandeur suffit, par exemple 150 000."),
    )
    # The text for which the communes were last suggested (submission.text_digest).
    reviewed_text = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Proposal
        fields = [
            "step",
            "title",
            "description",
            "objective",
            "communes",
            "estimated_cost",
            "partners",
            "on_behalf_of",
        ]
        labels = {
            "step": _("Étape de la démarche"),
            "title": _("Intitulé de l’action proposée"),
            "description": _("Description"),
            "objective": _("Objectif du projet que l’action sert"),
            "communes": _("Communes concernées"),
            "partners": _("Partenaires envisagés"),
            "on_behalf_of": _("Au nom de"),
        }
        help_texts = {
            "title": _("Une phrase qui commence par un verbe : « Créer une voie verte… »."),
            "description": _(
                "Ce que l’action ferait, où, pour qui. Les communes que le texte nomme vous "
                "seront proposées."
            ),
            "partners": _("Organismes, associations, services qui porteraient l’action."),
            "on_behalf_of": _(
                "Pour un·e animateur·rice d’atelier qui écrit la proposition d’un groupe "
                "(« Atelier du 12 mars, secteur Cévennes »). Sinon, laissez vide."
            ),
        }
        widgets = {
            "step": forms.RadioSelect,
            "title": forms.TextInput,
            "description": forms.Textarea(attrs={"rows": 6}),
            "communes": forms.CheckboxSelectMultiple,
            "partners": forms.TextInput,
        }

    def __init__(self, *args, territory, steps, tree, **kwargs):
        super().__init__(*args, **kwargs)
        step = self.fields["step"]
        step.queryset = ProcessStep.objects.filter(pk__in=[s.pk for s in steps])
        step.required = True
        step.empty_label = None
        step.error_messages["required"] = _("Choisissez l’étape de la démarche.")
        step.label_from_instance = _step_choice
        if len(steps) == 1:
            self.initial.setdefault("step", steps[0].pk)
        self.fields["title"].max_length = settings.MAX_TITLE_LENGTH
        self.fields["description"].required = True
        objective = self.fields["objective"]
        if tree is None:
            objective.queryset = PlanNode.objects.none()
        else:
            objective.queryset = places_queryset(tree.plan)
            objective.choices = grouped_places(tree, _("— choisir —"))
            objective.required = True
        self.fields["communes"].queryset = territory.communes.all()

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError(_("Donnez un intitulé à l’action proposée."))
        return title


class AcceptForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=_("Placer l’action sous"),
        queryset=PlanNode.objects.none(),
        error_messages={"required": _("Choisissez l’objectif ou le sous-ensemble.")},
    )
    title = forms.CharField(
        label=_("Intitulé de l’action"),
        help_text=_("Celui de la proposition ; vous pouvez le reformuler."),
        validators=[TextValidator("title")],
    )

    def __init__(self, *args, tree, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = places_queryset(tree.plan)
        self.fields["parent"].choices = grouped_places(tree, _("— choisir —"))
        self.fields["title"].max_length = settings.MAX_TITLE_LENGTH


class MergeForm(forms.Form):
    action = forms.ModelChoiceField(
        label=_("Action qui accueille la proposition"),
        queryset=PlanNode.objects.none(),
        error_messages={"required": _("Choisissez l’action.")},
    )

    def __init__(self, *args, tree, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["action"]
        field.queryset = PlanNode.objects.filter(plan=tree.plan, kind=PlanNode.Kind.ACTION)
        closest = [
            (
                node.pk,
                _("%(label)s — similarité %(score)s")
                % {"label": node.label, "score": f"{score:.2f}".replace(".", ",")},
            )
            for node, score in candidates
        ]
        others = [(node.pk, node.working_label) for node in plan_actions(tree)]
        choices = [("", _("— choisir —"))]
        if closest:
            choices.append((_("Les plus proches de la proposition"), closest))
        choices.append((_("Toutes les actions, dans l’ordre du projet"), others))
        field.choices = choices


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        help_text=_("L’auteur·rice de la proposition le lira dans « Mes propositions »."),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[TextValidator("text")],
        error_messages={
            "required": _("Donnez le motif : l’auteur·rice de la proposition le lira.")
        },
    )


class FilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Tous"))] + list(Proposal.State.choices),
    )
    step = forms.TypedChoiceField(label=_("Étape"), required=False, coerce=int, empty_value=None)
    commune = forms.TypedChoiceField(
        label=_("Commune concernée"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, steps, communes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [("", _("Toutes"))] + [(s.pk, s.title) for s in steps]
        self.fields["commune"].choices = [("", _("Toutes"))] + [(c.pk, c.name) for c in communes]
