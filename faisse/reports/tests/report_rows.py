"""The yearly report's rows of the permission matrix (faisse/tests/test_permission_matrix.py),
merged into this app's permissions.py and documented in docs/report.md.

The report is made by editors and administrators, for the council: others get 403 (the
file tells budgets and, as a working document, what is not published); anonymous people
are sent to sign in; another territory's administrator is refused like anyone else.
"""

from django.urls import reverse

from faisse.tests.matrix import EDITORS

ROWS = {
    "yearly_report:report": ("get", EDITORS),
    "yearly_report:report (a PDF asked)": ("get", EDITORS),
    "yearly_report:report (a DOCX working document asked)": ("get", EDITORS),
}


def prepare(world: dict) -> None:
    """Nothing to add: the matrix's plan (2020–2030) has a report for every past year."""


def request(name: str, world: dict) -> tuple[str, dict]:
    url = reverse("yearly_report:report", args=[world["territory"].slug])
    if "(a PDF asked)" in name:
        return url, {"annee": "2025", "format": "pdf"}
    if "(a DOCX working document asked)" in name:
        return url, {"annee": "2025", "format": "docx", "brouillons": "on"}
    return url, {}
