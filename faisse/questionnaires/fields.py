"""The inputs of a question on an answering page, and reading them back from the POST.

Names: `q-<key>` for a question answered by one value or one list (texts, choices, likert,
commune), `q-<key>-<option id>` for each option of a ranking, a grading, a points share
or a matrix row. Each question is one fieldset (or one labelled field for a text or a
commune) with its help and its error tied to the inputs by `aria-describedby`.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.questionnaires.checking import is_empty, ranks_to_give
from faisse.questionnaires.models import Question

Kind = Question.Kind


@dataclass
class Item:
    value: str
    label: str
    checked: bool
    id: str


@dataclass
class Row:
    """One option of a ranking, grading, points share or matrix: its own inputs."""

    label: str
    name: str
    id: str
    value: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class QuestionField:
    question: Question
    name: str
    id: str
    value: str = ""
    error: str = ""
    hint: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    template: str = ""

    @property
    def anchor(self) -> str:
        """The id of the first input, where an error's link leads."""
        if self.template in (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.COMMUNE):
            return self.id
        if self.items:
            return self.items[0].id
        if self.rows:
            first = self.rows[0]
            return first.items[0].id if first.items and self.template != "ranking" else first.id
        return self.id

    @property
    def described_by(self) -> str:
        ids = []
        if self.question.help_text or self.hint:
            ids.append(f"{self.id}-aide")
        if self.error:
            ids.append(f"{self.id}-erreur")
        return " ".join(ids)


def _items(name: str, choices: list[tuple[str, str]], chosen: set[str]) -> list[Item]:
    return [
        Item(value, label, value in chosen, f"{name}-{index}")
        for index, (value, label) in enumerate(choices, start=1)
    ]


def hint_for(question: Question) -> str:
    kind = question.kind
    if kind == Kind.MULTIPLE_CHOICE and question.max_choices:
        return ngettext(
            "Au plus %(max)s choix.", "Au plus %(max)s choix.", question.max_choices
        ) % {"max": question.max_choices}
    if kind == Kind.RANKING:
        return _(
            "Donnez le rang 1 à ce qui vous importe le plus, puis 2, etc. (%(max)s rangs)."
        ) % {"max": ranks_to_give(question)}
    if kind == Kind.POINTS:
        return _("Répartissez %(total)s points en tout.") % {"total": question.total}
    if kind == Kind.MAJORITY_JUDGMENT:
        return _("Donnez une mention à chaque proposition.")
    if kind == Kind.MATRIX and question.per_row() > 1:
        return _("Jusqu’à %(max)s cases par ligne.") % {"max": question.per_row()}
    return ""


def question_field(question: Question, raw, error: str, outline) -> QuestionField:
    name = f"q-{question.key}"
    qfield = QuestionField(
        question, name, f"id_{name}", error=error, hint=hint_for(question), template=question.kind
    )
    kind = question.kind
    options = [(str(option.pk), option.label) for option in question.choices]
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.COMMUNE):
        qfield.value = raw if isinstance(raw, str) else ""
        if kind == Kind.COMMUNE:
            qfield.items = _items(
                name,
                [(commune.insee, commune.name) for commune in outline.communes_in_order()],
                {qfield.value},
            )
    elif kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        chosen = {raw} if isinstance(raw, str) else set(raw or [])
        qfield.items = _items(name, options, chosen)
    elif kind == Kind.LIKERT:
        points = [(str(index), label) for index, label in enumerate(question.scale, start=1)]
        qfield.items = _items(name, points, {raw} if isinstance(raw, str) else set())
    else:
        given = raw if isinstance(raw, dict) else {}
        scale = [(str(index), label) for index, label in enumerate(question.scale, start=1)]
        for option_id, label in options:
            row_name = f"{name}-{option_id}"
            value = given.get(option_id, "")
            row = Row(label, row_name, f"id_{row_name}", value if isinstance(value, str) else "")
            if kind == Kind.RANKING:
                ranks = [(str(rank), str(rank)) for rank in range(1, ranks_to_give(question) + 1)]
                row.items = _items(row_name, ranks, {row.value})
            elif kind in (Kind.MAJORITY_JUDGMENT, Kind.MATRIX):
                ticked = set(value) if isinstance(value, list) else {value}
                row.items = _items(row_name, scale, ticked)
            qfield.rows.append(row)
    return qfield


def read_page(questions: list[Question], post) -> dict:
    """The raw answers of a page's questions, from the POST (only the inputs they have)."""
    values = {}
    for question in questions:
        name = f"q-{question.key}"
        kind = question.kind
        if kind == Kind.MULTIPLE_CHOICE:
            values[question.key] = [value[:20] for value in post.getlist(name)[:200]]
        elif kind == Kind.MATRIX:
            values[question.key] = {
                str(option.pk): [value[:20] for value in post.getlist(f"{name}-{option.pk}")[:50]]
                for option in question.choices
            }
        elif kind in (Kind.RANKING, Kind.MAJORITY_JUDGMENT, Kind.POINTS):
            values[question.key] = {
                str(option.pk): post.get(f"{name}-{option.pk}", "")[:20]
                for option in question.choices
            }
        else:
            values[question.key] = post.get(name, "")
    return values


def shown_value(question: Question, raw, outline) -> list[str]:
    """The answer in words, one line per item, for the summary page ([] if none)."""
    if is_empty(raw):
        return []
    kind = question.kind
    labels = {str(option.pk): option.label for option in question.choices}
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return [raw]
    if kind == Kind.SINGLE_CHOICE:
        return [labels.get(raw, raw)]
    if kind == Kind.MULTIPLE_CHOICE:
        return [labels.get(value, value) for value in raw if value]
    if kind == Kind.LIKERT:
        return [_scale_label(question, raw)]
    if kind == Kind.COMMUNE:
        commune = outline.communes.get(raw)
        return [commune.name if commune else raw]
    lines = []
    entries = [(option_id, value) for option_id, value in raw.items() if not is_empty(value)]
    if kind == Kind.RANKING:
        entries.sort(key=lambda entry: int(entry[1]) if str(entry[1]).isdecimal() else 0)
    for option_id, value in entries:
        label = labels.get(option_id, option_id)
        if kind == Kind.RANKING:
            lines.append(f"{value}. {label}")
        elif kind == Kind.POINTS:
            lines.append(_("%(label)s : %(points)s points") % {"label": label, "points": value})
        elif kind == Kind.MAJORITY_JUDGMENT:
            lines.append(f"{label} : {_scale_label(question, value)}")
        else:
            cells = value if isinstance(value, list) else [value]
            columns = ", ".join(_scale_label(question, cell) for cell in cells if cell)
            lines.append(f"{label} : {columns}")
    return lines


def _scale_label(question: Question, value: str) -> str:
    text = str(value)
    if text.isdecimal() and 1 <= int(text) <= len(question.scale):
        return question.scale[int(text) - 1]
    return text
