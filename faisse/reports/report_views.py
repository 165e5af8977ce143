"""The editors' button for the yearly report (/<slug>/gestion/bilan/): choose a year and a
format, download the file. A GET form: asking twice gives the same file, and the address
of a report can be bookmarked. The file is made on each request (about a second)."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.decorators import ability_required
from faisse.plans.models import Plan
from faisse.reports.yearly import FORMATS, build_report, file_name
from faisse.reports.yearly import render as render_report
from faisse.reports.yearly.years import default_year, report_years

FORMAT_CHOICES = [
    ("pdf", gettext_lazy("PDF, à imprimer ou à joindre au dossier du conseil")),
    ("docx", gettext_lazy("DOCX (Word, LibreOffice), à compléter avant de le diffuser")),
]


class YearReportForm(forms.Form):
    annee = forms.TypedChoiceField(label=gettext_lazy("Année du bilan"), coerce=int)
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=FORMAT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choisissez le format du fichier : PDF ou DOCX."),
            "invalid_choice": gettext_lazy(
                "Format inconnu : « %(value)s ». Choisissez PDF ou DOCX."
            ),
        },
    )
    brouillons = forms.BooleanField(
        label=gettext_lazy("Document de travail"),
        required=False,
        help_text=gettext_lazy(
            "Ajoute les éléments non publiés, les notes de suivi internes et les indicateurs "
            "non publiés. Sans cette case, le bilan ne montre que ce qui est publié."
        ),
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["annee"]
        field.choices = [(year, str(year)) for year in reversed(years)]
        field.error_messages = {
            "required": _("Choisissez l’année du bilan."),
            "invalid_choice": _(
                "Année impossible : « %%(value)s ». Choisissez une année de %(first)s à %(last)s."
            )
            % {"first": years[0], "last": years[-1]},
        }


@ability_required("edit_plan")
def yearly_report(request, territory):
    plan = Plan.objects.of_territory(territory).current()
    context = {"territory": territory, "plan": plan, "nav_current": "manage"}
    if plan is None:
        return render(request, "reports/report_yearly.html", context)
    plan.territory = territory
    today = timezone.localdate()
    years = report_years(plan, today)
    asked = "annee" in request.GET or "format" in request.GET
    form = YearReportForm(
        request.GET if asked else None,
        years=years,
        initial={"annee": default_year(years, today), "format": "pdf"},
    )
    if asked and form.is_valid():
        key, drafts = form.cleaned_data["format"], form.cleaned_data["brouillons"]
        year = form.cleaned_data["annee"]
        data = render_report(build_report(plan, year, drafts=drafts, today=today), key)
        response = HttpResponse(data, content_type=FORMATS[key].content_type)
        name = file_name(plan, year, key, drafts=drafts)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"  # budgets: never in a shared cache
        return response
    # Not "form": the site's frame would add its summary ("Rien n'a été enregistré").
    context |= {"report_form": form, "years": years}
    return render(request, "reports/report_yearly.html", context)
