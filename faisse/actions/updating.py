"""Writing an action's sheet: one path for the pilots' quick update, the sheet's form and
the API, so that the same rules hold everywhere.

Who: `sheet_fields(user, node)` — editors write every field, an action's own pilots its
PILOT_FIELDS and dated updates, others nothing (the rule of plans.abilities). Concurrent
edits are caught by `ActionSheet.version`. Every write goes through simple_history with
the person and a reason; a status or progress change also writes a dated ActionUpdate,
so that "what happened in 2025" can be answered.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faisse.accounts.abilities import object_abilities
from faisse.actions import statuses
from faisse.actions.models import ActionSheet, ActionUpdate
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode

Source = ActionSheet.ProgressSource
EDITOR_FIELDS = (
    "status",
    "priority",
    "progress",
    "progress_source",
    "start_date",
    "end_date",
    "continuous",
    "participation",
    "budget_total",
    *ActionSheet.TEXT_FIELDS,
    *ActionSheet.LIST_FIELDS,
    "sdgs",
)


class SheetConflict(EditError):
    """Someone saved the sheet since the form was opened."""

    def __init__(self):
        super().__init__(
            _(
                "Cette fiche a été modifiée par quelqu’un d’autre pendant que vous l’éditiez. "
                "Vos modifications n’ont pas été enregistrées : rechargez la fiche et "
                "refaites-les si besoin."
            )
        )


def sheet_fields(user, node: PlanNode) -> tuple[str, ...]:
    """The sheet's fields the person may write on this action ((): none)."""
    if node.kind != PlanNode.Kind.ACTION:
        return ()
    abilities = object_abilities(user, node)
    if abilities["edit_plan"]:
        return EDITOR_FIELDS
    if abilities["follow_up"]:
        return ActionSheet.PILOT_FIELDS
    return ()


def may_update(user, node: PlanNode) -> bool:
    return bool(sheet_fields(user, node))


def locked_sheet(node: PlanNode, user=None) -> ActionSheet:
    """The action's sheet, created when missing (by `user`, for the history), locked until
    the transaction ends."""
    if not ActionSheet.objects.filter(node=node).exists():
        sheet = ActionSheet(node=node, plan_id=node.plan_id, territory_id=node.territory_id)
        sheet._history_user = user if getattr(user, "is_authenticated", False) else None
        try:
            with transaction.atomic():  # a savepoint: someone may create it at the same time
                sheet.save()
        except IntegrityError:
            pass
    return ActionSheet.objects.select_for_update().get(node=node)


def save_sheet(sheet: ActionSheet, user, reason: str) -> None:
    try:
        sheet.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise EditError.from_validation(error) from error
    sheet.version += 1
    if user is not None:
        sheet._history_user = user
    sheet._change_reason = reason
    sheet.save()


@transaction.atomic
def record_update(
    node: PlanNode,
    user,
    *,
    on: date | None = None,
    status: str | None = None,
    progress: int | None = None,
    note: str = "",
    public: bool = False,
    correcting: bool = False,
    version: int | None = None,
) -> ActionUpdate:
    """A dated point on an action: a new status, a new progress, a note, or several.

    `status`/`progress` None: unchanged. A move the status table refuses is an EditError
    unless an editor is `correcting` (with a note saying why). `on` is when it happened:
    today by default, never in the future."""
    allowed = sheet_fields(user, node)
    if not allowed:
        raise PermissionError("sheet")
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise EditError(_("La date d’un point de suivi ne peut pas être dans le futur."))
    note = (note or "").strip()
    sheet = locked_sheet(node, user)
    if version is not None and version != sheet.version:
        raise SheetConflict()
    new_status = sheet.status if status is None else status
    new_progress = sheet.progress if progress is None else progress
    if new_status != sheet.status:
        if correcting and "priority" not in allowed:
            raise PermissionError("correcting")
        if correcting and not note:
            raise EditError(_("Dites pourquoi le statut est corrigé, dans la note."))
        try:
            statuses.check_transition(sheet.status, new_status, correcting=correcting)
        except statuses.TransitionError as error:
            raise EditError(str(error), [{"field": "status", "message": str(error)}]) from error
    if new_progress is not None and not 0 <= new_progress <= 100:
        message = _("L’avancement est un pourcentage, de 0 à 100.")
        raise EditError(message, [{"field": "progress", "message": message}])
    changed = new_status != sheet.status or new_progress != sheet.progress
    if not changed and not note:
        raise EditError(
            _("Rien à enregistrer : changez le statut, l’avancement ou écrivez une note.")
        )
    update = ActionUpdate(
        sheet=sheet,
        plan_id=sheet.plan_id,
        territory_id=sheet.territory_id,
        on=on,
        author=user if getattr(user, "is_authenticated", False) else None,
        old_status=sheet.status,
        new_status=new_status if new_status != sheet.status else "",
        old_progress=sheet.progress,
        new_progress=new_progress if new_progress != sheet.progress else None,
        note=note,
        is_public=public,
    )
    try:
        update.full_clean(exclude=["sheet", "plan", "territory", "author"])
    except ValidationError as error:
        raise EditError.from_validation(error) from error
    update._history_user = user
    update.save()
    if changed:
        if progress is not None and progress != sheet.progress:
            sheet.progress_source = Source.MANUAL
        sheet.status, sheet.progress = new_status, new_progress
        reason = statuses.CORRECTION_REASON if correcting else _("Point de suivi du %(date)s")
        save_sheet(sheet, user, str(reason) % {"date": on.strftime("%d/%m/%Y")})
    return update


@transaction.atomic
def update_sheet(node: PlanNode, user, changes: dict, version: int, *, then=None) -> ActionSheet:
    """An editor's change of the sheet's fields (the form and the API). A status changed
    here is a correction: it is dated today and written in the action's updates.

    `then(sheet)`, run under the sheet's lock before it is saved, writes its links and
    rows (the form's organisations and formsets) and returns whether it changed any, so
    that the history's snapshot of the sheet includes them."""
    allowed = sheet_fields(user, node)
    refused = set(changes) - set(allowed)
    if not allowed or refused:
        raise PermissionError(sorted(refused) or "sheet")
    sheet = locked_sheet(node, user)
    if version != sheet.version:
        raise SheetConflict()
    old_status, old_progress = sheet.status, sheet.progress
    changed = {name for name, value in changes.items() if getattr(sheet, name) != value}
    for name in changed:
        setattr(sheet, name, changes[name])
    linked = bool(then and then(sheet))
    if not (changed or linked):
        return sheet
    save_sheet(sheet, user, _("Fiche action modifiée"))
    if sheet.status != old_status or sheet.progress != old_progress:
        update = ActionUpdate(
            sheet=sheet,
            plan_id=sheet.plan_id,
            territory_id=sheet.territory_id,
            on=timezone.localdate(),
            author=user if getattr(user, "is_authenticated", False) else None,
            old_status=old_status,
            new_status=sheet.status if sheet.status != old_status else "",
            old_progress=old_progress,
            new_progress=sheet.progress if sheet.progress != old_progress else None,
            note=str(statuses.CORRECTION_REASON) if sheet.status != old_status else "",
        )
        update._history_user = user
        update.save()
    return sheet


def value_on(changes, current, day: date, field: str = "status"):
    """The status (or progress, `field`) an action had at the end of `day`, from its dated
    changes in any order (ActionUpdate rows or anything with `on`, `pk`, `old_…` and
    `new_…`): the latest change on or before that day; if every change is later, the
    value before the first one; with no change, the current value."""
    new, old = f"new_{field}", f"old_{field}"
    dated = [c for c in changes if getattr(c, new) not in ("", None)]
    if not dated:
        return current
    dated.sort(key=lambda c: (c.on, c.pk or 0))
    before = [c for c in dated if c.on <= day]
    return getattr(before[-1], new) if before else getattr(dated[0], old)


def status_on(updates, current: str, day: date) -> str:
    return value_on(updates, current, day, "status")
