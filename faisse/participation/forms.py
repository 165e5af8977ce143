"""Forms of the process's management pages."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.participation.models import Deliverable, Process, ProcessStep


class ProcessForm(forms.ModelForm):
    prefix = "demarche"  # its page also has the form of a new step

    class Meta:
        model = Process
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class StepForm(forms.ModelForm):
    """A step; its dates may be given to the month ("octobre 2017"), as in the source."""

    prefix = "etape"

    class Meta:
        model = ProcessStep
        fields = [
            "title",
            "number",
            "phase",
            "kind",
            "description",
            "starts_on",
            "ends_on",
            "date_precision",
            "state_override",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"state_override": gettext_lazy("État affiché")}
        help_texts = {
            "date_precision": gettext_lazy(
                "« mois » : la page dit « octobre 2017 » ; donnez alors le premier et le "
                "dernier jour du mois."
            ),
            "state_override": gettext_lazy(
                "Vide : l’état suit la date du jour (passée, en cours, à venir)."
            ),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("La fin précède le début."))
        return data


class DeliverableForm(forms.ModelForm):
    prefix = "livrable"  # its page also has the step's form
    url = forms.URLField(label=gettext_lazy("Adresse"), max_length=500, assume_scheme="https")

    class Meta:
        model = Deliverable
        fields = ["title", "url"]
