"""What the results page shows for each question: its chart, the notes that explain a
ranking (ties, majority judgment's tie-breaking), its breakdown. The tables are drawn by
the templates from the `QuestionResult` itself."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.locations.maps import format_number
from faisse.questionnaires import charts
from faisse.questionnaires.models import Question
from faisse.questionnaires.results import QuestionResult, Results
from faisse.questionnaires.results.breakdowns import Breakdown
from faisse.questionnaires.results.compute import TEXTS, TEXTS_SHOWN

Kind = Question.Kind
RANKED = frozenset({Kind.RANKING, Kind.MAJORITY_JUDGMENT, Kind.POINTS})
TOP = 10  # communes and words drawn on a chart (all of them in the table)


@dataclass
class Block:
    result: QuestionResult
    number: int
    chart: SafeString | None = None
    notes: list[str] = field(default_factory=list)
    colours: list[tuple[str, str]] = field(default_factory=list)  # grade, colour
    breakdown: Breakdown | None = None
    broken_down: bool = False  # a breakdown was asked for this page

    @property
    def question(self) -> Question:
        return self.result.question

    @property
    def anchor(self) -> str:
        return f"question-{self.question.key}"

    @property
    def wide(self) -> bool:
        """Tables of several columns of long labels go under their chart, full width."""
        return self.question.kind in RANKED or self.question.kind == Kind.MATRIX

    @property
    def commune_rows(self) -> list[tuple[object, int, float]]:
        return [(c, n, self.result.percent(n)) for c, n in self.result.communes]

    @property
    def texts_capped(self) -> bool:
        return self.question.kind in TEXTS and self.result.answers > len(self.result.texts)

    @property
    def texts_shown(self) -> int:
        return min(self.result.answers, TEXTS_SHOWN)


def percent_text(value: float) -> str:
    return f"{format_number(value, 1)}\u00a0%"


def place_text(option) -> str:
    if option.place is None:
        return ""
    if option.tied:
        return _("%(place)s ex æquo") % {"place": option.place}
    return str(option.place)


def blocks(results: Results, breakdowns: dict | None = None) -> list[Block]:
    found = []
    for number, result in enumerate(results.questions, start=1):
        block = Block(result, number)
        if result.answers:
            DRAW.get(result.kind, _no_chart)(block)
        if breakdowns is not None:
            block.broken_down = True
            block.breakdown = breakdowns.get(result.question.pk)
        found.append(block)
    return found


def _title(block: Block) -> str:
    return _("Réponses à la question %(number)s : %(label)s") % {
        "number": block.number,
        "label": block.question.label,
    }


def _id(block: Block) -> str:
    return f"graphique-{block.question.key}"


def _count_text(count: int, percent: float) -> str:
    return f"{count} ({percent_text(percent)})"


def _choices(block: Block) -> None:
    result = block.result
    lead = max(option.count for option in result.options) if result.options else 0
    bars = [
        charts.Bar(o.label, o.count, _count_text(o.count, o.percent), lead and o.count == lead)
        for o in result.options
    ]
    leaders = [option.label for option in result.options if lead and option.count == lead]
    description = _("%(answers)s. En tête : %(leaders)s.") % {
        "answers": _answers(result.answers),
        "leaders": " ; ".join(leaders) or "—",
    }
    if result.kind == Kind.MULTIPLE_CHOICE:
        block.notes.append(
            _(
                "Chaque choix est compté une fois par réponse qui le coche : les pourcentages "
                "se rapportent aux réponses et leur somme peut dépasser 100 %."
            )
        )
    block.chart = charts.bar_chart(
        bars, id_prefix=_id(block), title=_title(block), description=description
    )


def _likert(block: Block) -> None:
    result = block.result
    bars = [
        charts.Bar(label, count, _count_text(count, percent))
        for label, count, percent in result.scale_rows
    ]
    description = _("%(answers)s ; moyenne %(mean)s sur %(size)s.") % {
        "answers": _answers(result.answers),
        "mean": format_number(result.mean or 0, 2),
        "size": len(result.question.scale),
    }
    block.chart = charts.bar_chart(
        bars, id_prefix=_id(block), title=_title(block), description=description
    )


def _ranked_label(option) -> str:
    return f"{place_text(option)}. {option.label}"


def _scored(block: Block) -> None:
    """Ranking (Borda scores) and points (totals): bars best first."""
    result = block.result
    bars = [
        charts.Bar(
            _ranked_label(o), o.score or 0, _("%(score)s pts") % {"score": o.score}, o.place == 1
        )
        for o in result.ranking
    ]
    block.chart = charts.bar_chart(
        bars, id_prefix=_id(block), title=_title(block), description=_ranked_description(result)
    )
    _tie_notes(block)


def _majority(block: Block) -> None:
    result = block.result
    scale = list(result.question.scale)
    block.colours = list(zip(scale, charts.grade_colours(len(scale)), strict=True))
    stacks = [
        charts.Stack(
            _ranked_label(o),
            o.grades,
            _("Mention majoritaire : %(grade)s") % {"grade": o.majority_label}
            if o.majority is not None
            else _("Aucune mention"),
        )
        for o in result.ranking
    ]
    block.chart = charts.grade_chart(
        stacks, id_prefix=_id(block), title=_title(block), description=_ranked_description(result)
    )
    _tie_notes(block)
    # Options sharing a majority grade but not tied were separated by the tie-breaking.
    groups: dict[int, list] = {}
    for option in result.ranking:
        if option.majority is not None:
            groups.setdefault(option.majority, []).append(option)
    for grade, options in groups.items():
        separated = [option for option in options if not option.tied]
        if len(options) > 1 and separated:
            block.notes.append(
                _(
                    "%(options)s ont la même mention majoritaire, « %(grade)s » : elles sont "
                    "départagées en retirant une à une leurs mentions majoritaires, comme "
                    "l’explique l’encadré ci-dessus."
                )
                % {"options": _names([o.label for o in options]), "grade": scale[grade]}
            )


def _communes(block: Block) -> None:
    rows = block.result.communes[:TOP]
    bars = [
        charts.Bar(c.name, n, _count_text(n, block.result.percent(n)), i == 0)
        for i, (c, n) in enumerate(rows)
    ]
    description = _answers(block.result.answers)
    if len(block.result.communes) > TOP:
        description += " " + _("Le graphique montre les %(top)s communes les plus citées.") % {
            "top": TOP
        }
    block.chart = charts.bar_chart(
        bars, id_prefix=_id(block), title=_title(block), description=description
    )


def _texts(block: Block) -> None:
    words = block.result.words[:TOP]
    if not words:
        return
    bars = [charts.Bar(word, n, str(n)) for word, n in words]
    block.chart = charts.bar_chart(
        bars,
        id_prefix=_id(block),
        title=_("Mots les plus fréquents des réponses à la question %(number)s")
        % {"number": block.number},
        description=_("Chaque mot est compté une fois par réponse qui l’emploie."),
    )


def _no_chart(block: Block) -> None:
    """A matrix reads best as its table."""


def _answers(count: int) -> str:
    return ngettext("%(count)s réponse", "%(count)s réponses", count) % {"count": count}


def _names(labels: list[str]) -> str:
    quoted = [f"« {label} »" for label in labels]
    if len(quoted) == 1:
        return quoted[0]
    return _("%(first)s et %(last)s") % {"first": ", ".join(quoted[:-1]), "last": quoted[-1]}


def _ranked_description(result: QuestionResult) -> str:
    first = [option.label for option in result.ranking if option.place == 1]
    return _("%(answers)s. En tête : %(first)s.") % {
        "answers": _answers(result.answers),
        "first": _names(first) if first else "—",
    }


def _tie_notes(block: Block) -> None:
    places: dict[int, list[str]] = {}
    for option in block.result.ranking:
        if option.tied and option.place is not None:
            places.setdefault(option.place, []).append(option.label)
    for place, labels in places.items():
        block.notes.append(
            _("%(options)s sont ex æquo à la place %(place)s.")
            % {"options": _names(labels), "place": place}
        )


DRAW = {
    Kind.SINGLE_CHOICE: _choices,
    Kind.MULTIPLE_CHOICE: _choices,
    Kind.LIKERT: _likert,
    Kind.RANKING: _scored,
    Kind.POINTS: _scored,
    Kind.MAJORITY_JUDGMENT: _majority,
    Kind.COMMUNE: _communes,
    Kind.SHORT_TEXT: _texts,
    Kind.LONG_TEXT: _texts,
    Kind.MATRIX: _no_chart,
}
