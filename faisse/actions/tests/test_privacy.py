"""What action sheets keep about a person (RGPD): shown and downloaded with their data,
and forgotten when they erase their account — the updates and documents stay, without
their author; their name leaves the sheets and the sheets' history."""

import json

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.privacy import erase_account, personal_data
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionDocument, ActionSheet, ActionUpdate
from faisse.actions.privacy import name_forms
from faisse.actions.testing import make_sheet
from faisse.actions.updating import record_update
from faisse.core.french import fold
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(plan):
    return list(PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk"))


@pytest.fixture
def camille(territory, actions):
    """An editor who wrote an update and added a document on the first action, is élu·e
    référente of the second, and is named as text on the third and fourth."""
    make_member(territory, Role.ADMIN)  # someone else keeps the territory administered
    person = make_member(
        territory, Role.EDITOR, "camille@example.org", first_name="Camille", last_name="Dupré"
    )
    record_update(actions[0], person, status="in_progress", note="Lancement", public=True)
    ActionDocument.objects.create(
        sheet=actions[0].sheet, title="Compte rendu", url="https://example.org/cr", added_by=person
    )
    make_sheet(actions[1]).elected_referents.add(person)
    make_sheet(actions[2], pilot_names=["DUPRÉ Camille", "Jean Martin"])
    make_sheet(actions[3], referent_names=["camille  dupre", "Camille", "Camille Dupréz"])
    return person


def test_the_download_and_the_page_show_what_the_sheets_keep(client, camille, actions):
    data = personal_data(camille)
    [update] = data["action_updates"]
    assert (update["action_id"], update["status"], update["note"]) == (
        actions[0].pk,
        "in_progress",
        "Lancement",
    )
    assert [(d["action_id"], d["title"]) for d in data["action_documents"]] == [
        (actions[0].pk, "Compte rendu")
    ]
    assert [(s["action_id"], s["named_as"]) for s in data["action_sheets_naming_you"]] == [
        (actions[1].pk, ["elected_referent"]),
        (actions[2].pk, ["pilot_names"]),
        (actions[3].pk, ["referent_names"]),
    ]
    client.force_login(camille)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "1 point de suivi écrit sur une action" in page
    assert "1 document ou lien ajouté à une fiche action" in page
    assert "3 fiches action vous nomment (élu·e référent·e ou pilote)" in page
    download = json.loads(client.get(reverse("accounts:my_data_download")).content)
    assert download["action_sheets_naming_you"] == data["action_sheets_naming_you"]


def test_a_name_is_matched_whole_in_either_order_without_case_or_accents(camille):
    assert name_forms(camille) == {"camille dupre", "dupre camille"}
    camille.last_name = ""
    assert name_forms(camille) == set()  # "Camille" alone names too many people


def _versions_naming(forms: set[str], sheets) -> int:
    versions = ActionSheet.history.filter(id__in=[sheet.pk for sheet in sheets])
    return sum(
        any(" ".join(fold(name).split()) in forms for name in v.pilot_names + v.referent_names)
        for v in versions
    )


def test_erasure_detaches_the_author_and_forgets_the_name(camille, actions):
    update = ActionUpdate.objects.get(author=camille)
    forms = name_forms(camille)
    sheets = ActionSheet.objects.filter(node__in=actions[2:4])
    assert _versions_naming(forms, sheets) == 2  # the history holds the name…
    erase_account(camille)
    update.refresh_from_db()
    assert update.author is None and update.note == "Lancement"  # the plan keeps its update
    document = ActionDocument.objects.get(title="Compte rendu")
    assert document.added_by is None
    referent = ActionSheet.objects.get(node=actions[1])
    assert not referent.elected_referents.exists()
    record = referent.history.latest()
    assert (record.history_user_id, record.history_change_reason) == (
        camille.pk,
        "Élu·e référent·e retiré·e : compte supprimé",
    )
    piloted = ActionSheet.objects.get(node=actions[2])
    assert piloted.pilot_names == ["Jean Martin"] and piloted.version == 2
    assert piloted.history.latest().history_change_reason == "Nom retiré : compte supprimé"
    named = ActionSheet.objects.get(node=actions[3])
    assert named.referent_names == ["Camille", "Camille Dupréz"]  # other people's names stay
    assert _versions_naming(forms, sheets) == 0  # …and no longer
    assert ActionSheet.history.filter(id__in=[piloted.pk, named.pk]).count() == 4
    assert personal_data(camille)["action_sheets_naming_you"] == []
    assert personal_data(camille)["action_updates"] == []
