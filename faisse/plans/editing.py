"""Editing the fields of a node from the site or the API: one path for both.

Who may change what is decided by the abilities layer (`faisse.accounts.abilities`, with
the rule of plans.abilities for one node): editors change every field; a pilot changes
only the follow-up of the actions they pilot. Concurrent edits are detected by
`PlanNode.version`: a change based on an older version is refused, never silently
written over the other person's.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from faisse.accounts.abilities import object_abilities
from faisse.core.errors import Refusal
from faisse.plans.models import PlanNode


class EditError(Refusal):
    """A change that cannot be made; the message says why, in French, and `field_errors`
    names the fields in cause ([{"field": "title", "message": "…"}]) when it can."""

    def __init__(self, message: str, field_errors: list[dict] | None = None):
        super().__init__(message)
        self.field_errors = field_errors or []

    @classmethod
    def from_validation(cls, error: ValidationError) -> "EditError":
        errors = [
            {"field": field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
        labels = {field.name: str(field.verbose_name) for field in PlanNode._meta.fields}
        summary = " ".join(
            f"{labels.get(item['field'], item['field']).capitalize()} : {item['message']}"
            for item in errors
        )
        return cls(summary, errors)


class EditConflict(EditError):
    """Someone saved the node since the form was opened; `current` is their version."""

    def __init__(self, current: PlanNode):
        super().__init__(
            _(
                "Cet élément a été modifié par quelqu’un d’autre pendant que vous l’éditiez. "
                "Vos modifications n’ont pas été enregistrées : relisez la version actuelle "
                "ci-dessous et refaites-les si besoin."
            )
        )
        self.current = current


def editable_fields(user, node: PlanNode) -> tuple[str, ...]:
    abilities = object_abilities(user, node)
    if abilities["edit_plan"]:
        return PlanNode.EDITABLE_FIELDS
    if abilities["follow_up"]:
        return PlanNode.PILOT_FIELDS
    return ()


@transaction.atomic
def update_node(node: PlanNode, user, changes: dict, version: int) -> PlanNode:
    """Write the changes if the node is still at `version`; history records who and what.

    The one path of an edit, from the site's form or the API: the same rules (allowed
    fields, no null, a title that is not blank, texts checked by the model's validators)
    and nothing written, neither version nor history, when nothing changes.
    """
    allowed = editable_fields(user, node)
    refused = set(changes) - set(allowed)
    if not allowed or refused:
        raise PermissionError(sorted(refused) or "node")
    empty = sorted(field for field, value in changes.items() if value is None)
    if empty:
        raise EditError(
            _("Sans valeur (null) : %(fields)s. Envoyez un texte vide pour effacer un texte.")
            % {"fields": ", ".join(empty)},
            [{"field": field, "message": _("ne peut pas valoir null")} for field in empty],
        )
    if "title" in changes and not changes["title"].strip():
        message = _("Donnez un intitulé : un élément sans intitulé ne se lit pas dans le projet.")
        raise EditError(message, [{"field": "title", "message": message}])
    current = PlanNode.objects.select_for_update().get(pk=node.pk)
    if current.version != version:
        raise EditConflict(current)
    changed = {field: value for field, value in changes.items() if getattr(current, field) != value}
    if not changed:
        return current
    for field, value in changed.items():
        setattr(current, field, value)
    try:
        current.save_change(user, _("Modification dans le site"), validate=changed)
    except ValidationError as error:
        raise EditError.from_validation(error) from error
    return current
