"""Import a plan from the site: upload a document, see what was recognised beside the
source text, correct it (each correction a POST, then back to the page at the same place),
then import it as a new plan or as a new version of the current one. Editors only; a
draft is its uploader's (faisse/plans/drafts.py). No JavaScript needed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import editor_required
from faisse.core.posted import posted_id
from faisse.plans.drafts import DRAFT_DAYS, create_draft, draft_or_404, own_drafts
from faisse.plans.import_forms import (
    CorrectionError,
    PlanImportForm,
    UploadForm,
    apply_correction,
)
from faisse.plans.import_preview import (
    UNIT_SHORT,
    correction_items,
    level_names,
    read_draft,
    read_upload,
    role_choices,
    source_lines,
    source_page,
    summary,
    tree_rows,
)
from faisse.plans.importer import PlanImportError
from faisse.plans.importer.outline import KINDS
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Plan, PlanNode

MODES = ("nouveau", "version")  # a new plan; a new version of the current plan


@editor_required
def import_upload(request, territory):
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        parsed, error = read_upload(data, upload.name, None)
        if parsed is None:
            form.add_error("file", _("Ce fichier ne peut pas être importé : %s") % error)
        else:
            draft = create_draft(territory, request.user, upload.name, data)
            return redirect("plans:import_preview", slug=territory.slug, pk=draft.pk)
    context = {
        "territory": territory,
        "form": form,
        "drafts": own_drafts(territory, request.user),
        "draft_days": DRAFT_DAYS,
    }
    return render(request, "plans/import_upload.html", context, status=400 if form.errors else 200)


@editor_required
def import_preview(request, territory, pk):
    draft = draft_or_404(territory, request.user, pk)
    return _preview(request, territory, draft)


def _preview(request, territory, draft, *, bound=None, status=200):
    """The page, with `bound` the import form sent with errors, if any."""
    corrections = draft.get_corrections()
    parsed, error = read_draft(draft, corrections)
    names = level_names(parsed, corrections)
    focus = posted_id(request.GET.get("element"))
    current = Plan.objects.of_territory(territory).current()
    forms = {
        mode: PlanImportForm(
            prefix=mode,
            territory=territory,
            initial={"title": parsed.title if parsed and mode == "nouveau" else ""},
        )
        for mode in MODES
    }
    if bound is not None:
        forms[bound.prefix] = bound
    context = {
        "territory": territory,
        "draft": draft,
        "parsed": parsed,
        "error": error,
        "form": bound,  # the page's title and error summary tell its errors
        "forms": forms,
        "current": current,
        "corrections": correction_items(corrections, names, parsed.unit if parsed else "ligne"),
        "names": [
            (kind, PlanNode.Kind(kind).label, *names[kind])
            for kind in _kinds_named(parsed, corrections)
        ],
        "role_choices": role_choices(names),
        "draft_days": DRAFT_DAYS,
    }
    if parsed is not None:
        lines = source_lines(parsed, draft, corrections)
        page = source_page(lines, names, corrections, posted_id(request.GET.get("source")), focus)
        context.update(
            rows=tree_rows(
                parsed, names, corrections, focus=focus, open_all=request.GET.get("deplier") == "1"
            ),
            summary=summary(parsed, names),
            source=page,
            fix_line=posted_id(request.GET.get("ligne")),
            unit=parsed.unit,
            unit_short=UNIT_SHORT.get(parsed.unit, parsed.unit),
            focus=focus,
        )
        context["message_place"] = _message_place(request, context, focus)
    return render(request, "plans/import_preview.html", context, status=status)


def _message_place(request, context, focus) -> str:
    """Where the messages of a correction are shown: where the editor comes back to (the
    source line, the element's forms), else at the top of the page."""
    if focus is None or context["form"] is not None:
        return "top"
    if request.GET.get("retour") == "source":
        return "source" if any(row.where == focus for row in context["source"].rows) else "top"
    return "node" if any(row.focus for row in context["rows"]) else "top"


def _kinds_named(parsed, corrections) -> list[str]:
    """The levels the plan has (or the editor named): those the names form offers."""
    counts = parsed.counts() if parsed else {}
    return [kind for kind in KINDS if counts.get(kind) or kind in corrections.names]


@require_POST
@editor_required
def import_correct(request, territory, pk):
    with transaction.atomic():
        draft = draft_or_404(territory, request.user, pk, lock=True)
        corrections = draft.get_corrections()
        try:
            done, where = apply_correction(draft, corrections, request.POST)
        except CorrectionError as error:
            messages.error(request, str(error))
            where = posted_id(request.POST.get("do", "").partition(":")[2]) or 0
        else:
            draft.set_corrections(corrections)
            messages.success(request, done)
    return _back_to(territory, draft, where, request.POST.get("retour", ""))


def _back_to(territory, draft, where: int, place: str):
    """The preview where the correction was made: the source line, the list of
    corrections, the level names, else the tree opened down to the node (its row carries
    #corrige). Browsers skip `autofocus` at a fragment; the fragment moves the focus."""
    url = reverse("plans:import_preview", args=[territory.slug, draft.pk])
    if place in ("corrections", "niveaux") or not where:
        return redirect(url + ("#niveaux" if place == "niveaux" else "#corrections"))
    if place == "source":
        return redirect(f"{url}?{urlencode({'element': where, 'retour': 'source'})}#s-{where}")
    return redirect(f"{url}?{urlencode({'element': where})}#corrige")


@require_POST
@editor_required
def import_save(request, territory, pk):
    draft = draft_or_404(territory, request.user, pk)
    mode = request.POST.get("mode")
    current = Plan.objects.of_territory(territory).current()
    if mode not in MODES or (mode == "version" and current is None):
        messages.error(request, _("Choisissez comment importer le document."))
        return redirect("plans:import_preview", slug=territory.slug, pk=draft.pk)
    form = PlanImportForm(request.POST, prefix=mode, territory=territory)
    if not form.is_valid():
        return _preview(request, territory, draft, bound=form, status=400)
    corrections = draft.get_corrections()
    parsed, error = read_draft(draft, corrections)
    if parsed is None:
        messages.error(request, _("Rien n’a été importé : %s") % error)
        return redirect("plans:import_preview", slug=territory.slug, pk=draft.pk)
    names = level_names(parsed, corrections)
    parsed.level_names = {
        kind: list(pair)
        for kind, pair in names.items()
        if kind in parsed.level_names or kind in corrections.names
    }
    data = form.cleaned_data
    details = PlanDetails(
        title=data["title"],
        period_start=data["period_start"],
        period_end=data["period_end"],
        status=data["status"],
        adopted_on=data["adopted_on"],
        source_name=draft.file_name,
        predecessor=current if mode == "version" else None,
    )
    try:
        with transaction.atomic():
            plan = save_plan(parsed, territory, details)
            if parsed.level_names and plan.level_names != parsed.level_names:
                plan.set_level_names(parsed.level_names)
            draft.delete()
    except (PlanImportError, ValidationError) as refusal:
        text = " ".join(getattr(refusal, "messages", None) or [str(refusal)])
        form.add_error("title", _("Rien n’a été importé : %s") % text)
        return _preview(request, territory, draft, bound=form, status=400)
    messages.success(
        request,
        _("« %(title)s » importé : %(counts)s.")
        % {"title": plan.title, "counts": ", ".join(summary(parsed, names)) or _("aucun élément")},
    )
    shown = Plan.objects.of_territory(territory).current()
    if shown != plan:
        messages.info(
            request,
            _(
                "Le site montre encore « %(shown)s », le projet adopté : « %(title)s » le "
                "remplacera une fois adopté."
            )
            % {"shown": shown.title, "title": plan.title},
        )
    return redirect("plans:structure", slug=territory.slug)


@require_POST
@editor_required
def import_delete(request, territory, pk):
    draft = draft_or_404(territory, request.user, pk)
    draft.delete()
    messages.success(request, _("« %s » abandonné : le fichier est effacé.") % draft.file_name)
    return redirect("plans:import_upload", slug=territory.slug)
