"""Kinds of change: what a recorded change did, in the words of the people who edit.

django-simple-history stores only "+" (created), "~" (changed) and "-" (deleted), and the
reason given by the code that made the change. A restore, a merge, an import or a move
is told apart by that reason: the functions that write them (plans.merging,
plans.importer.saving, plans.structure, plans.pilots, locations.detection and
history.changes.restore) start their reasons with the words below. The same definitions
answer both `kind_of(record)` (to show a change) and `kind_q(key)` (to filter the log in
the database), so that a change is always listed under the kind it shows.

The reasons are stored in the language of the site when they were written; French is the
source language and the only one the site speaks, so the prefixes are French, not
translated.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from faisse.history.baseline import BASELINE_REASON


@dataclass(frozen=True)
class ChangeKind:
    key: str  # in the query string: ?changement=fusion
    label: str
    prefixes: tuple[str, ...] = ()  # a reason starting with one of these (any type)
    history_type: str = ""  # else, the type of record ("+", "~", "-")
    generic_reasons: tuple[str, ...] = ()  # reasons that only repeat the label

    def q(self) -> Q:
        if self.prefixes:
            return reduce(or_, (Q(history_change_reason__startswith=p) for p in self.prefixes))
        return Q(history_type=self.history_type) & ~_SPECIFIC_Q

    def matches(self, record) -> bool:
        reason = record.history_change_reason or ""
        if self.prefixes:
            return reason.startswith(self.prefixes)
        return record.history_type == self.history_type and _specific(record) is None


# Reasons first (checked in this order), then the type of record for everything else.
SPECIFIC = (
    ChangeKind(
        "restauration",
        _("Restauration d’une version"),
        prefixes=("Restauration de la version du ",),
    ),
    ChangeKind(
        "fusion",
        _("Fusion d’actions similaires"),
        prefixes=("Fusion",),
        generic_reasons=("Fusion d’actions similaires",),
    ),
    ChangeKind("import", _("Import d’un document"), prefixes=("Import de ",)),
    ChangeKind(
        "deplacement",
        _("Déplacement dans le plan"),
        prefixes=("Déplacé", "Ordre modifié"),
        generic_reasons=("Déplacé", "Ordre modifié"),
    ),
    ChangeKind(
        "pilotes",
        _("Changement de pilotes"),
        prefixes=("Pilotes modifiés", "Pilote retiré"),
        generic_reasons=("Pilotes modifiés",),
    ),
    ChangeKind(
        "detection",
        _("Détection des communes"),
        prefixes=("Détection des communes",),
        generic_reasons=("Détection des communes",),
    ),
    ChangeKind(
        "etat-initial",
        _("Première version connue"),
        prefixes=(str(BASELINE_REASON),),
        generic_reasons=(str(BASELINE_REASON),),
    ),
)
BY_TYPE = {
    "+": ChangeKind("creation", _("Création"), history_type="+"),
    "~": ChangeKind(
        "modification",
        _("Modification"),
        history_type="~",
        generic_reasons=("Modification dans le site",),
    ),
    "-": ChangeKind("suppression", _("Suppression"), history_type="-"),
}
# In the order of the filter's list.
KINDS = (BY_TYPE["+"], BY_TYPE["~"], BY_TYPE["-"], *SPECIFIC)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
_SPECIFIC_Q = reduce(or_, (kind.q() for kind in SPECIFIC))


def _specific(record) -> ChangeKind | None:
    reason = record.history_change_reason or ""
    return next((kind for kind in SPECIFIC if reason.startswith(kind.prefixes)), None)


def kind_of(record) -> ChangeKind:
    """The kind of change a historical record is."""
    specific = _specific(record)
    if specific is not None:
        return specific
    return BY_TYPE.get(record.history_type) or ChangeKind(
        record.history_type, record.history_type, history_type=record.history_type
    )


def kind_q(key: str) -> Q:
    """The records of one kind (a key of KINDS_BY_KEY), as a filter of any history."""
    return KINDS_BY_KEY[key].q()


def detail(record) -> str:
    """The recorded reason when it says more than the kind's name ("Fusion avec « … »",
    "Restauration de la version du …"), else ""."""
    reason = record.history_change_reason or ""
    if reason in kind_of(record).generic_reasons:
        return ""
    return reason
