"""The import pages' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also in docs/permissions.md; the plans app's other rows are in the matrix itself.
Editors and administrators import; a draft is its uploader's, here the administrator's:
another editor of the territory gets 404, as if it did not exist."""

import io

from django.urls import reverse

from faisse.accounts.models import Role
from faisse.plans.drafts import create_draft
from faisse.plans.tests.import_documents import MARKDOWN
from faisse.tests.matrix import EDITORS, EDITORS_POST, only

OWNER_ONLY = only({"editor": 404, "admin": 200})
OWNER_ONLY_POST = only({"editor": 404, "admin": 302})
ROWS = {
    "plans:import_upload": ("get", EDITORS),
    "plans:import_upload (send a file)": ("post", EDITORS_POST),
    "plans:import_preview": ("get", OWNER_ONLY),
    "plans:import_correct": ("post", OWNER_ONLY_POST),
    "plans:import_save": ("post", OWNER_ONLY_POST),
    "plans:import_delete": ("post", OWNER_ONLY_POST),
}


class Rewound(io.BytesIO):
    """An uploaded file the test client reads again for each person (it never seeks)."""

    name = "projet.md"

    def read(self, *args):
        self.seek(0)
        return super().read(*args)


def prepare(world: dict) -> None:
    admin = world["people"][Role.ADMIN]
    world["import_draft"] = create_draft(world["territory"], admin, "projet.md", MARKDOWN.encode())


def request(name: str, world: dict) -> tuple[str, dict]:
    slug, draft = world["territory"].slug, world["import_draft"]
    base = name.split(" ")[0]
    if base == "plans:import_upload":
        data = {"file": Rewound(MARKDOWN.encode())} if "send" in name else {}
        return reverse(base, args=[slug]), data
    data = {
        "plans:import_preview": {},
        "plans:import_correct": {"do": "role:6", "role": "text"},
        "plans:import_save": {
            "mode": "nouveau",
            "nouveau-title": "Projet importé",
            "nouveau-status": "draft",
        },
        "plans:import_delete": {},
    }[base]
    return reverse(base, args=[slug, draft.pk]), data
