"""Documents out: the plan as DOCX, ODT, PDF, Markdown or JSON (docs/export.md).

    data = export_plan(plan, "pdf")            # bytes, published nodes only
    data = export_plan(plan, "docx", drafts=True)
    FORMATS["pdf"].content_type, file_name(plan, "pdf")

The four documents share one layout (document.py) that the importer reads back into the
same tree; JSON is the API's shape (payload.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from faisse.plans.exporting.document import build_document
from faisse.plans.exporting.markdown import write_markdown
from faisse.plans.exporting.opendocument import write_odt
from faisse.plans.exporting.payload import write_json
from faisse.plans.exporting.pdf import write_pdf
from faisse.plans.exporting.word import write_docx
from faisse.plans.models import Plan


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: str  # as the download links name it
    extension: str
    content_type: str
    write: Callable | None  # PlanDocument → bytes; None: JSON, written from the payload
    with_map: bool = False
    # A format an app above plans registers (register_format): written from the plan itself,
    # write_plan(plan, drafts=…) → bytes.
    write_plan: Callable | None = None


FORMATS = {
    f.key: f
    for f in (
        ExportFormat(
            "docx",
            "DOCX",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            write_docx,
        ),
        ExportFormat("odt", "ODT", "odt", "application/vnd.oasis.opendocument.text", write_odt),
        ExportFormat("pdf", "PDF", "pdf", "application/pdf", write_pdf, with_map=True),
        ExportFormat("md", "Markdown", "md", "text/markdown; charset=utf-8", write_markdown),
        ExportFormat("json", "JSON", "json", "application/json", None),
    )
}


# Formats of the plan with its follow-up, registered by the apps built on the plan (the
# action sheets as spreadsheets: `tet-xlsx`, `xlsx`, `csv`). They name people and budgets:
# the command writes them, the site offers them to editors only, never on the public page.
WORKING_FORMATS: dict[str, ExportFormat] = {}


def register_format(export: ExportFormat) -> None:
    WORKING_FORMATS[export.key] = export


def export_plan(plan: Plan, key: str, *, drafts: bool = False) -> bytes:
    """The plan in the format `key` (a key of FORMATS or WORKING_FORMATS, else KeyError).
    Unpublished nodes only with `drafts`. A constant number of queries whatever the size
    of the plan."""
    export = FORMATS.get(key) or WORKING_FORMATS[key]
    if export.write_plan is not None:
        return export.write_plan(plan, drafts=drafts)
    if export.write is None:
        return write_json(plan, drafts=drafts)
    return export.write(build_document(plan, drafts=drafts, with_map=export.with_map))


def file_name(plan: Plan, key: str, *, drafts: bool = False) -> str:
    """ "ales-agglomeration-projet-de-territoire-2018-2030.pdf": ASCII, from the slug."""
    parts = [plan.territory.slug, "projet-de-territoire"]
    if plan.period_label:
        parts.append(slugify(plan.period_label.replace("–", "-")))
    if drafts:
        parts.append("brouillon")
    export = FORMATS.get(key) or WORKING_FORMATS[key]
    return f"{'-'.join(parts)}.{export.extension}"


__all__ = [
    "FORMATS",
    "WORKING_FORMATS",
    "ExportFormat",
    "export_plan",
    "file_name",
    "register_format",
]
