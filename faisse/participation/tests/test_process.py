"""The process and its steps: the state each step is in, the public page, and the editors'
pages that manage them."""

from datetime import date

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.participation.models import Deliverable, Process, ProcessStep

pytestmark = pytest.mark.django_db


def step(**values) -> ProcessStep:
    return ProcessStep(phase="co_construction", kind="workshop", title="Étape", **values)


@pytest.mark.parametrize(
    ("start", "end", "override", "state"),
    [
        (date(2017, 10, 1), date(2017, 10, 31), "", "past"),
        (date(2026, 11, 1), date(2026, 11, 30), "", "current"),
        (date(2026, 11, 29), date(2026, 11, 29), "", "current"),  # the day itself
        (date(2027, 1, 1), None, "", "upcoming"),
        (None, date(2026, 11, 28), "", "past"),
        (None, None, "", None),  # no dates: no state guessed
        (date(2017, 10, 1), date(2017, 10, 31), "current", "current"),  # set by hand
    ],
)
def test_a_step_s_state_follows_its_dates_unless_set_by_hand(start, end, override, state):
    today = date(2026, 11, 29)
    assert step(starts_on=start, ends_on=end, state_override=override).state(today) == state


@pytest.fixture
def process(territory, plan):
    process = Process.objects.create(
        territory=territory, plan=plan, title="Actualisation 2026", description="Pourquoi."
    )
    first = ProcessStep.objects.create(
        territory=territory,
        process=process,
        phase="co_construction",
        kind="workshop",
        number=1,
        title="Connaissance partagée",
        starts_on=date(2017, 10, 1),
        ends_on=date(2017, 10, 31),
        date_precision="month",
        position=1,
    )
    Deliverable.objects.create(step=first, title="Synthèse des ateliers", url="https://x.fr/s")
    return process


def test_the_public_page_tells_the_steps_their_dates_states_and_deliverables(client, process):
    html = client.get(reverse("portal:process", args=[process.territory.slug])).content.decode()
    assert "Actualisation 2026" in html and "Pourquoi." in html
    assert '<time datetime="2017-10">octobre 2017</time>' in html
    assert "passée" in html and 'href="https://x.fr/s"' in html
    home = client.get(reverse("portal:territory", args=[process.territory.slug])).content
    assert reverse("portal:process", args=[process.territory.slug]) in home.decode()


def test_an_editor_adds_orders_edits_and_removes_steps(client, process):
    territory = process.territory
    client.force_login(make_member(territory, Role.EDITOR))
    add = reverse("participation_manage:step_add", args=[territory.slug])
    response = client.post(
        add,
        {
            "etape-title": "Prospective territoriale",
            "etape-phase": "co_construction",
            "etape-kind": "workshop",
            "etape-starts_on": "2017-11-01",
            "etape-ends_on": "2017-11-30",
            "etape-date_precision": "month",
        },
    )
    assert response.status_code == 302
    second = ProcessStep.objects.get(title="Prospective territoriale")
    assert (second.process, second.position) == (process, 2)
    client.post(
        reverse("participation_manage:step_move", args=[territory.slug, second.pk]),
        {"direction": "up"},
    )
    assert list(process.steps.order_by("position").values_list("title", flat=True)) == [
        "Prospective territoriale",
        "Connaissance partagée",
    ]
    bad = client.post(
        add,
        {
            "etape-title": "À l’envers",
            "etape-phase": "sharing",
            "etape-kind": "meeting",
            "etape-starts_on": "2018-06-28",
            "etape-ends_on": "2018-05-01",
            "etape-date_precision": "day",
        },
    )
    assert bad.status_code == 400 and "La fin précède le début." in bad.content.decode()
    delete = reverse("participation_manage:step_delete", args=[territory.slug, second.pk])
    assert "Supprimer l’étape" in client.post(delete).content.decode()  # asks first
    client.post(delete, {"confirm": "1"})
    assert not ProcessStep.objects.filter(pk=second.pk).exists()


def test_deliverables_are_links_checked_before_saving(client, process):
    territory = process.territory
    first = process.steps.get()
    client.force_login(make_member(territory, Role.EDITOR))
    url = reverse("participation_manage:deliverable_add", args=[territory.slug, first.pk])
    page = client.post(url, {"livrable-title": "x", "livrable-url": "pas une adresse"}, follow=True)
    assert "Livrable non ajouté" in page.content.decode()
    client.post(url, {"livrable-title": "Diaporama", "livrable-url": "mairie.fr/diapo.pdf"})
    assert first.deliverables.filter(url="https://mairie.fr/diapo.pdf").exists()


def test_another_territory_s_editor_changes_nothing(client, process):
    from faisse.territories.testing import make_territory

    other = make_territory()
    client.force_login(make_member(other, Role.EDITOR))
    first = process.steps.get()
    for name, args in (
        ("participation_manage:step_edit", [process.territory.slug, first.pk]),
        ("participation_manage:step_delete", [process.territory.slug, first.pk]),
    ):
        assert client.post(reverse(name, args=args), {"confirm": "1"}).status_code == 403
    for name in ("participation_manage:step_edit", "participation_manage:step_delete"):
        url = reverse(name, args=[other.slug, first.pk])
        assert client.post(url, {"confirm": "1"}).status_code == 404  # B's step under A
    assert ProcessStep.objects.filter(pk=first.pk).exists()
