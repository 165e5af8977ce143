"""Forms of meetings: the editors' meeting form, attendance and minutes, the filters of
the public list, and the registration of a person without an account."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.models import Commission
from faisse.core.text import text_problem
from faisse.meetings.models import Meeting
from faisse.participation.models import ProcessStep
from faisse.territories.models import Commune


def step_label(step) -> str:
    """ "3. Orientations stratégiques" for a numbered working step, else its title."""
    number = f"{step.number}. " if step.number and step.kind == "workshop" else ""
    return f"{number}{step.title}"


class StepChoice(forms.ModelChoiceField):
    def label_from_instance(self, step) -> str:
        return step_label(step)


class CommuneChoice(forms.ModelChoiceField):
    def label_from_instance(self, commune) -> str:
        return commune.name


def _steps(territory):
    return ProcessStep.objects.filter(territory=territory).order_by("position", "starts_on", "id")


def _communes(territory) -> list:
    return Commune.objects.of_territory(territory).defer("boundary").in_french_order()


class MeetingForm(forms.ModelForm):
    day = forms.DateField(
        label=gettext_lazy("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Heure de début"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=gettext_lazy("Heure de Paris, ex. 18:30."),
    )
    end_time = forms.TimeField(
        label=gettext_lazy("Heure de fin"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    online_url = forms.URLField(
        label=gettext_lazy("Lien de la réunion en ligne"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy(
            "Pour une réunion en ligne ou hybride : l’adresse de la visioconférence."
        ),
    )
    end_day = forms.DateField(
        label=gettext_lazy("Date de fin"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Seulement si la réunion dure plusieurs jours."),
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "description",
            "step",
            "commune",
            "address",
            "online_url",
            "audience",
            "commission",
            "registration_enabled",
            "capacity",
            "is_published",
        ]
        widgets = {
            "audience": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "address": gettext_lazy("Salle, rue : dans la commune choisie ci-dessus."),
            "capacity": gettext_lazy(
                "Laissez vide pour ne pas limiter ; au-delà, les personnes sont inscrites en "
                "liste d’attente."
            ),
            "is_published": gettext_lazy(
                "Non cochée : un brouillon, que seul·e·s les éditeur·rice·s voient."
            ),
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.fields["step"] = StepChoice(
            queryset=_steps(territory),
            required=False,
            label=_("Étape de la démarche"),
            empty_label=_("— aucune —"),
        )
        self.fields["commune"] = CommuneChoice(
            queryset=Commune.objects.of_territory(territory).defer("boundary"),
            required=False,
            label=_("Commune"),
            empty_label=_("— en ligne seulement —"),
        )
        self.fields["commune"].choices = [("", _("— en ligne seulement —"))] + [
            (commune.pk, commune.name) for commune in _communes(territory)
        ]
        commissions = Commission.objects.filter(territory=territory)
        self.fields["commission"].queryset = commissions
        self.fields["commission"].empty_label = _("— choisir si le public est une commission —")
        self.fields["registration_enabled"].label = _("Sur inscription")
        self.fields["is_published"].widget.attrs["aria-describedby"] = "id_is_published_helptext"
        if self.instance.pk:
            start = timezone.localtime(self.instance.starts_at)
            end = timezone.localtime(self.instance.ends_at)
            self.initial.update(day=start.date(), start_time=start.time(), end_time=end.time())
            if end.date() != start.date():
                self.initial["end_day"] = end.date()

    def _moment(self, day: datetime.date, time: datetime.time, field: str):
        """The aware moment of a local day and time; an hour that the change to summer time
        skips is refused rather than moved."""
        naive = datetime.datetime.combine(day, time.replace(second=0, microsecond=0))
        moment = timezone.make_aware(naive)
        back = timezone.localtime(moment.astimezone(datetime.UTC)).replace(tzinfo=None)
        if back != naive:
            self.add_error(
                field,
                _(
                    "Cette heure n’existe pas ce jour-là (passage à l’heure d’été) : "
                    "choisissez-en une autre."
                ),
            )
        return moment

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            end_day = data.get("end_day") or day
            starts_at = self._moment(day, start, "start_time")
            ends_at = self._moment(end_day, end, "end_time")
            if ends_at <= starts_at:
                field = "end_day" if data.get("end_day") else "end_time"
                self.add_error(field, _("La réunion doit finir après son début."))
            self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
        if not data.get("commune") and not data.get("online_url"):
            self.add_error(
                "commune",
                _("Indiquez où a lieu la réunion : une commune, un lien en ligne, ou les deux."),
            )
        if data.get("address") and not data.get("commune"):
            self.add_error("commune", _("Choisissez la commune de cette adresse."))
        if data.get("audience") == Meeting.Audience.COMMISSION and not data.get("commission"):
            self.add_error("commission", _("Choisissez la commission invitée."))
        if data.get("audience") != Meeting.Audience.COMMISSION:
            data["commission"] = None
        if data.get("capacity") is not None and not data.get("registration_enabled"):
            self.add_error(
                "capacity",
                _("Un nombre de places demande une inscription : cochez « Sur inscription »."),
            )
        if data.get("capacity") == 0:
            self.add_error("capacity", _("Au moins une place, ou laissez vide."))
        return data

    def save(self, commit: bool = True) -> Meeting:
        meeting = super().save(commit=False)
        meeting.territory = self.territory
        if commit:
            meeting.save()
            self.save_m2m()
        return meeting


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["attendance"]
        help_texts = {"attendance": gettext_lazy("Les personnes venues, compte fait sur place.")}

    def clean_attendance(self):
        value = self.cleaned_data["attendance"]
        if value is not None and not self.instance.has_started():
            raise forms.ValidationError(
                _("La réunion n’a pas encore eu lieu : la présence se note après.")
            )
        return value


class MinutesForm(forms.ModelForm):
    publish = forms.BooleanField(
        label=gettext_lazy("Publier le compte rendu"),
        required=False,
        help_text=gettext_lazy(
            "Non cochée : un brouillon, que seul·e·s les éditeur·rice·s lisent."
        ),
    )

    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("publish", self.instance.minutes_published_at is not None)
        self.fields["publish"].widget.attrs["aria-describedby"] = "id_publish_helptext"

    def clean(self):
        data = super().clean()
        if data.get("publish"):
            if not (data.get("minutes") or "").strip():
                self.add_error("minutes", _("Écrivez le compte rendu avant de le publier."))
            elif not self.instance.has_started():
                self.add_error(
                    "publish",
                    _("La réunion n’a pas encore eu lieu : son compte rendu se publie après."),
                )
        return data

    def save(self, commit: bool = True) -> Meeting:
        meeting = super().save(commit=False)
        if self.cleaned_data.get("publish"):
            meeting.minutes_published_at = meeting.minutes_published_at or timezone.now()
        else:
            meeting.minutes_published_at = None
        if commit:
            meeting.save(update_fields=["minutes", "minutes_published_at", "updated_at"])
        return meeting


class FilterForm(forms.Form):
    """The filters of the public list (?nature=…&etape=…)."""

    nature = forms.ChoiceField(label=gettext_lazy("Nature"), required=False)
    etape = forms.TypedChoiceField(label=gettext_lazy("Étape"), required=False, coerce=int)

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nature"].choices = [("", _("Toutes"))] + list(Meeting.Kind.choices)
        steps = [(step.pk, step_label(step)) for step in _steps(territory)]
        self.fields["etape"].choices = [("", _("Toutes"))] + steps
        self.steps = dict(steps)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        found = {}
        if data.get("nature"):
            found["kind"] = data["nature"]
        if data.get("etape") not in (None, ""):
            found["step_id"] = data["etape"]
        return found


class RegistrationRequestForm(forms.Form):
    """A person without an account, for a public meeting."""

    name = forms.CharField(
        label=gettext_lazy("Votre nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Votre adresse électronique"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy(
            "Un lien vous y est envoyé : votre inscription compte quand vous l’ouvrez."
        ),
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        problem = text_problem(name)
        if problem:
            raise forms.ValidationError(_("Nom : %(problem)s.") % {"problem": problem})
        if not name:
            raise forms.ValidationError(_("Indiquez votre nom."))
        return name
