"""Who sees which meeting: the audience and the editors; a draft only the editors; the
others get 404 on every page, feed and API answer that could name it."""

import pytest
from django.urls import reverse

from faisse.meetings.audience import Reader
from faisse.meetings.models import Meeting
from faisse.meetings.testing import make_meeting

pytestmark = pytest.mark.django_db
A = Meeting.Audience

# audience → who of `people` sees it (editors and admins always do).
SEEN_BY = {
    A.PUBLIC: {"anonymous", "partner", "elected", "pilot", "commission_member", "other"},
    A.ELECTED: {"elected", "commission_member"},
    A.PARTNERS: {"partner"},
    A.MEMBERS: {"partner", "elected", "pilot", "commission_member"},
    A.COMMISSION: {"commission_member"},
}
READERS = ["anonymous", "partner", "elected", "pilot", "editor", "admin", "commission_member"]


def _user(people, name):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if name == "anonymous" else people[name]


@pytest.mark.parametrize("audience", list(SEEN_BY))
def test_each_audience_is_seen_by_its_people_and_the_editors(territory, people, audience):
    commission = people["commission"] if audience == A.COMMISSION else None
    meeting = make_meeting(territory, audience=audience, commission=commission)
    for name in [*READERS, "other"]:
        reader = Reader.of(_user(people, name), territory)
        expected = name in SEEN_BY[audience] | {"editor", "admin"}
        assert reader.sees(meeting) is expected, (audience, name)
        listed = Meeting.objects.visible_to(reader).filter(pk=meeting.pk).exists()
        assert listed is expected, (audience, name)


def test_a_draft_is_for_editors_only(territory, people):
    draft = make_meeting(territory, is_published=False)
    for name in READERS:
        reader = Reader.of(_user(people, name), territory)
        assert reader.sees(draft) is (name in ("editor", "admin")), name


def test_a_meeting_of_a_deleted_commission_stays_with_the_editors(territory, people):
    meeting = make_meeting(territory, audience=A.COMMISSION, commission=people["commission"])
    people["commission"].delete()
    meeting.refresh_from_db()
    assert meeting.commission is None
    member = Reader.of(people["commission_member"], territory)
    assert not member.sees(meeting)
    assert Reader.of(people["editor"], territory).sees(meeting)
    assert "supprimée" in meeting.audience_label


def test_pages_answer_404_to_those_outside_the_audience(client, territory, people):
    meeting = make_meeting(territory, audience=A.COMMISSION, commission=people["commission"])
    meeting.title = "Commission secrète des mobilités"
    meeting.save()
    slug = territory.slug
    pages = [
        reverse("meetings:detail", args=[slug, meeting.pk]),
        reverse("meetings:ics", args=[slug, meeting.pk]),
    ]
    for name, status in (("elected", 404), ("anonymous", 404), ("commission_member", 200)):
        client.logout()
        if name != "anonymous":
            client.force_login(people[name])
        for url in pages:
            assert client.get(url).status_code == status, (name, url)
        listing = client.get(reverse("meetings:list", args=[slug])).content.decode()
        feed = client.get(reverse("meetings:feed", args=[slug])).content.decode()
        assert ("Commission secrète" in listing) is (status == 200), name
        assert ("Commission secrète" in feed) is (status == 200), name


def test_a_role_lost_takes_the_person_off_meetings_no_longer_theirs(territory, people):
    from faisse.accounts.models import Membership, Role
    from faisse.accounts.roles import change_role
    from faisse.meetings.registering import register

    for_elected = make_meeting(territory, audience=A.ELECTED, registration_enabled=True)
    public = make_meeting(territory, registration_enabled=True)
    elected = people["elected"]
    register(for_elected, user=elected)
    register(public, user=elected)
    membership = Membership.objects.get(user=elected, territory=territory)
    change_role(membership, by=people["admin"], role=Role.PARTNER, commune=None)
    assert not for_elected.registrations.filter(user=elected).exists()
    assert public.registrations.filter(user=elected).exists()
