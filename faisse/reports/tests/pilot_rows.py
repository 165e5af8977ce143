"""The pilots' space's rows of the permission matrix (faisse/tests/test_permission_matrix.py),
merged into this app's permissions.py and documented in docs/permissions.md.

The space is for those who follow up (pilots, editors, administrators). A pilot updates
only the actions they pilot and enters values only for the indicators they lead or that
are linked to one of their actions; editors and administrators do both everywhere. The
digest's opt-out link needs no sign-in: its signature is the proof.
"""

from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.indicators.testing import make_indicator
from faisse.reports.digest import unsubscribe_token
from faisse.tests.matrix import PUBLIC, only

FOLLOWERS = only({"pilot": 200, "editor": 200, "admin": 200})
FOLLOWERS_POST = only({"pilot": 302, "editor": 302, "admin": 302})
EDITORS_POST = only({"editor": 302, "admin": 302})

ROWS = {
    "pilot:space": ("get", FOLLOWERS),
    "pilot:space (all the actions)": ("get", FOLLOWERS),
    "pilot:update (an action the pilot pilots)": ("post", FOLLOWERS_POST),
    "pilot:update (an action the pilot does not pilot)": ("post", EDITORS_POST),
    "pilot:value (an indicator the pilot leads)": ("post", FOLLOWERS_POST),
    "pilot:value (an indicator of the pilot's action)": ("post", FOLLOWERS_POST),
    "pilot:value (an indicator the pilot does not lead)": ("post", EDITORS_POST),
    "pilot:digest": ("post", FOLLOWERS_POST),
    "digest:unsubscribe (a valid link)": ("get", PUBLIC),
    "digest:unsubscribe (an invalid link)": ("get", PUBLIC),
    "digest:unsubscribe (the one-click post)": ("post", PUBLIC),
}


def prepare(world: dict) -> None:
    territory, actions = world["territory"], world["actions"]
    pilot = world["people"][Role.PILOT]
    world["pilot_indicators"] = {  # by the words of their rows
        "an indicator the pilot leads": make_indicator(territory, pilots=[pilot]),
        "an indicator of the pilot's action": make_indicator(territory, nodes=[actions[0]]),
        "an indicator the pilot does not lead": make_indicator(territory, nodes=[actions[1]]),
    }


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    base = name.split(" ")[0]
    if base == "pilot:space":
        return reverse(base, args=[slug]), ({"tout": "1"} if "all" in name else {})
    if base == "pilot:update":
        node = world["actions"][0 if "the pilot pilots" in name else 1]
        prefix = f"action-{node.pk}"
        data = {
            f"{prefix}-on": timezone.localdate().isoformat(),
            f"{prefix}-status": "sans",  # no status yet: kept
            f"{prefix}-note": "Point",
        }
        return reverse(base, args=[slug, node.pk]), data
    if base == "pilot:value":
        indicator = world["pilot_indicators"][name[name.index("(") + 1 : -1]]
        prefix = f"indicateur-{indicator.pk}"
        data = {
            f"{prefix}-on": timezone.localdate().isoformat(),
            f"{prefix}-value": "12",
            f"{prefix}-replace": "on",
        }
        return reverse(base, args=[slug, indicator.pk]), data
    if base == "pilot:digest":
        return reverse(base, args=[slug]), {"recevoir": "0"}
    pilot = world["people"][Role.PILOT]
    token = "lien-invalide" if "invalid" in name else unsubscribe_token(pilot, world["territory"])
    return reverse(base, args=[slug, token]), {}
