"""The Alès demo's meetings: what the sources say (18 workshops over five steps, hearings
in February–March 2018, 23 and 24 May, public meetings in May–June, the council of
28 June with 113 élus), linked to the process's steps; running twice adds nothing."""

from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from faisse.accounts.models import Commission
from faisse.meetings.demo import COMMISSIONS, load_demo_meetings
from faisse.meetings.models import Meeting
from faisse.participation.loading import ALES_2018_PROCESS, load_process_steps
from faisse.participation.models import Process

pytestmark = pytest.mark.django_db
K = Meeting.Kind


@pytest.fixture
def process(ales_plan):
    territory = ales_plan.territory
    load_process_steps(ALES_2018_PROCESS, territory, ales_plan)
    # One commission of the demo exists: its hearing is for it; the others for the élus.
    Commission.objects.create(territory=territory, name=COMMISSIONS[3][0])
    return Process.objects.get(territory=territory)


def local_day(meeting) -> date:
    return timezone.localtime(meeting.starts_at).date()


def test_the_meetings_of_the_sources(process):
    created = load_demo_meetings(process)
    meetings = list(Meeting.objects.filter(territory=process.territory).select_related("step"))
    assert created == len(meetings) == 18 + len(COMMISSIONS) + 8
    workshops = [m for m in meetings if m.kind == K.WORKSHOP]
    assert len(workshops) == 18
    assert Counter(m.step.number for m in workshops) == {1: 4, 2: 4, 3: 4, 4: 3, 5: 3}
    hearings = [m for m in meetings if m.kind == K.HEARING]
    assert all(date(2018, 2, 1) <= local_day(m) <= date(2018, 3, 31) for m in hearings)
    assert {m.step.kind for m in hearings} == {"hearing"}
    assert Counter(m.audience for m in hearings) == {"commission": 1, "elected": 5}
    by_day = {local_day(m): m for m in meetings if m.kind != K.WORKSHOP}
    assert by_day[date(2018, 5, 23)].audience == Meeting.Audience.ELECTED
    assert by_day[date(2018, 5, 24)].kind == K.PARTNERS
    council = by_day[date(2018, 6, 28)]
    assert (council.kind, council.attendance) == (K.COUNCIL, 113)
    assert "113 élus" in council.minutes and council.minutes_published
    public = [m for m in meetings if m.kind == K.PUBLIC_MEETING]
    assert len(public) == 5 and len({m.commune_id for m in public}) == 5
    assert all(date(2018, 5, 1) <= local_day(m) <= date(2018, 6, 30) for m in public)
    assert all(m.step and m.step.starts_on == date(2018, 5, 1) for m in public)
    assert all(m.attendance and m.minutes_published for m in meetings)  # all past
    assert all(m.is_published and m.commune_id for m in meetings)


def test_times_are_plausible_in_paris_time(process):
    load_demo_meetings(process)
    for meeting in Meeting.objects.filter(territory=process.territory):
        start = timezone.localtime(meeting.starts_at)
        assert 9 <= start.hour <= 18 and start.weekday() < 5, meeting
        assert meeting.ends_at > meeting.starts_at
    first = Meeting.objects.get(title__startswith="Atelier 1 — étape 1")
    assert first.starts_at.isoformat() == "2017-10-10T16:00:00+00:00"  # 18:00 in summer time


def test_workshops_and_sharing_discuss_the_plan(process):
    load_demo_meetings(process)
    third = Meeting.objects.get(title__startswith="Atelier 1 — étape 3")
    assert sorted(node.number for node in third.nodes.all()) == ["1.1", "1.2"]
    council = Meeting.objects.get(kind=K.COUNCIL)
    assert sorted(node.number for node in council.nodes.all()) == ["1", "2", "3"]


def test_running_twice_adds_nothing(process):
    load_demo_meetings(process)
    before = list(Meeting.objects.order_by("pk").values())
    links = Meeting.nodes.through.objects.count()
    assert load_demo_meetings(process) == 0
    assert list(Meeting.objects.order_by("pk").values()) == before
    assert Meeting.nodes.through.objects.count() == links


def test_a_commission_made_later_gets_its_hearing(process):
    load_demo_meetings(process)
    name = COMMISSIONS[0][0]
    commission = Commission.objects.create(territory=process.territory, name=name)
    assert load_demo_meetings(process) == 0
    hearing = Meeting.objects.get(title__contains=name)
    assert (hearing.audience, hearing.commission) == (Meeting.Audience.COMMISSION, commission)
