"""The builder's forms: a questionnaire's settings, a page, a question."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.models import Commission
from faisse.participation.models import ProcessStep
from faisse.questionnaires.building import BuildError, resolve_condition, response_count
from faisse.questionnaires.models import Question, Questionnaire, Section

MOMENT_FORMAT = "%Y-%m-%dT%H:%M"


class MomentInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=MOMENT_FORMAT, **kwargs)


class QuestionnaireForm(forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = [
            "title",
            "number",
            "description",
            "step",
            "audience",
            "group",
            "commission",
            "anonymous",
            "opens_on",
            "closes_on",
        ]
        widgets = {
            "audience": forms.RadioSelect,
            "group": forms.RadioSelect,
            "opens_on": MomentInput,
            "closes_on": MomentInput,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "anonymous": gettext_lazy(
                "Les réponses ne gardent pas le nom de la personne, seulement sa commune, son "
                "rôle et ses commissions ; aucun résultat n’est montré pour moins de 5 personnes."
            ),
            "opens_on": gettext_lazy("Heure de Paris."),
            "closes_on": gettext_lazy(
                "Heure de Paris. Les réponses restent modifiables jusque-là."
            ),
            "group": gettext_lazy("Pour un questionnaire de membres : qui reçoit un lien."),
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        for name in ("opens_on", "closes_on"):
            self.fields[name].input_formats = [MOMENT_FORMAT]
        self.fields["step"].queryset = ProcessStep.objects.filter(territory=territory)
        self.fields["step"].empty_label = _("— aucune —")
        self.fields["commission"].queryset = Commission.objects.filter(territory=territory)
        self.fields["commission"].empty_label = _("— aucune —")
        self.fields["group"].required = False
        answered = self.instance.pk and response_count(self.instance)
        if self.instance.pk and self.instance.published_at:
            self.fields["audience"].disabled = True
        if answered:
            self.fields["anonymous"].disabled = True

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on <= opens_on:
            self.add_error("closes_on", _("La clôture doit suivre l’ouverture."))
        if data.get("audience") == Questionnaire.Audience.PUBLIC:
            data["group"] = ""
            data["commission"] = None
        else:
            data["group"] = data.get("group") or Questionnaire.Group.ELECTED
            if data["group"] == Questionnaire.Group.COMMISSION and not data.get("commission"):
                self.add_error("commission", _("Choisissez la commission interrogée."))
            if data["group"] != Questionnaire.Group.COMMISSION:
                data["commission"] = None
        return data

    def save(self, commit=True):
        questionnaire = super().save(commit=False)
        questionnaire.territory = self.territory
        if commit:
            questionnaire.save()
        return questionnaire


class ResultsVisibilityForm(forms.ModelForm):
    """Who may read the results: the editors' one way to publish them (the settings form
    leaves it out)."""

    class Meta:
        model = Questionnaire
        fields = ["results_visibility"]
        widgets = {"results_visibility": forms.RadioSelect}
        labels = {"results_visibility": gettext_lazy("Qui voit les résultats")}


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class NewQuestionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Type de question"), choices=Question.Kind.choices)
    label = forms.CharField(label=gettext_lazy("Question"), max_length=1000)


class ScaleField(forms.CharField):
    """A list of labels, one per line."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):  # a disabled field gives back its initial list
            return value
        lines = [" ".join(line.split()) for line in str(value or "").splitlines()]
        return [line for line in lines if line]


class QuestionForm(forms.ModelForm):
    scale = ScaleField(
        label=gettext_lazy("Échelle (un libellé par ligne)"),
        required=False,
        help_text=gettext_lazy(
            "Likert : les points, du plus faible au plus fort. Jugement majoritaire : les "
            "mentions, la meilleure d’abord (Excellent … À rejeter). Tableau : les colonnes."
        ),
    )
    condition_value = forms.CharField(
        label=gettext_lazy("… a pour réponse"),
        required=False,
        max_length=255,
        help_text=gettext_lazy(
            "Le libellé du choix, le point de l’échelle, ou la commune (nom ou code INSEE)."
        ),
    )

    class Meta:
        model = Question
        fields = [
            "label",
            "key",
            "kind",
            "help_text",
            "required",
            "max_choices",
            "total",
            "scale",
            "show_if_question",
        ]
        widgets = {
            "label": forms.Textarea(attrs={"rows": 2}),
            "help_text": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "key": gettext_lazy("Nomme la colonne de l’export : lettres, chiffres, _ ou -."),
            "max_choices": gettext_lazy(
                "Choix multiples : au plus ce nombre de choix. Classement : le nombre de rangs "
                "à donner (tous si vide). Tableau : cases par ligne (1 si vide)."
            ),
            "total": gettext_lazy("Répartition de points : le total à répartir, par exemple 100."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question = self.instance
        self.locked = bool(response_count(question.questionnaire))
        for name in ("key", "kind", "scale", "total", "max_choices"):
            self.fields[name].disabled = self.locked
        earlier = Question.objects.filter(
            questionnaire=question.questionnaire,
            section__position__lt=question.section.position,
            kind__in=Question.CONDITION_SOURCES,
        ).order_by("section__position", "position")
        self.fields["show_if_question"].queryset = earlier
        self.fields["show_if_question"].label = _("Afficher seulement si la question…")
        self.fields["show_if_question"].empty_label = _("— toujours afficher —")
        if question.show_if_option_id:
            self.initial["condition_value"] = question.show_if_option.label
        elif question.show_if_question_id and question.show_if_question.kind == "likert":
            point = question.show_if_value
            scale = question.show_if_question.scale
            if point.isdecimal() and 1 <= int(point) <= len(scale):
                self.initial["condition_value"] = scale[int(point) - 1]
        else:
            self.initial["condition_value"] = question.show_if_value

    def clean_key(self):
        key = self.cleaned_data["key"]
        others = Question.objects.filter(questionnaire=self.instance.questionnaire, key=key)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Une autre question de ce questionnaire a cette clé."))
        return key

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        scale = data.get("scale") or []
        if kind in Question.WITH_SCALE and len(scale) < 2 and not self.locked:
            self.add_error("scale", _("Donnez au moins deux libellés, un par ligne."))
        if kind == Question.Kind.POINTS and not data.get("total") and not self.locked:
            self.add_error("total", _("Donnez le nombre de points à répartir."))
        if data.get("max_choices") == 0:
            self.add_error("max_choices", _("Au moins 1, ou vide."))
        question = self.instance
        try:
            resolve_condition(
                question, data.get("show_if_question"), data.get("condition_value", "")
            )
        except BuildError as error:
            self.add_error("condition_value", str(error))
        return data
