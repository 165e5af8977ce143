"""The action sheet PDF's rows of the permission matrix (faisse/tests/test_permission_matrix.py),
merged into this app's permissions.py and documented in docs/action-pdf.md.

The page names the pilots and élus and gives the budget: it is for the members who read
drafts (élus, pilots, editors, administrators); partners and another territory's
administrator get 403, anonymous people are sent to sign in. An element that is not an
action has no page (404, before anyone's rights are asked).
"""

from django.urls import reverse

from faisse.tests.matrix import ACTORS, only

MEMBERS = only({"elected": 200, "pilot": 200, "editor": 200, "admin": 200})

ROWS = {
    "action_pdf:download": ("get", MEMBERS),
    "action_pdf:download (an objective)": ("get", dict.fromkeys(ACTORS, 404)),
}


def request(name: str, world: dict) -> tuple[str, dict]:
    action = world["actions"][0]
    node = action.parent if "(an objective)" in name else action
    return reverse("action_pdf:download", args=[world["territory"].slug, node.pk]), {}
