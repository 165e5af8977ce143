"""The forms of the pilots' space: a quick update of one action. Each form is prefixed by
its action, so that the page can hold one per action and its labels stay unique."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.actions import statuses
from faisse.actions.models import ActionSheet

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


NO_STATUS = "sans"  # the form's value for "no status yet" (a select needs a value)


def status_choices(current: str) -> list[tuple[str, str]]:
    """The statuses an action may take next (statuses.allowed_after), its own first; an
    action without a status may keep none (an update with only a note)."""
    choices = [(value, statuses.label(value)) for value in statuses.allowed_after(current)]
    if not current:
        choices.insert(0, (NO_STATUS, str(statuses.NO_STATUS_LABEL)))
    return choices


def action_prefix(node_id: int) -> str:
    return f"action-{node_id}"


class QuickUpdateForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Statut"))
    progress = forms.IntegerField(
        label=gettext_lazy("Avancement (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=gettext_lazy("De 0 à 100."),
    )
    on = forms.DateField(
        label=gettext_lazy("Date"),
        widget=DATE_INPUT,
        help_text=gettext_lazy("Aujourd’hui ou un jour passé."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public = forms.BooleanField(
        label=gettext_lazy("Note visible du public sur la page de l’action"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, sheet: ActionSheet, **kwargs):
        kwargs.setdefault("prefix", action_prefix(sheet.node_id))
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        # Any status passes the form: a move the table refuses is record_update's to
        # explain (it lists the allowed ones); the select offers only those.
        self.fields["status"].choices = [(NO_STATUS, ""), *statuses.CHOICES]
        self.fields["status"].widget.choices = status_choices(sheet.status)
        self.fields["progress"].widget.attrs.update({"inputmode": "numeric", "step": 1})
        if not self.is_bound:
            self.initial.update(
                {
                    "status": sheet.status or NO_STATUS,
                    "progress": sheet.progress,
                    "on": timezone.localdate(),
                    "version": sheet.version,
                }
            )

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError(
                _("La date d’un point de suivi ne peut pas être dans le futur.")
            )
        return on

    def update_arguments(self) -> dict:
        """The keyword arguments of actions.updating.record_update."""
        data = self.cleaned_data
        return {
            "on": data["on"],
            # No action goes back to "no status": it means unchanged.
            "status": None if data["status"] == NO_STATUS else data["status"],
            "progress": data["progress"],
            "note": data["note"],
            "public": data["public"],
            "version": data["version"],
        }
