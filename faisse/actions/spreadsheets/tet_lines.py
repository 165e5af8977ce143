"""Values of several lines in one cell: milestones (`Etapes de l'action`), documents
(`Documents et liens`), and the fundings past TeT's three columns, written as lines of
the `Financements` text; read and written the same way."""

import contextlib
import re

from faisse.actions.spreadsheets.tet_model import TetDocument, TetFunding, TetMilestone
from faisse.actions.spreadsheets.tet_values import (
    ValueProblem,
    block_text,
    fold_label,
    format_amount,
    format_date,
    join_list,
    line_text,
    parse_amount,
    parse_date,
    split_list,
)

MILESTONE = re.compile(
    r"^(?P<title>.*?)(?:\s*:\s*(?P<state>(?:non\s+)?r[ée]alis[ée]e?))?"
    r"(?:\s*\((?P<date>\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})\))?$",
    re.I,
)


def parse_milestones(value, notes: list[str]) -> list[TetMilestone]:
    """One per line: "Titre : réalisé" or "Titre : non réalisé", then an optional due
    date "(JJ/MM/AAAA)"; a bare title is a milestone not done."""
    milestones = []
    for line in block_text(value).split("\n"):
        line = line_text(line)
        match = MILESTONE.match(line)
        if not line or not match or not match.group("title"):
            continue
        state = fold_label(match.group("state") or "non")
        due = parse_date(match.group("date"), notes) if match.group("date") else None
        milestones.append(TetMilestone(match.group("title"), not state.startswith("non"), due))
    return milestones


def milestone_line(milestone: TetMilestone) -> str:
    line = f"{line_text(milestone.title)} : {'réalisé' if milestone.done else 'non réalisé'}"
    return f"{line} ({format_date(milestone.due_on)})" if milestone.due_on else line


URL = r"(?:(?:https?|ftp)://|www\.)\S+"
BARE_URL = re.compile(f"^{URL}$", re.I)
TITLED_URL = re.compile(rf"^(?P<title>.+?)\s+[—–-]\s+(?P<url>{URL})$", re.I)


def parse_documents(value) -> list[TetDocument]:
    """One per line: "Titre — URL", a bare URL (www. gets https://) or a bare title."""
    documents = []
    for line in block_text(value).split("\n"):
        line = line_text(line)
        if not line:
            continue
        if BARE_URL.match(line):
            documents.append(TetDocument("", _with_scheme(line)))
        elif match := TITLED_URL.match(line):
            documents.append(TetDocument(match.group("title"), _with_scheme(match.group("url"))))
        else:
            documents.append(TetDocument(line, ""))
    return documents


def _with_scheme(url: str) -> str:
    return f"https://{url}" if url.lower().startswith("www.") else url


def document_line(document: TetDocument) -> str:
    title, url = line_text(document.title), line_text(document.url)
    return f"{title} — {url}" if title and url else title or url


FUNDING_LINE = re.compile(r"^Financeur\s+(\d{1,3})\s*:\s*(?P<rest>.*)$", re.I)


def funding_line(funding: TetFunding) -> str:
    """A funding past the three columns, as a line of the `Financements` text."""
    line = f"Financeur {funding.position} :"
    if funding.financers:
        line += f" {join_list(funding.financers)}"
    return line + (f" — {format_amount(funding.amount)}" if funding.amount is not None else "")


def split_funding_lines(text: str) -> tuple[str, list[TetFunding]]:
    """The `Financements` text without its last lines written by funding_line, and the
    fundings those lines give back."""
    lines, fundings = text.split("\n"), []
    while lines and (match := FUNDING_LINE.match(lines[-1].strip())):
        names, amount = match.group("rest"), None
        before, dash, after = names.rpartition("—")
        if dash:
            with contextlib.suppress(ValueProblem):
                names, amount = before, parse_amount(after)
        fundings.insert(0, TetFunding(int(match.group(1)), split_list(names), amount))
        lines.pop()
    return "\n".join(lines).strip(), fundings
