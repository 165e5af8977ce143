"""The yearly report for the council (docs/report.md): the plan as it stood on
31 December, what happened during the year, budgets, indicators, the map, a page per axis.

    report = build_report(plan, 2025)                 # data.py: every figure, once
    data = render(report, "pdf")                       # or "docx"
    file_name(plan, 2025, "pdf")                       # ales-agglomeration-bilan-2025.pdf
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from faisse.plans.models import Plan
from faisse.reports.yearly.data import YearReport, build_report, report_day
from faisse.reports.yearly.docx_writer import write_docx
from faisse.reports.yearly.sections import report_blocks, title
from faisse.reports.yearly.typst_writer import write_pdf


@dataclass(frozen=True)
class ReportFormat:
    key: str
    label: str
    extension: str
    content_type: str


FORMATS = {
    f.key: f
    for f in (
        ReportFormat("pdf", "PDF", "pdf", "application/pdf"),
        ReportFormat(
            "docx",
            "DOCX",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    )
}


def render(report: YearReport, key: str) -> bytes:
    """The report in the format `key` (a key of FORMATS, else KeyError)."""
    FORMATS[key]  # noqa: B018 - an unknown format fails before any work
    blocks = report_blocks(report)
    name = title(report)
    territory = report.territory.name
    if key == "pdf":
        return write_pdf(blocks, title=name, territory=territory)
    return write_docx(
        blocks, title=name, territory=territory, subject=_("Bilan du projet de territoire")
    )


def file_name(plan: Plan, year: int, key: str, *, drafts: bool = False) -> str:
    """ "ales-agglomeration-bilan-2025.pdf": ASCII, from the territory's slug."""
    parts = [plan.territory.slug, "bilan", str(year)]
    if drafts:
        parts.append("brouillon")
    return f"{'-'.join(parts)}.{FORMATS[key].extension}"


__all__ = ["FORMATS", "YearReport", "build_report", "file_name", "render", "report_day"]
