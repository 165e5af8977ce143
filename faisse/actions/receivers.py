"""How the actions app reacts to the plans app below it, connected in apps.py."""

from django.utils.translation import gettext_lazy

from faisse.actions.models import ActionSheet, ActionUpdate, BudgetLine

MERGE_REASON = gettext_lazy("Fusion d’actions similaires")


def move_sheet_to_kept_action(sender, kept, removed, editor, **kwargs) -> None:
    """Two actions merge. The removed one's sheet becomes the kept one's when the kept one
    has none; otherwise the kept one's fields win, the removed one's fill its blanks, its
    texts are appended when they say something else, and its rows (budget lines unless
    the kept sheet has the same line, fundings, milestones, updates, documents) and links
    move over."""
    removed_sheet = ActionSheet.objects.filter(node=removed).first()
    if removed_sheet is None:
        return
    kept_sheet = ActionSheet.objects.filter(node=kept).first()
    if kept_sheet is None:
        removed_sheet.node = kept
        removed_sheet._history_user = editor
        removed_sheet._change_reason = str(MERGE_REASON)
        removed_sheet.save()
        return
    _fill_blanks(kept_sheet, removed_sheet)
    same = set(kept_sheet.budget_lines.values_list("kind", "nature", "year"))
    for line in removed_sheet.budget_lines.all():
        if (line.kind, line.nature, line.year) not in same:
            BudgetLine.objects.filter(pk=line.pk).update(sheet=kept_sheet)
    for related in ("fundings", "milestones", "documents"):
        getattr(removed_sheet, related).update(sheet=kept_sheet)
    ActionUpdate.objects.filter(sheet=removed_sheet).update(sheet=kept_sheet)
    for name in ("lead_structures", "lead_services", "partners", "elected_referents", "programmes"):
        getattr(kept_sheet, name).add(*getattr(removed_sheet, name).all())
    kept_sheet.version += 1
    kept_sheet._history_user = editor
    kept_sheet._change_reason = str(MERGE_REASON)
    kept_sheet.save()


def _fill_blanks(kept: ActionSheet, removed: ActionSheet) -> None:
    for name in (
        "status",
        "priority",
        "progress",
        "start_date",
        "end_date",
        "participation",
        "budget_total",
    ):
        if getattr(kept, name) in (None, "") and getattr(removed, name) not in (None, ""):
            setattr(kept, name, getattr(removed, name))
    for name in ActionSheet.TEXT_FIELDS:
        extra = getattr(removed, name).strip()
        if extra and extra not in getattr(kept, name):
            setattr(kept, name, "\n\n".join(filter(None, [getattr(kept, name).strip(), extra])))
    for name in (*ActionSheet.LIST_FIELDS, "sdgs"):
        current = getattr(kept, name)
        setattr(kept, name, current + [v for v in getattr(removed, name) if v not in current])
    kept.continuous = kept.continuous or removed.continuous
