"""The editors' page of an action sheet."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from faisse.accounts.decorators import ability_required
from faisse.actions.forms import (
    FORMSETS,
    ORGANISATION_FIELDS,
    SheetForm,
    organisations,
    split_names,
)
from faisse.actions.models import ActionSheet
from faisse.actions.updating import EDITOR_FIELDS, update_sheet
from faisse.plans.editing import EditError
from faisse.plans.tree import action_or_404


@ability_required("edit_plan", of=action_or_404)
def sheet_edit(request, territory, node):
    sheet = ActionSheet.for_node(node)
    data = request.POST if request.method == "POST" else None
    form = SheetForm(data, instance=sheet, territory=territory, initial={"version": sheet.version})
    formsets = {
        prefix: formset_class(data, instance=sheet, prefix=prefix)
        for prefix, (formset_class, _label) in FORMSETS.items()
    }
    if data is not None:
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            try:
                save_sheet_form(node, request.user, form, formsets.values())
            except EditError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Fiche action enregistrée."))
                return redirect(node.get_absolute_url())
        else:
            messages.error(
                request, _("La fiche n’est pas enregistrée : corrigez les champs signalés.")
            )
    context = {
        "territory": territory,
        "node": node,
        "sheet": sheet,
        "form": form,
        "formsets": [(formsets[prefix], label) for prefix, (_c, label) in FORMSETS.items()],
    }
    return render(request, "actions/sheet_edit.html", context, status=400 if data else 200)


def save_sheet_form(node, user, form, formsets) -> None:
    """The form's fields through update_sheet (version, history, dated status change);
    its links and rows under the same lock, before the sheet's history snapshot."""
    fields = {name: form.cleaned_data[name] for name in EDITOR_FIELDS}

    def write_links_and_rows(sheet) -> bool:
        changed = False
        for name in ORGANISATION_FIELDS:
            wanted = organisations(sheet.territory_id, form.cleaned_data[name])
            changed |= _set(getattr(sheet, name), wanted)
        for name in ("elected_referents", "programmes"):
            changed |= _set(getattr(sheet, name), list(form.cleaned_data[name]))
        for formset in formsets:
            changed |= _save_rows(sheet, formset)
        return changed

    update_sheet(node, user, fields, form.cleaned_data["version"], then=write_links_and_rows)


def _save_rows(sheet, formset) -> bool:
    formset.instance = sheet
    rows = formset.save(commit=False)
    for row in rows:
        if hasattr(row, "territory_id"):  # budget lines carry their plan and territory
            row.plan_id, row.territory_id = sheet.plan_id, sheet.territory_id
        row.save()
    for row in formset.deleted_objects:
        row.delete()
    changed = bool(rows or formset.deleted_objects)
    for form in formset.forms:  # fundings: their financers, named in one text field
        if "names" in form.fields and form.instance.pk and form not in formset.deleted_forms:
            wanted = organisations(sheet.territory_id, split_names(form.cleaned_data["names"]))
            changed |= _set(form.instance.financers, wanted)
    return changed


def _set(manager, wanted) -> bool:
    if set(manager.values_list("pk", flat=True)) == {item.pk for item in wanted}:
        return False
    manager.set(wanted)
    return True
