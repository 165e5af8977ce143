"""The changes a person made, in their personal data (registered in apps.py). Erasing an
account keeps them: the history goes on saying that one person made them, now
"Compte supprimé n° N"."""

from django.utils.translation import ngettext

from faisse.accounts.privacy import PersonalDataSource
from faisse.history.records import TRACKED

CHANGES = {"+": "created", "~": "changed", "-": "deleted"}


def _changes(user) -> list[dict]:
    changes = []
    for source, model in TRACKED.items():
        records = model.history.model.objects.filter(history_user=user).order_by("history_date")
        for record in records.values("history_date", "history_type", "id"):
            changes.append(
                {
                    "date": record["history_date"].isoformat(),
                    "object": source,
                    "id": record["id"],
                    "change": CHANGES[record["history_type"]],
                }
            )
    return sorted(changes, key=lambda change: change["date"])


CHANGES_TO_PLANS = PersonalDataSource(
    key="changes_to_plans",
    export=_changes,
    describe=lambda changes: (
        ngettext(
            "%(count)s modification enregistrée dans l’historique des projets",
            "%(count)s modifications enregistrées dans l’historique des projets",
            len(changes),
        )
        % {"count": len(changes)}
    ),
)
