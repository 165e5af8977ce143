"""What action sheets keep about a person (RGPD), registered in apps.py: the dated updates
they wrote, the documents and links they added, the sheets that name them as élu·e
référent·e (as a member) or by their name typed as text (TeT's "autres pilotes" and
"autres élu·es", imported as written).

Erasing an account keeps the updates and documents, which belong to the plan, without
their author; takes the person off the sheets' élu·es référent·es; and removes their full
name from the names typed on the sheets, in the sheets and in their history, where it is
written "Prénom Nom" or "Nom Prénom" (case and accents aside).
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.accounts.privacy import PersonalDataSource
from faisse.actions.models import ActionDocument, ActionSheet, ActionUpdate
from faisse.core.french import fold

NAME_LISTS = ("pilot_names", "referent_names")


def _moment(value):
    return value.isoformat() if value else None


def _updates(user) -> list[dict]:
    updates = (
        ActionUpdate.objects.filter(author=user)
        .select_related("sheet__node", "territory")
        .order_by("created_at", "pk")
    )
    return [
        {
            "territory": update.territory.name,
            "action": update.sheet.node.title,
            "action_id": update.sheet.node_id,
            "on": _moment(update.on),
            "written": _moment(update.created_at),
            "status": update.new_status,
            "progress": update.new_progress,
            "note": update.note,
            "public": update.is_public,
        }
        for update in updates
    ]


def _documents(user) -> list[dict]:
    documents = (
        ActionDocument.objects.filter(added_by=user)
        .select_related("sheet__node", "sheet__territory")
        .order_by("added_at", "pk")
    )
    return [
        {
            "territory": document.sheet.territory.name,
            "action": document.sheet.node.title,
            "action_id": document.sheet.node_id,
            "title": document.title,
            "url": document.url,
            "added": _moment(document.added_at),
        }
        for document in documents
    ]


def name_forms(user) -> set[str]:
    """The person's full name as sheets may write it, folded: "prenom nom" and "nom
    prenom". None without both a first and a last name: one word names too many people."""
    first, last = (" ".join(fold(part).split()) for part in (user.first_name, user.last_name))
    if not (first and last):
        return set()
    return {f"{first} {last}", f"{last} {first}"}


def _is_named(name, forms: set[str]) -> bool:
    return isinstance(name, str) and " ".join(fold(name).split()) in forms


def _naming(rows, forms: set[str]):
    """The rows (sheets or their versions) whose typed names include the person."""
    if not forms:
        return
    for row in rows.exclude(pilot_names=[], referent_names=[]).iterator():
        if any(_is_named(name, forms) for field in NAME_LISTS for name in getattr(row, field)):
            yield row


def _sheets(user) -> list[dict]:
    forms = name_forms(user)
    found: dict[int, tuple[ActionSheet, list[str]]] = {}
    sheets = ActionSheet.objects.select_related("node", "territory")
    for sheet in sheets.filter(elected_referents=user):
        found[sheet.pk] = (sheet, ["elected_referent"])
    for sheet in _naming(sheets, forms):
        _sheet, ways = found.setdefault(sheet.pk, (sheet, []))
        ways.extend(
            field
            for field in NAME_LISTS
            if any(_is_named(name, forms) for name in getattr(sheet, field))
        )
    return [
        {
            "territory": sheet.territory.name,
            "action": sheet.node.title,
            "action_id": sheet.node_id,
            "named_as": ways,
        }
        for sheet, ways in sorted(found.values(), key=lambda item: item[0].pk)
    ]


def _without_name(names: list, forms: set[str]) -> list:
    return [name for name in names if not _is_named(name, forms)]


def forget_on_sheets(user) -> int:
    """Take the person off the sheets (élu·e référent·e, names typed as text, in the
    sheets and their history); how many sheets changed."""
    changed = set()
    for sheet in ActionSheet.objects.filter(elected_referents=user):
        sheet._history_user = user
        sheet._change_reason = _("Élu·e référent·e retiré·e : compte supprimé")
        sheet.elected_referents.remove(user)
        changed.add(sheet.pk)
    forms = name_forms(user)
    for sheet in list(_naming(ActionSheet.objects.all(), forms)):
        for field in NAME_LISTS:
            setattr(sheet, field, _without_name(getattr(sheet, field), forms))
        sheet.version += 1
        sheet._history_user = user
        sheet._change_reason = _("Nom retiré : compte supprimé")
        sheet.save()
        changed.add(sheet.pk)
    history = ActionSheet.history.model.objects.only("history_id", *NAME_LISTS)
    for record in list(_naming(history, forms)):
        kept = {field: _without_name(getattr(record, field), forms) for field in NAME_LISTS}
        type(record).objects.filter(history_id=record.history_id).update(**kept)
    return len(changed)


ACTION_UPDATES = PersonalDataSource(
    key="action_updates",
    export=_updates,
    describe=lambda rows: (
        ngettext(
            "%(count)s point de suivi écrit sur une action",
            "%(count)s points de suivi écrits sur des actions",
            len(rows),
        )
        % {"count": len(rows)}
    ),
    erase=lambda user: ActionUpdate.objects.filter(author=user).update(author=None),
)

ACTION_DOCUMENTS = PersonalDataSource(
    key="action_documents",
    export=_documents,
    describe=lambda rows: (
        ngettext(
            "%(count)s document ou lien ajouté à une fiche action",
            "%(count)s documents ou liens ajoutés à des fiches action",
            len(rows),
        )
        % {"count": len(rows)}
    ),
    erase=lambda user: ActionDocument.objects.filter(added_by=user).update(added_by=None),
)

NAMING_SHEETS = PersonalDataSource(
    key="action_sheets_naming_you",
    export=_sheets,
    describe=lambda rows: (
        ngettext(
            "%(count)s fiche action vous nomme (élu·e référent·e ou pilote)",
            "%(count)s fiches action vous nomment (élu·e référent·e ou pilote)",
            len(rows),
        )
        % {"count": len(rows)}
    ),
    erase=forget_on_sheets,
)

SOURCES = (ACTION_UPDATES, ACTION_DOCUMENTS, NAMING_SHEETS)
