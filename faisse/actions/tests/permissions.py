"""The action sheets' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also in docs/action-sheets.md. The whole sheet is the editors'; a pilot updates the status,
progress and notes of their own actions from the pilots' space."""

from django.urls import reverse

from faisse.tests.matrix import EDITORS, EDITORS_POST

ROWS = {
    "actions:sheet_edit": ("get", EDITORS),
    "actions:sheet_edit (save)": ("post", EDITORS_POST),
    "actions:spreadsheets": ("get", EDITORS),
    "actions:spreadsheet_download": ("get", EDITORS),
}


def prepare(world: dict) -> None:
    pass


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    if name == "actions:spreadsheets":
        return reverse(name, args=[slug]), {}
    if name == "actions:spreadsheet_download":
        return reverse(name, args=[slug, "csv"]), {}
    action = world["actions"][0]
    url = reverse("actions:sheet_edit", args=[world["territory"].slug, action.pk])
    if "(save)" not in name:
        return url, {}
    data = {"version": "1", "progress_source": "auto"}
    for prefix in ("lignes", "financements", "etapes", "documents"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return url, data
