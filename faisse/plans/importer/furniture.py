"""Page furniture: what a PDF-to-text conversion leaves of each page's header, footer and
number, in the middle of the plan's lines.

A line is furniture when it is a page number alone ("12", "- 12 -", "p. 12", "Page 3 sur
40", "12/40"), or when the same short line (its digits aside, so that "Conseil du 28 juin
2018 5" and "… 6" are one) comes back on many pages: at least `MIN_REPEATS` times, spread
through the document. Headings, bullets, the plan's section labels and single words (a
title set one word per line) never are. Furniture lines are skipped without
breaking the sentence they cut (no blank line is left in their place), and each kind of
line skipped is told as a warning with its first line number: it is a guess.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.plans.importer.lines import LABELS

MIN_REPEATS = 3
MIN_GAP = 10  # mean number of lines between two occurrences: one per page, not a list
MAX_LENGTH = 120
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.?)\s*)?\d{1,4}(?:\s*(?:/|sur)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
# Lines that carry the plan's structure are never furniture, however often they repeat.
STRUCTURE = re.compile(
    r"^\s*(?:[-•*–·▪●o]\s|\d+[.)]\s|[a-z][.)]\s|(?:axe|orientation|objectif|action|"
    r"enjeu|priorit|fiche|ambition|d[ée]fi)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Furniture:
    lines: frozenset[int]  # 1-based numbers of the lines to skip
    warnings: list[tuple[int, str]]  # (first line, message)


def _is_label(text: str) -> bool:
    """The section labels a plan repeats in each axis ("Orientations", "Programme
    d’actions détaillé"): structure, not furniture."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip() in LABELS


def _shape(line: str) -> str:
    """A line with its digits and case aside: a running footer's pages look the same."""
    return re.sub(r"\d+", "#", fold(line).strip())


def find_furniture(lines: Iterable[str]) -> Furniture:
    """The furniture lines of a document given as its physical lines (read once)."""
    return find_numbered_furniture((n, line, 0) for n, line in enumerate(lines, start=1))


def find_numbered_furniture(lines: Iterable[tuple[int, str, int]]) -> Furniture:
    """The same, of lines given with their numbers and pages (0: unknown) — the blocks of
    any format. Where pages are known, a line is furniture when it comes back on
    MIN_REPEATS pages or more, once a page, however short the pages."""
    where: dict[str, list[int]] = defaultdict(list)
    pages: dict[str, list[int]] = defaultdict(list)
    first_text: dict[str, str] = {}
    numbers: list[int] = []
    for number, raw, page in lines:
        text = raw.strip()
        if not text or len(text) > MAX_LENGTH:
            continue
        if PAGE_NUMBER.match(text):
            numbers.append(number)
        elif not STRUCTURE.match(text) and not _is_label(text) and len(text.split()) >= 2:
            shape = _shape(text)
            where[shape].append(number)
            pages[shape].append(page)
            first_text.setdefault(shape, text)
    skipped: set[int] = set()
    warnings: list[tuple[int, str]] = []
    # Page numbers count only when there are several, as pages have.
    if len(numbers) >= MIN_REPEATS:
        skipped.update(numbers)
        warnings.append(
            (
                numbers[0],
                _("%(count)s numéros de page ignorés (lignes faites d’un seul nombre).")
                % {"count": len(numbers)},
            )
        )
    for shape, found in where.items():
        if len(found) < MIN_REPEATS:
            continue
        on_pages = [p for p in pages[shape] if p]
        if on_pages and len(on_pages) == len(found):
            if len(set(on_pages)) < len(found):  # twice on one page: text, not a header
                continue
        elif (found[-1] - found[0]) / (len(found) - 1) < MIN_GAP:
            continue
        skipped.update(found)
        text = first_text[shape]
        warnings.append(
            (
                found[0],
                _("« %(text)s » revient %(count)s fois (en-tête ou pied de page) : ignoré.")
                % {"text": text, "count": len(found)},
            )
        )
    warnings.sort()
    return Furniture(frozenset(skipped), warnings)
