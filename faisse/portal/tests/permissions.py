"""The plan downloads' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also documented in docs/export.md.

Everyone downloads the plan as the public sees it; asking for the drafts (?brouillons=1)
is answered with the published plan to those who may not see them, never with an error
that would tell them drafts exist. An unknown format is not found.
"""

from django.urls import reverse

from faisse.tests.matrix import ACTORS, PUBLIC

ROWS = {
    "portal:plan_download": ("get", PUBLIC),
    "portal:plan_download (drafts asked)": ("get", PUBLIC),
    "portal:plan_download (unknown format)": ("get", dict.fromkeys(ACTORS, 404)),
}


def prepare(world: dict) -> None:
    """Nothing to add: the world's plan has an unpublished axis."""


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    export_format = "rtf" if "unknown format" in name else "md"
    data = {"brouillons": "1"} if "drafts" in name else {}
    return reverse("portal:plan_download", args=[slug, export_format]), data
