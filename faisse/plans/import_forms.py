"""The forms of an import through the site: the file, the corrections of the preview (one
button each, `do` = "operation:line"), the level names and what the document does not say
(the plan's title, period and status)."""

import re
from dataclasses import replace

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.core.posted import posted_id
from faisse.core.text import TextValidator, text_problem
from faisse.plans.drafts import ImportDraft
from faisse.plans.import_preview import level_names, plural_of, read_draft, role_choices
from faisse.plans.importer.corrections import LINE_ROLES, Corrections
from faisse.plans.importer.limits import PLAN_FIELD_LENGTH
from faisse.plans.importer.outline import KINDS
from faisse.plans.models import Plan, PlanNode

FORMATS = (".txt", ".md", ".docx", ".odt", ".pdf", ".xlsx", ".ods")
LEVEL_NAME_LENGTH = PlanNode._meta.get_field("level_name").max_length


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Document du projet de territoire"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMATS)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Texte (.txt), Markdown (.md), Word (.docx), OpenDocument (.odt), PDF avec sa "
            "couche de texte (.pdf), tableur d’une ligne par élément (.xlsx, .ods) ; "
            "%(size)s au plus. Rien n’est enregistré dans le projet avant l’import."
        ) % {"size": filesizeformat(settings.MAX_UPLOAD_BYTES)}
        self.fields["file"].error_messages["required"] = _("Choisissez le fichier à importer.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Le fichier pèse %(size)s, plus que les %(max)s permis.")
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
                }
            )
        return upload


class PlanImportForm(forms.Form):
    """What the document does not say. One per way of importing (prefix "nouveau" or
    "version"), so that both can be on the page with their own ids."""

    title = forms.CharField(
        label=gettext_lazy("Titre du projet"),
        max_length=PLAN_FIELD_LENGTH,
        validators=[TextValidator()],
    )
    period_start = forms.IntegerField(
        label=gettext_lazy("Première année"), min_value=1950, max_value=2100, required=False
    )
    period_end = forms.IntegerField(
        label=gettext_lazy("Dernière année"), min_value=1950, max_value=2100, required=False
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Statut"),
        choices=Plan.Status.choices,
        initial=Plan.Status.DRAFT,
        widget=forms.RadioSelect,
    )
    adopted_on = forms.DateField(
        label=gettext_lazy("Date d’adoption"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Pour un projet adopté."),
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.fields["title"].error_messages["required"] = _("Donnez un titre au projet.")

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if Plan.objects.filter(territory=self.territory, title=title).exists():
            raise forms.ValidationError(
                _("Le territoire a déjà un projet intitulé « %s » : choisissez un autre titre.")
                % title
            )
        return title

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("La dernière année précède la première."))
        if data.get("status") == Plan.Status.ADOPTED and not data.get("adopted_on"):
            self.add_error("adopted_on", _("Un projet adopté a une date d’adoption."))
        return data


class CorrectionError(Exception):
    """A correction that cannot be made; the message says why, in French."""


def apply_correction(draft: ImportDraft, corrections: Corrections, post) -> tuple[str, int]:
    """Change `corrections` as the button pressed (`do`) says; returns what was done, in
    French, and the line to show again. Only a split and the level names read the file
    (the title to cut, the document's own names): every other correction is a key."""
    operation, _sep, value = post.get("do", "").partition(":")
    where = posted_id(value) or 0
    if operation == "reset":
        corrections.roles.clear()
        corrections.merges.clear()
        corrections.splits.clear()
        corrections.names.clear()
        return _("Corrections annulées : voici le document tel que reconnu."), 0
    if operation == "names":
        return _set_names(draft, corrections, post), 0
    if operation == "undo-name" and value in corrections.names:
        del corrections.names[value]
        return _("Nom du niveau rétabli."), 0
    if not where:
        raise CorrectionError(_("Correction inconnue : rechargez la page et recommencez."))
    if operation in ("role", "noise"):
        role = "noise" if operation == "noise" else post.get("role", "")
        if role not in LINE_ROLES:
            raise CorrectionError(_("Choisissez ce que devient l’élément dans la liste."))
        if role == post.get("current") and where not in corrections.roles:
            return _("Rien n’a changé : c’est déjà sa nature."), where
        corrections.roles[where] = role
        if role == "noise":
            return _("Passage ignoré : il ne sera pas importé."), where
        label = dict(role_choices(level_names(None, corrections)))[role]
        return _("Correction enregistrée : « %s ».") % label, where
    if operation == "merge":
        corrections.merges.add(where)
        return _("Élément fusionné avec le précédent."), where
    if operation == "split":
        corrections.splits[where] = _split_offset(draft, corrections, where, post)
        return _("Élément coupé en deux."), where
    undo = {"undo-role": corrections.roles, "undo-split": corrections.splits}
    if operation in undo and where in undo[operation]:
        del undo[operation][where]
        return _("Correction retirée."), where
    if operation == "undo-merge" and where in corrections.merges:
        corrections.merges.discard(where)
        return _("Correction retirée."), where
    raise CorrectionError(_("Cette correction n’existe plus : la page a changé entre-temps."))


def _split_offset(draft, corrections: Corrections, where: int, post) -> int:
    """The place in the node's title after the first part the editor kept (spaces aside)."""
    parsed, error = read_draft(draft, corrections)
    node = next((n for n in parsed.walk() if n.line == where), None) if parsed else None
    if node is None:
        raise CorrectionError(error or _("Aucun élément ne commence à cet endroit."))
    words = post.get("first_part", "").split()
    match = re.match(r"\s*" + r"\s+".join(map(re.escape, words)), node.title) if words else None
    if match is None:
        raise CorrectionError(
            _("« %s » n’est pas le début de l’intitulé : effacez la fin sans changer le début.")
            % " ".join(words)[:200]
        )
    if not node.title[match.end() :].strip():
        raise CorrectionError(
            _("Rien ne reste pour le second élément : effacez la fin de l’intitulé.")
        )
    return match.end()


def _set_names(draft: ImportDraft, corrections: Corrections, post) -> str:
    """Keep the names that differ from the document's (or Faïsse's); an empty singular
    gives the level its former name back."""
    parsed, _error = read_draft(draft, replace(corrections, names={}))
    former = level_names(parsed, Corrections())
    names = dict(corrections.names)
    for kind in KINDS:
        key = f"niveau-{kind}"
        if f"{key}-singulier" not in post:
            continue
        singular = " ".join(post.get(f"{key}-singulier", "").split())
        plural = " ".join(post.get(f"{key}-pluriel", "").split()) or plural_of(singular)
        for name in (singular, plural):
            problem = text_problem(name)
            if problem or len(name) > LEVEL_NAME_LENGTH:
                raise CorrectionError(
                    _("Nom de niveau « %(name)s » : %(problem)s.")
                    % {
                        "name": name[:80],
                        "problem": problem
                        or _("%(max)s caractères au plus") % {"max": LEVEL_NAME_LENGTH},
                    }
                )
        if not singular or (singular, plural) == former[kind]:
            names.pop(kind, None)
        else:
            names[kind] = [singular, plural]
    corrections.names = names
    return _("Noms des niveaux enregistrés.")
