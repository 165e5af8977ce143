"""/<slug>/gestion/site/: how the territory's public site presents itself — the header
colour (contrast checked), the logo, and the details its legal pages are written from.
For administrators of the territory (`manage_members`)."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.decorators import ability_required
from faisse.territories.models import Territory, TerritorySite


class SiteForm(forms.ModelForm):
    website = forms.URLField(
        label=gettext_lazy("Site de la collectivité"), required=False, assume_scheme="https"
    )
    header_color = forms.CharField(
        label=gettext_lazy("Couleur de l’en-tête"),
        required=False,
        help_text=gettext_lazy(
            "Au format #rrvvbb, foncée : le texte blanc de l’en-tête doit rester lisible "
            "(contraste de 4,5:1 au moins). Vide : la couleur de Faïsse."
        ),
        # A text field, not <input type="color">: it can be emptied, and is read and typed
        # the same way with a screen reader.
        widget=forms.TextInput(attrs={"placeholder": "#2c3a31", "size": 9, "spellcheck": "false"}),
    )
    accessibility_compliance = forms.ChoiceField(
        label=gettext_lazy("État de conformité au RGAA"),
        choices=Territory.Compliance.choices,
        help_text=gettext_lazy("Annoncé en bas de chaque page, comme le RGAA le demande."),
    )
    logo_file = forms.FileField(
        label=gettext_lazy("Logo"),
        required=False,
        help_text=gettext_lazy("PNG ou JPEG, 200 Ko au plus ; affiché dans l’en-tête."),
    )
    remove_logo = forms.BooleanField(label=gettext_lazy("Retirer le logo"), required=False)

    class Meta:
        model = TerritorySite
        fields = [
            "website",
            "contact_email",
            "postal_address",
            "publication_director",
            "host",
            "accessibility_audit",
            "data_protection_contact",
        ]
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "host": forms.Textarea(attrs={"rows": 3}),
            "accessibility_audit": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, territory: Territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.fields["header_color"].initial = territory.header_color
        self.fields["accessibility_compliance"].initial = territory.accessibility_compliance
        if not territory.has_logo:
            del self.fields["remove_logo"]

    def clean_header_color(self) -> str:
        color = self.cleaned_data["header_color"].strip().lower()
        if color:
            Territory._meta.get_field("header_color").run_validators(color)
        return color

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if upload is None:
            return None
        if upload.size > TerritorySite.MAX_LOGO_BYTES:  # said before reading it
            raise forms.ValidationError(_("Le logo pèse plus de 200 Ko : réduisez-le."))
        data = upload.read()
        problem = TerritorySite.logo_problem(data)
        if problem:
            raise forms.ValidationError(problem)
        return data

    @transaction.atomic
    def save(self, commit: bool = True) -> TerritorySite:
        site = super().save(commit=False)
        site.territory = self.territory
        if self.cleaned_data.get("remove_logo"):
            site.logo, site.logo_type = None, ""
        elif self.cleaned_data.get("logo_file"):
            data = self.cleaned_data["logo_file"]
            site.logo, site.logo_type = data, TerritorySite.logo_type_of(data)
        site.save()
        Territory.objects.filter(pk=self.territory.pk).update(
            header_color=self.cleaned_data["header_color"],
            accessibility_compliance=self.cleaned_data["accessibility_compliance"],
            has_logo=bool(site.logo),
            branding_version=F("branding_version") + 1,  # browsers fetch them anew
        )
        return site


@ability_required("manage_members")
def site_settings(request, territory):
    site = TerritorySite.objects.filter(territory=territory).first() or TerritorySite(
        territory=territory
    )
    form = SiteForm(request.POST or None, request.FILES or None, instance=site, territory=territory)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le site du territoire est à jour."))
        return redirect("manage:site", slug=territory.slug)
    context = {"territory": territory, "form": form, "nav_current": "manage"}
    return render(request, "manage/site.html", context, status=400 if form.errors else 200)
