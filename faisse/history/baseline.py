"""A first version for rows that were written without history.

Rows created by `bulk_create` (imports, detection of communes) or before history was turned
on have no historical record: their first change through the ORM would then record only
the state *after* it, and the state before would be lost. Before such a row is saved (or
its pilots changed), its stored state is recorded as a first version, with no author and
the reason `BASELINE_REASON`. Rows that already have a history cost one indexed lookup.
"""

from django.db import models
from django.db.models.signals import m2m_changed, pre_save
from django.utils.translation import gettext_lazy as _

from faisse.history.records import TRACKED

BASELINE_REASON = _("État antérieur au premier changement enregistré")


def record_baseline(model: type[models.Model], pk: int) -> None:
    """Record the stored state of the row as its first version, if it has no history."""
    history = model.history.model
    if history.objects.filter(id=pk).exists():
        return
    stored = model._default_manager.filter(pk=pk).first()
    if stored is None:
        return
    stored._history_user = None  # nobody known; not the person of the current request
    (record,) = model.history.bulk_history_create(
        [stored], update=True, default_change_reason=str(BASELINE_REASON)
    )
    if record.pk is None:  # a database that does not return ids from bulk inserts
        record = history.objects.filter(id=pk).latest()
    for field in history._history_m2m_fields:
        _copy_m2m(history, field, stored, record)


def _copy_m2m(history, field, instance, record) -> None:
    m2m_history = getattr(history, field.name).model
    through = field.remote_field.through
    source = field.m2m_field_name()
    names = [f.attname for f in through._meta.fields]
    rows = through.objects.filter(**{source: instance.pk}).values(*names)
    m2m_history.objects.bulk_create(m2m_history(history=record, **row) for row in rows)


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance._state.adding or instance.pk is None:
        return
    if hasattr(instance, "skip_history_when_saving"):
        return
    record_baseline(sender, instance.pk)


def _before_m2m(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    if hasattr(instance, "skip_history_when_saving"):
        return
    if not reverse:
        record_baseline(type(instance), instance.pk)
    else:
        for pk in pk_set or ():
            record_baseline(model, pk)


def connect() -> None:
    for model in TRACKED.values():
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"history-{model._meta.label}")
        for field in model.history.model._history_m2m_fields:
            m2m_changed.connect(
                _before_m2m,
                sender=field.remote_field.through,
                dispatch_uid=f"history-{model._meta.label}-{field.name}",
            )
