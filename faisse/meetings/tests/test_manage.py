"""Editors prepare meetings: the form refuses what cannot be (naming the field) and writes
nothing then; deleting asks first and tells the people registered; attendance and
minutes come after the meeting; the plan's elements discussed are chosen in plan order."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from faisse.meetings.models import Meeting
from faisse.meetings.registering import register
from faisse.meetings.testing import make_meeting, paris
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


@pytest.fixture
def editor(client, people):
    client.force_login(people["editor"])
    return people["editor"]


def form_data(territory, **changes) -> dict:
    data = {
        "kind": "workshop",
        "title": "Atelier prospective",
        "description": "",
        "day": "2030-05-23",
        "start_time": "18:30",
        "end_time": "20:30",
        "commune": territory.communes.order_by("insee").first().pk,
        "address": "Salle des fêtes",
        "online_url": "",
        "audience": "elected",
        "is_published": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_editor_creates_a_meeting_in_paris_time(client, territory, editor):
    url = reverse("meetings_manage:create", args=[territory.slug])
    response = client.post(url, form_data(territory, registration_enabled="on", capacity="40"))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == paris(2030, 5, 23, 18, 30)
    assert meeting.ends_at == paris(2030, 5, 23, 20, 30)
    assert meeting.territory == territory and meeting.capacity == 40
    page = client.get(reverse("meetings_manage:edit", args=[territory.slug, meeting.pk]))
    assert 'value="18:30"' in page.content.decode()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"end_time": "17:00"}, "end_time", "finir après son début"),
        ({"day": "2030-03-31", "start_time": "02:30"}, "start_time", "heure d’été"),
        ({"commune": "", "address": ""}, "commune", "une commune, un lien en ligne"),
        ({"commune": ""}, "commune", "Choisissez la commune de cette adresse"),
        ({"audience": "commission"}, "commission", "Choisissez la commission invitée"),
        ({"capacity": "10"}, "capacity", "cochez « Sur inscription »"),
        ({"registration_enabled": "on", "capacity": "0"}, "capacity", "Au moins une place"),
        ({"title": "Atelier\x00"}, "title", "caractère nul"),
        ({"online_url": "javascript:alert(1)"}, "online_url", "URL valide"),
        ({"day": "2030-02-30"}, "day", "date valide"),
    ],
)
def test_the_form_names_what_is_wrong_and_writes_nothing(
    client, territory, editor, changes, field, message
):
    url = reverse("meetings_manage:create", args=[territory.slug])
    response = client.post(url, form_data(territory, **changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page, page[page.find("error-summary") :][:800]
    assert f'id="id_{field}_error"' in page
    assert not Meeting.objects.exists()


def test_a_commune_or_commission_of_another_territory_is_refused(client, territory, editor):
    from faisse.accounts.models import Commission
    from faisse.territories.testing import make_territory

    other = make_territory()
    foreign = Commission.objects.create(territory=other, name="Étrangère")
    url = reverse("meetings_manage:create", args=[territory.slug])
    data = form_data(territory, commune=other.communes.first().pk)
    assert client.post(url, data).status_code == 400
    data = form_data(territory, audience="commission", commission=foreign.pk)
    assert client.post(url, data).status_code == 400
    assert not Meeting.objects.exists()


def test_deleting_asks_first_then_tells_the_people_registered(
    client, territory, people, editor, django_capture_on_commit_callbacks
):
    meeting = make_meeting(territory, title="Réunion à Anduze", registration_enabled=True)
    register(meeting, user=people["elected"])
    register(meeting, name="Habitante", email="habitante@example.org")
    url = reverse("meetings_manage:delete", args=[territory.slug, meeting.pk])
    question = client.post(url)
    assert question.status_code == 200
    assert "2 inscriptions sont effacées avec elle" in question.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "1"}).status_code == 302
    assert not Meeting.objects.exists()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "elected@example.org",
        "habitante@example.org",
    ]
    assert all("Réunion annulée" in message.subject for message in mail.outbox)


def test_attendance_is_recorded_after_the_meeting_only(client, territory, editor):
    upcoming = make_meeting(territory)
    past = make_meeting(territory, starts_at=timezone.now() - timedelta(days=1))
    for meeting, status in ((upcoming, 400), (past, 302)):
        url = reverse("meetings_manage:attendance", args=[territory.slug, meeting.pk])
        assert client.post(url, {"attendance": "113"}).status_code == status
    upcoming.refresh_from_db(), past.refresh_from_db()
    assert (upcoming.attendance, past.attendance) == (None, 113)
    url = reverse("meetings_manage:attendance", args=[territory.slug, past.pk])
    assert client.post(url, {"attendance": "-3"}).status_code == 400


def test_minutes_are_a_draft_until_published_after_the_meeting(client, territory, editor):
    upcoming = make_meeting(territory)
    past = make_meeting(territory, starts_at=timezone.now() - timedelta(days=1))
    url = reverse("meetings_manage:minutes", args=[territory.slug, upcoming.pk])
    response = client.post(url, {"minutes": "Compte rendu", "publish": "on"})
    assert response.status_code == 400
    assert "son compte rendu se publie après" in response.content.decode()
    url = reverse("meetings_manage:minutes", args=[territory.slug, past.pk])
    assert client.post(url, {"minutes": "Brouillon du compte rendu"}).status_code == 302
    past.refresh_from_db()
    assert past.minutes == "Brouillon du compte rendu" and not past.minutes_published
    assert client.post(url, {"minutes": "", "publish": "on"}).status_code == 400
    assert client.post(url, {"minutes": "Version finale", "publish": "on"}).status_code == 302
    past.refresh_from_db()
    assert past.minutes_published and past.minutes == "Version finale"


def test_nodes_are_chosen_in_plan_order_and_a_search_keeps_the_others(
    client, territory, plan, editor
):
    meeting = make_meeting(territory)
    axes = list(PlanNode.objects.filter(plan=plan, kind="axis").order_by("position"))
    url = reverse("meetings_manage:nodes", args=[territory.slug, meeting.pk])
    page = client.get(url).content.decode()
    labels = [node.working_label for node in PlanNode.objects.filter(plan=plan)]
    assert all(label in page for label in labels)
    assert page.index(axes[0].working_label) < page.index(axes[1].working_label)
    assert client.post(url, {"nodes": [axes[0].pk]}).status_code == 302
    page = client.get(url, {"q": "axe 2"}).content.decode()
    assert f'<input type="hidden" name="nodes" value="{axes[0].pk}">' in page
    assert client.post(url + "?q=axe+2", {"nodes": [axes[0].pk, axes[1].pk]}).status_code == 302
    assert set(meeting.nodes.values_list("pk", flat=True)) == {axes[0].pk, axes[1].pk}


@pytest.mark.parametrize("value", ["abc", "²", "9" * 30, "-1"])
def test_a_node_that_is_not_one_changes_nothing(client, territory, plan, editor, value):
    meeting = make_meeting(territory)
    axis = PlanNode.objects.filter(plan=plan, kind="axis").first()
    meeting.nodes.set([axis])
    url = reverse("meetings_manage:nodes", args=[territory.slug, meeting.pk])
    response = client.post(url, {"nodes": [value]})
    assert response.status_code == 400
    assert "rien n’a été enregistré" in response.content.decode()
    assert list(meeting.nodes.all()) == [axis]


def test_the_registrations_page_shows_the_waiting_list_in_order(client, territory, people, editor):
    meeting = make_meeting(territory, registration_enabled=True, capacity=1)
    register(meeting, user=people["elected"])
    register(meeting, user=people["partner"])
    register(meeting, name="Habitante", email="habitante@example.org")
    url = reverse("meetings_manage:registrations", args=[territory.slug, meeting.pk])
    page = client.get(url).content.decode()
    registered, waiting = page.split("Liste d’attente :")
    assert "elected@example.org" in registered
    assert waiting.index("partner@example.org") < waiting.index("habitante@example.org")


def test_raising_the_capacity_in_the_form_promotes(
    client, territory, people, editor, django_capture_on_commit_callbacks
):
    meeting = make_meeting(
        territory, starts_at=paris(2030, 5, 23, 18, 30), registration_enabled=True, capacity=1
    )
    register(meeting, user=people["elected"])
    register(meeting, user=people["partner"])
    url = reverse("meetings_manage:edit", args=[territory.slug, meeting.pk])
    data = form_data(territory, audience="public", registration_enabled="on", capacity="2")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert meeting.registrations.filter(status="waiting").count() == 0
    assert [message.to for message in mail.outbox] == [["partner@example.org"]]
