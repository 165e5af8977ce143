"""record_update and update_sheet: who may write what, the status table, dating, history."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet, ActionUpdate
from faisse.actions.testing import make_sheet
from faisse.actions.updating import SheetConflict, record_update, status_on, update_sheet
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territory = make_territory()
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=2)
    mine, other = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")
    pilot = make_member(territory, Role.PILOT)
    mine.pilots.add(pilot)
    make_sheet(mine, status="in_progress", progress=40)
    return {
        "mine": mine,
        "other": other,
        "pilot": pilot,
        "editor": make_member(territory, Role.EDITOR),
        "elected": make_member(territory, Role.ELECTED),
    }


def test_a_pilot_dates_a_status_and_progress_change_of_their_action(world):
    day = timezone.localdate() - timedelta(days=3)
    update = record_update(
        world["mine"], world["pilot"], on=day, status="done", progress=100, note="Livré."
    )
    sheet = ActionSheet.objects.get(node=world["mine"])
    assert (sheet.status, sheet.progress, sheet.progress_source) == ("done", 100, "manual")
    assert (update.on, update.old_status, update.new_status) == (day, "in_progress", "done")
    assert (update.old_progress, update.new_progress, update.author) == (40, 100, world["pilot"])
    record = sheet.history.first()
    assert record.history_user == world["pilot"]
    assert record.history_change_reason == f"Point de suivi du {day:%d/%m/%Y}"
    assert ActionUpdate.history.filter(id=update.pk).exists()


def test_a_note_alone_is_an_update_that_changes_nothing_else(world):
    update = record_update(world["mine"], world["pilot"], note="Réunion de chantier.")
    assert (update.new_status, update.new_progress) == ("", None)
    assert ActionSheet.objects.get(node=world["mine"]).version == 1


@pytest.mark.parametrize("who", ["pilot", "elected"])
def test_nobody_but_its_pilots_and_editors_updates_an_action(world, who):
    target = world["other"] if who == "pilot" else world["mine"]
    with pytest.raises(PermissionError):
        record_update(target, world[who], note="Pas le mien.")
    assert not ActionUpdate.objects.exists()


def test_a_move_the_table_refuses_is_refused_in_french(world):
    record_update(world["mine"], world["pilot"], status="done")
    with pytest.raises(EditError, match="Après « Réalisé » : En cours"):
        record_update(world["mine"], world["pilot"], status="planned")


def test_only_an_editor_corrects_a_status_and_says_why(world):
    record_update(world["mine"], world["pilot"], status="done")
    with pytest.raises(PermissionError):
        record_update(world["mine"], world["pilot"], status="planned", correcting=True, note="x")
    with pytest.raises(EditError, match="pourquoi"):
        record_update(world["mine"], world["editor"], status="planned", correcting=True)
    record_update(world["mine"], world["editor"], status="planned", correcting=True, note="Erreur.")
    sheet = ActionSheet.objects.get(node=world["mine"])
    assert sheet.status == "planned"
    assert sheet.history.first().history_change_reason == "Correction du statut"


def test_bad_updates_write_nothing(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    for kwargs in ({"on": tomorrow, "note": "demain"}, {"progress": 120}, {}):
        with pytest.raises(EditError):
            record_update(world["mine"], world["pilot"], **kwargs)
    assert not ActionUpdate.objects.exists()
    assert ActionSheet.objects.get(node=world["mine"]).version == 1


def test_a_form_opened_before_another_change_is_refused(world):
    record_update(world["mine"], world["pilot"], progress=50, version=1)
    with pytest.raises(SheetConflict):
        record_update(world["mine"], world["pilot"], progress=60, version=1)


def test_an_editor_changes_the_sheet_and_a_status_change_is_dated(world):
    update_sheet(world["mine"], world["editor"], {"priority": "high", "status": "paused"}, 1)
    sheet = ActionSheet.objects.get(node=world["mine"])
    assert (sheet.priority, sheet.status, sheet.version) == ("high", "paused", 2)
    update = ActionUpdate.objects.get()
    assert (update.old_status, update.new_status) == ("in_progress", "paused")
    with pytest.raises(PermissionError):
        update_sheet(world["mine"], world["pilot"], {"priority": "low"}, 2)
    with pytest.raises(EditError):
        update_sheet(
            world["mine"],
            world["editor"],
            {"start_date": date(2025, 5, 1), "end_date": date(2025, 1, 1)},
            2,
        )


def test_the_status_at_a_date_comes_from_the_updates():
    def change(on, old, new):
        return ActionUpdate(on=on, old_status=old, new_status=new)

    updates = [
        change(date(2024, 3, 1), "planned", "in_progress"),
        change(date(2025, 9, 1), "in_progress", "done"),
        ActionUpdate(on=date(2025, 10, 1), note="Inauguration"),
    ]
    assert status_on(updates, "done", date(2023, 12, 31)) == "planned"
    assert status_on(updates, "done", date(2024, 12, 31)) == "in_progress"
    assert status_on(updates, "done", date(2025, 12, 31)) == "done"
    assert status_on([], "paused", date(2025, 12, 31)) == "paused"
