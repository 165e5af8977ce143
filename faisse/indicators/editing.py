"""Every change to indicators from the site goes through these functions: one
transaction each, the history records who (`_history_user`) and why, and an indicator
saved from a form opened before someone else's change is refused (`version`).

Permissions are the views' business (faisse/indicators/abilities.py); these functions
check what the data must be (territory of the nodes, one value per date).
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from faisse.core.errors import Refusal
from faisse.indicators.display import format_exact
from faisse.indicators.models import Indicator, IndicatorLink, IndicatorTarget, IndicatorValue
from faisse.plans.models import PlanNode


class IndicatorError(Refusal):
    """A change refused; the message says why, in French."""


class IndicatorConflict(IndicatorError):
    def __init__(self, current: Indicator):
        super().__init__(
            _(
                "Cet indicateur a été modifié par quelqu’un d’autre pendant que vous l’éditiez. "
                "Vos modifications n’ont pas été enregistrées : la page montre maintenant la "
                "version actuelle ; enregistrez de nouveau pour la remplacer par la vôtre."
            )
        )
        self.current = current


def _by(row, user, reason: str):
    row._history_user = user
    row._change_reason = reason
    return row


@transaction.atomic
def save_indicator(
    indicator: Indicator,
    user,
    *,
    targets: dict[int, Decimal],
    pilots,
    version: int | None = None,
) -> Indicator:
    """Save the indicator (fields already set on it), its targets ({year: value}, exactly
    these) and its pilots. An existing indicator is saved only if still at `version`."""
    creating = indicator.pk is None
    if not creating:
        current = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if current.version != version:
            raise IndicatorConflict(current)
        indicator.version = current.version + 1
    reason = _("Indicateur créé") if creating else _("Indicateur modifié")
    _by(indicator, user, reason).save()
    indicator.pilots.set(pilots)
    _save_targets(indicator, user, targets)
    return indicator


def _save_targets(indicator: Indicator, user, targets: dict[int, Decimal]) -> None:
    """Delete, change and add rows one by one, so that the history has each of them."""
    existing = {
        target.year: target for target in IndicatorTarget.objects.filter(indicator=indicator)
    }
    reason = _("Cibles modifiées")
    for year, target in existing.items():
        if year not in targets:
            _by(target, user, reason).delete()
        elif target.value != targets[year]:
            target.value = targets[year]
            _by(target, user, reason).save()
    for year, value in targets.items():
        if year not in existing:
            row = IndicatorTarget(
                indicator=indicator, territory_id=indicator.territory_id, year=year, value=value
            )
            _by(row, user, reason).save()


@transaction.atomic
def delete_indicator(indicator: Indicator, user) -> None:
    _by(indicator, user, _("Indicateur supprimé")).delete()


@transaction.atomic
def set_links(indicator: Indicator, user, node_ids: set[int]) -> int:
    """Link the indicator to exactly these elements (of its territory); how many."""
    nodes = set(
        PlanNode.objects.filter(territory_id=indicator.territory_id, pk__in=node_ids).values_list(
            "pk", flat=True
        )
    )
    if nodes != set(node_ids):
        raise IndicatorError(
            _(
                "Un des éléments cochés n’existe pas (ou plus) dans ce territoire : rien n’a "
                "été enregistré. Rechargez la page et cochez de nouveau."
            )
        )
    reason = _("Éléments liés modifiés")
    links = {link.node_id: link for link in IndicatorLink.objects.filter(indicator=indicator)}
    for node_id, link in links.items():
        if node_id not in nodes:
            _by(link, user, reason).delete()
    for node_id in nodes - set(links):
        link = IndicatorLink(
            indicator=indicator, node_id=node_id, territory_id=indicator.territory_id
        )
        _by(link, user, reason).save()
    return len(nodes)


def record_value(
    indicator: Indicator,
    user,
    *,
    on,
    value: Decimal,
    source: str = "",
    comment: str = "",
    replace: bool = False,
) -> IndicatorValue:
    """Record the value measured at `on`; a value already there at that date is replaced
    only when `replace` says so."""
    try:
        with transaction.atomic():
            existing = (
                IndicatorValue.objects.select_for_update()
                .filter(indicator=indicator, on=on)
                .first()
            )
            if existing is not None and not replace:
                raise IndicatorError(
                    _(
                        "Une valeur est déjà saisie au %(date)s (%(value)s) : cochez « Remplacer "
                        "la valeur de cette date » pour la corriger."
                    )
                    % {
                        "date": on.strftime("%d/%m/%Y"),
                        "value": format_exact(existing.value, indicator),
                    }
                )
            row = existing or IndicatorValue(
                indicator=indicator, territory_id=indicator.territory_id, on=on, created_by=user
            )
            row.value, row.source, row.comment = value, source, comment
            reason = _("Valeur corrigée") if existing else _("Valeur saisie")
            _by(row, user, reason).save()
            return row
    except IntegrityError as error:  # the same date written at the same moment by another
        raise IndicatorError(
            _("Une valeur vient d’être saisie à cette date par quelqu’un d’autre : rechargez.")
        ) from error


@transaction.atomic
def delete_value(value: IndicatorValue, user) -> None:
    _by(value, user, _("Valeur supprimée")).delete()
