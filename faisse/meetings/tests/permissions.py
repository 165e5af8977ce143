"""The meetings' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also documented in docs/meetings.md.

A meeting for the élus is seen by the élus and the editors; a draft by the editors; the
others get 404, as if it did not exist. Registering to a public meeting: members with
their account, anybody else by asking for a link by e-mail (redirected to the page).
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from faisse.meetings.models import Meeting
from faisse.meetings.testing import make_meeting
from faisse.tests.matrix import ACTORS, EDITORS, PUBLIC

NOT_FOUND = dict.fromkeys(ACTORS, 404)
FOR_THE_ELECTED = NOT_FOUND | {"elected": 200, "editor": 200, "admin": 200}
DRAFT = NOT_FOUND | {"editor": 200, "admin": 200}

ROWS = {
    "meetings:list": ("get", PUBLIC),
    "meetings:detail": ("get", PUBLIC),
    "meetings:detail (a meeting for the élus)": ("get", FOR_THE_ELECTED),
    "meetings:detail (a draft)": ("get", DRAFT),
    "meetings:feed": ("get", PUBLIC),
    "meetings:ics": ("get", PUBLIC),
    "meetings:ics (a meeting for the élus)": ("get", FOR_THE_ELECTED),
    "meetings:register": ("post", dict.fromkeys(ACTORS, 302)),
    "meetings:register (a meeting for the élus)": (
        "post",
        NOT_FOUND | {"elected": 302, "editor": 302, "admin": 302},
    ),
    "meetings:cancel": ("post", dict.fromkeys(ACTORS, 302)),
    "meetings:confirm (an invalid link)": ("get", PUBLIC),
    "meetings:cancel_link (an invalid link)": ("get", PUBLIC),
    "meetings_manage:list": ("get", EDITORS),
    "meetings_manage:create": ("get", EDITORS),
    "meetings_manage:edit": ("get", EDITORS),
    "meetings_manage:delete (the question asked first)": ("post", EDITORS),
    "meetings_manage:registrations": ("get", EDITORS),
    "meetings_manage:attendance": ("get", EDITORS),
    "meetings_manage:minutes": ("get", EDITORS),
    "meetings_manage:nodes": ("get", EDITORS),
    "api:list_meetings": ("get", PUBLIC | {"other": 403}),
}


def prepare(world: dict) -> None:
    territory = world["territory"]
    soon = timezone.now() + timedelta(days=7)
    world["meeting"] = make_meeting(territory, starts_at=soon, registration_enabled=True)
    world["meeting_for_elected"] = make_meeting(
        territory,
        starts_at=soon,
        kind=Meeting.Kind.WORKSHOP,
        audience=Meeting.Audience.ELECTED,
        registration_enabled=True,
    )
    world["meeting_draft"] = make_meeting(territory, starts_at=soon, is_published=False)


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    meeting = world["meeting"]
    if "(a meeting for the élus)" in name:
        meeting = world["meeting_for_elected"]
    elif "(a draft)" in name:
        meeting = world["meeting_draft"]
    base = name.split(" ")[0]
    if base == "meetings:list" or base == "meetings:feed" or base == "meetings_manage:list":
        return reverse(base, args=[slug]), {}
    if base == "meetings_manage:create":
        return reverse(base, args=[slug]), {}
    if base == "api:list_meetings":
        return f"/api/v1/territories/{slug}/meetings", {}
    if base in ("meetings:confirm", "meetings:cancel_link"):
        return reverse(base, args=[slug, meeting.pk, "lien-invalide"]), {}
    data = {}
    if base == "meetings:register":
        data = {"name": "Camille Habitante", "email": "camille@example.org"}
    return reverse(base, args=[slug, meeting.pk]), data
