"""The action sheet's page (action_pdf.ActionPage) typeset by Typst, on the plan export's
frame: its preamble (A4, French, the fonts inside the compiler only, the plan's title and
the territory in the header) and its string literals — every text enters the source as
`#"…"`, never as markup, so a title written like Typst (`#set page(…)`, `*gras*`, `$x$`)
prints as it is. The small charts come in as inputs (sys.inputs).

One page, always: the lists are already cut by action_pdf; `fit` then measures the body
and, in the rare case it is still taller than the page, scales it down to fit.
"""

import typst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from faisse.actions import statuses
from faisse.plans.exporting.pdf import FONT, PREAMBLE, literal
from faisse.plans.exporting.typography import NBSP, french_date
from faisse.reports.action_pdf_frame import STYLES, chart_key, more, t
from faisse.reports.yearly.text import euros, percent

# "… et 4 autres étapes": what a cut list leaves out, and the labels that agree with a count.
MORE_PEOPLE = ngettext_lazy(
    "… et %(count)s autre personne", "… et %(count)s autres personnes", "count"
)
MORE = ngettext_lazy("… et %(count)s autre", "… et %(count)s autres", "count")
MORE_MILESTONES = ngettext_lazy(
    "… et %(count)s autre étape", "… et %(count)s autres étapes", "count"
)
MORE_NOTES = ngettext_lazy(
    "… et %(count)s point de suivi plus ancien",
    "… et %(count)s points de suivi plus anciens",
    "count",
)
MORE_FUNDINGS = ngettext_lazy(
    "… et %(count)s autre financement", "… et %(count)s autres financements", "count"
)
MORE_INDICATORS = ngettext_lazy(
    "… et %(count)s autre indicateur", "… et %(count)s autres indicateurs", "count"
)
MORE_COMMUNES = ngettext_lazy(
    "… et %(count)s autre commune", "… et %(count)s autres communes", "count"
)
PILOTS = ngettext_lazy("Pilote :", "Pilotes :", "count")
REFERENTS = ngettext_lazy("Élu·e référent·e :", "Élu·es référent·es :", "count")
SERVICES = ngettext_lazy("Service pilote :", "Services pilotes :", "count")
STRUCTURES = ngettext_lazy("Structure pilote :", "Structures pilotes :", "count")
PARTNERS = ngettext_lazy("Partenaire :", "Partenaires :", "count")


class Writer:
    def __init__(self, page):
        self.page = page
        self.inputs: dict[str, str] = {}

    def svg(self, svg: str) -> str:
        key = f"chart{len(self.inputs)}"
        self.inputs[key] = svg
        return f'bytes(sys.inputs.at("{key}"))'

    def source(self) -> str:
        page = self.page
        preamble = PREAMBLE.format(
            title=literal(f"{page.kind_number} : {page.title}"),
            author=literal(page.territory),
            font=FONT,
            header=literal(page.plan),
            territory=literal(page.territory),
            page_word=literal(_("Page")),
            of=_("sur"),
        )
        body = [
            *self.heading(),
            *self.situation(),
            "#grid(columns: (1.12fr, 1fr), column-gutter: 1.4em,",
            f"[{chr(10).join(self.left())}],",
            f"[{chr(10).join(self.right())}])",
            *self.where(),
        ]
        return (
            preamble
            + STYLES
            + self.footer()
            + "#fit[\n"
            + "\n".join(line for line in body if line is not None)
            + "\n]\n"
        )

    def footer(self) -> str:
        page = self.page
        edited = _("Fiche éditée le %(date)s") % {"date": french_date(page.edited_on)}
        notice = (
            _("Document de travail réservé aux membres du territoire : il nomme des personnes.")
            if page.drafts
            else _("Version publique : seulement ce qui est publié.")
        )
        return (
            "#set page(footer: [#set text(size: 8pt, fill: luma(90))\n"
            "#line(length: 100%, stroke: 0.4pt + luma(160))\n"
            f"#v(-0.4em) {t(edited)} #h(1fr) {t(notice)}])\n"
        )

    def heading(self) -> list[str]:
        page = self.page
        out = []
        if page.path:
            path = " › ".join(page.path)
            out.append(f"#text(size: 8.5pt, fill: muted, {literal(path)})")
            out.append("#v(0.2em)")
        out += [
            f'#text(size: 9pt, weight: "bold", fill: accent, {literal(page.kind_number.upper())})',
            "#v(-0.35em)",
            f'#block(below: 0.7em, text(size: 16pt, weight: "bold", {literal(page.title)}))',
        ]
        if page.description:
            out.append(f"#text(size: 9pt, fill: luma(40), {literal(page.description)})")
        return out

    def situation(self) -> list[str]:
        """Status, priority, dates and progress in a grey band."""
        page = self.page
        colour = "flag" if page.status_value == statuses.Status.LATE else "accent"
        if page.status_value == statuses.Status.DONE:
            colour = "done"
        if not page.status_value:
            colour = "luma(110)"
        status = f"#pill({literal(page.status)}, {colour})"
        if page.is_late and page.status_value != statuses.Status.LATE:
            status += f" #h(0.3em) #pill({literal(_('En retard'))}, flag)"
        if page.late_reason:
            status += (
                f' #text(fill: flag, weight: "bold", size: 8.5pt, {literal(page.late_reason)})'
            )
        cells = [f"[{t(_('Statut :'))} #h(0.2em) {status}]"]
        if page.priority:
            cells.append(f"[{t(_('Priorité :'))} #strong({literal(page.priority)})]")
        cells.append(f"[{t(self.dates())}]")
        bar = "[]" if page.progress is None else f"bar({page.progress:.1f})"
        detail = f" #text(size: 8.5pt, fill: muted, {literal(page.progress_detail)})"
        label = _("Avancement : %(value)s") % {"value": percent(page.progress)}
        return [
            "#block(above: 0.9em, width: 100%, fill: luma(244), inset: 8pt, radius: 3pt)[",
            "#grid(columns: (auto, auto, 1fr), column-gutter: 1.2em, align: horizon,",
            "  " + ", ".join(cells[:3] + ["[]"] * (3 - len(cells[:3]))) + ")",
            "#v(0.1em)",
            "#grid(columns: (auto, 1fr, auto), column-gutter: 0.8em, align: horizon,",
            f"  strong({literal(label)}), {bar}, [{detail if page.progress_detail else ''}])",
            "]",
        ]

    def dates(self) -> str:
        page = self.page
        start, end = page.start_date, page.end_date
        if start and end:
            text = _("Du %(start)s au %(end)s") % {
                "start": french_date(start),
                "end": french_date(end),
            }
        elif start:
            text = _("Depuis le %(date)s") % {"date": french_date(start)}
        elif end:
            text = _("Jusqu’au %(date)s") % {"date": french_date(end)}
        else:
            text = _("Pas de dates inscrites")
        if page.continuous:
            text += " — " + _("en amélioration continue")
        return text

    def left(self) -> list[str]:
        page = self.page
        out = []
        if page.drafts:
            out += self.people()
        out += self.milestones()
        out += self.notes()
        return out

    def names(self, label: str, shown, others=MORE, sep: str = ", ") -> list[str]:
        if not shown.items:
            return []
        names = sep.join(shown.items)
        return [f"#fact({literal(label)}, [{t(names)} {more(shown.more, others)}])"]

    def people(self) -> list[str]:
        page = self.page
        out = [f"#part({literal(_('Qui porte l’action'))})"]
        rows = []
        for shown, label, others in (
            (page.pilots, PILOTS, MORE_PEOPLE),
            (page.referents, REFERENTS, MORE_PEOPLE),
            (page.services, SERVICES, MORE),
            (page.structures, STRUCTURES, MORE),
            (page.partners, PARTNERS, MORE),
        ):
            count = {"count": len(shown.items) + shown.more}
            rows += self.names(label % count, shown, others)
        return out + (rows or [t(_("Personne n’est encore désigné."))])

    def milestones(self) -> list[str]:
        page = self.page
        done, total = page.milestone_counts
        title = _("Les étapes")
        if total:
            count = {"done": done, "total": total}
            if done:
                reached = ngettext(
                    "%(done)s réalisée sur %(total)s", "%(done)s réalisées sur %(total)s", done
                )
            else:
                reached = _("aucune réalisée sur %(total)s")
            title = f"{title} ({reached % count})"
        out = [f"#part({literal(title)})"]
        if not page.milestones.items:
            return out + [t(_("Aucune étape inscrite."))]
        rows = []
        for line in page.milestones.items:
            if line.done:
                mark = '[#text(fill: done, weight: "bold", "✓")]'
                when = _("réalisée le %(date)s") if line.day else ""
            else:
                mark = '[#text(fill: luma(90), "○")]'
                when = _("prévue le %(date)s") if line.day else _("sans date")
            text = f"{t(line.title)}"
            if when:
                when = when % {"date": french_date(line.day)} if line.day else when
                if line.late:
                    when += ", " + _("en retard")
                colour = "flag" if line.late else "muted"
                text += f" #text(size: 8.5pt, fill: {colour}, {literal('— ' + when)})"
            rows.append(f"{mark}, [{text}]")
        out.append("#grid(columns: (1em, 1fr), row-gutter: 0.5em, " + ", ".join(rows) + ")")
        out.append(more(page.milestones.more, MORE_MILESTONES))
        return out

    def notes(self) -> list[str]:
        page = self.page
        out = [f"#part({literal(_('Les derniers points de suivi'))})"]
        if not page.notes.items:
            return out + [t(_("Aucun point de suivi écrit."))]
        for note in page.notes.items:
            head = [french_date(note.on)]
            if note.status:
                head.append(_("statut : %(status)s") % {"status": note.status})
            if note.progress is not None:
                head.append(_("avancement : %(value)s") % {"value": f"{note.progress}{NBSP}%"})
            if page.drafts and not note.is_public:
                head.append(_("note interne"))
            out.append(
                f'#block(above: 0.55em, below: 0.55em)[#text(size: 8.5pt, weight: "bold", '
                f"fill: muted, {literal(' · '.join(head))}) \\ {t(note.text)}]"
            )
        out.append(more(page.notes.more, MORE_NOTES))
        return out

    def right(self) -> list[str]:
        out = self.aims()
        if self.page.drafts:
            out += self.budget()
        return out + self.indicators()

    def aims(self) -> list[str]:
        """What the action is for: its objectives, expected effects and audiences."""
        page = self.page
        if not (page.objectives or page.effects.items or page.audiences.items):
            return []
        out = [f"#part({literal(_('Ce que l’action vise'))})"]
        if page.objectives:
            out.append(f"#block(below: 0.5em, {literal(page.objectives)})")
        out += self.names(_("Effets attendus :"), page.effects, sep=" ; ")
        out += self.names(_("Pour qui :"), page.audiences)
        return out

    def budget(self) -> list[str]:
        page = self.page
        out = [f"#part({literal(_('Le budget (€ HT)'))})"]
        budget = page.budget
        if budget is None or budget.is_empty:
            return out + [t(_("Aucun montant inscrit."))]
        boxes = ", ".join(
            f"figure-box({literal(euros(amount))}, {literal(caption)})"
            for amount, caption in (
                (budget.planned, _("prévu")),
                (budget.actual, _("dépensé")),
                (budget.funded, _("financé")),
            )
        )
        out.append(f"#grid(columns: (1fr, 1fr, 1fr), column-gutter: 0.4em, {boxes})")
        if page.fundings.items:
            out.append(f"#fact({literal(_('Financements :'))}, [])")
            rows = []
            for funding in page.fundings.items:
                amount = euros(funding.amount) if funding.amount else "—"
                if funding.year:
                    amount += f" ({funding.year})"
                rows.append(f"[{t(funding.financers)}], [{t(amount)}]")
            out.append(
                "#grid(columns: (1fr, auto), column-gutter: 0.6em, row-gutter: 0.45em, "
                "align: (left, right), " + ", ".join(rows) + ")"
            )
            out.append(more(page.fundings.more, MORE_FUNDINGS))
        return out

    def indicators(self) -> list[str]:
        page = self.page
        out = [f"#part({literal(_('Les indicateurs'))})"]
        if not page.indicators.items:
            return out + [t(_("Aucun indicateur n’est lié à cette action."))]
        for line in page.indicators.items:
            facts = [line.kind]
            if line.latest:
                facts.append(_("dernière valeur : %(value)s") % {"value": line.latest})
            block = [
                f"#strong({literal(line.title)}) \\",
                f"#text(size: 8.5pt, fill: muted, {literal(' · '.join(facts))})",
            ]
            if line.verdict:
                colour = "flag" if line.off_target else "done"
                verdict = literal(" · " + line.verdict)
                block.append(f'#text(size: 8.5pt, weight: "bold", fill: {colour}, {verdict})')
            if line.svg:
                block.append(
                    f'#block(above: 0.4em, image({self.svg(line.svg)}, format: "svg", '
                    f"width: 100%, alt: {literal(line.title)}))"
                )
            out.append(
                "#block(above: 0.6em, below: 0.8em, breakable: false)[" + "\n".join(block) + "]"
            )
        out.append(chart_key())
        out.append(more(page.indicators.more, MORE_INDICATORS))
        return out

    def where(self) -> list[str]:
        page = self.page
        communes = ", ".join(page.communes.items) or _(
            "Tout le territoire : l’action ne nomme aucune commune."
        )
        communes_more = more(page.communes.more, MORE_COMMUNES)
        cells = [
            (_("Où"), f"{t(communes)} {communes_more}"),
            (
                _("Programmes et contrats"),
                t(", ".join(page.programmes.items) or _("Aucun"))
                + " "
                + more(page.programmes.more, MORE),
            ),
            (
                _("Objectifs de développement durable"),
                (" \\ ".join(t(sdg) for sdg in page.sdgs.items) or t(_("Aucun")))
                + " "
                + more(page.sdgs.more, MORE),
            ),
        ]
        columns = ", ".join(
            f"[#part({literal(title)}) #text(size: 9pt)[{body}]]" for title, body in cells
        )
        grid = f"grid(columns: (1.3fr, 1fr, 1fr), column-gutter: 1.2em, {columns})"
        return [f"#block(above: 1.4em, {grid})"]


class ActionPdfError(Exception):
    """Typst refused the source: a bug of this module, never of the sheet's texts."""


def typst_source(page) -> tuple[str, dict[str, str]]:
    writer = Writer(page)
    return writer.source(), writer.inputs


def write_pdf(page) -> bytes:
    source, inputs = typst_source(page)
    try:
        return typst.compile(
            source.encode("utf-8"), format="pdf", ignore_system_fonts=True, sys_inputs=inputs
        )
    except typst.TypstError as error:
        raise ActionPdfError(str(error)) from error
