"""What an answer must be, for the answering pages and `import_answers` alike.

An answer arrives "raw", as a form or a CSV cell gives it: a string (texts, the id of a
single choice, a likert point, a commune's INSEE code), a list of strings (multiple
choice), or a dict from an option's id to a string (ranking, grades, points) or to a list
of strings (matrix). `clean` checks it against the question and returns typed values, or
raises `AnswerError` naming the question; `answer_rows` turns typed values into the
fields of `Answer` rows, and `raw_from_answers` turns rows back (to change a response).

A question is asked only when its condition holds (`shown`): the answer to a question not
asked is dropped, never checked nor kept.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.core.errors import Refusal
from faisse.core.posted import posted_id
from faisse.core.text import text_problem
from faisse.questionnaires.models import Question
from faisse.questionnaires.outline import Outline

Kind = Question.Kind
BY_OPTION = frozenset({Kind.RANKING, Kind.MAJORITY_JUDGMENT, Kind.POINTS, Kind.MATRIX})


class AnswerError(Refusal):
    """An answer refused; the message names the question."""

    def __init__(self, question: Question, problem: str, option_id: int | None = None):
        self.question = question
        self.problem = problem
        self.option_id = option_id  # the option (row) the problem is about, when one is
        super().__init__(
            _("Question « %(question)s » : %(problem)s")
            % {"question": short_label(question), "problem": problem}
        )


def short_label(question: Question, limit: int = 90) -> str:
    label = " ".join(question.label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def is_empty(raw) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, dict):
        return all(is_empty(value) for value in raw.values())
    if isinstance(raw, list):
        return all(is_empty(value) for value in raw)
    return False


def _whole(question, value, what: str, option_id: int | None = None) -> int:
    text = str(value).strip()
    number = int(text) if text.isascii() and text.isdecimal() and len(text) < 10 else None
    if number is None:
        raise AnswerError(
            question,
            _("%(what)s doit être un nombre entier, pas « %(value)s ».")
            % {"what": what, "value": text[:40]},
            option_id,
        )
    return number


def _option(question, value) -> int:
    """The id of one of the question's options, from a raw id."""
    option_id = posted_id(str(value).strip())
    if option_id is None or option_id not in question.options_by_id:
        raise AnswerError(question, _("ce choix n’appartient pas à cette question."))
    return option_id


def _by_option(question, raw) -> dict:
    if not isinstance(raw, dict):
        raise AnswerError(question, _("la réponse n’a pas la forme attendue."))
    return {_option(question, key): value for key, value in raw.items() if not is_empty(value)}


def clean(question: Question, raw, outline: Outline):
    """The typed answer, None when not answered; AnswerError when it is refused."""
    if is_empty(raw):
        if question.required:
            raise AnswerError(question, _("une réponse est obligatoire."))
        return None
    cleaner = CLEANERS[question.kind]
    return cleaner(question, raw, outline)


def _text(question, raw, outline):
    if not isinstance(raw, str):
        raise AnswerError(question, _("la réponse n’a pas la forme attendue."))
    value = raw.strip()
    limit = "title" if question.kind == Kind.SHORT_TEXT else "text"
    if problem := text_problem(value, limit):
        raise AnswerError(question, problem)
    return value


def _single(question, raw, outline):
    if not isinstance(raw, str):
        raise AnswerError(question, _("choisissez une seule réponse."))
    return _option(question, raw)


def _multiple(question, raw, outline):
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list):
        raise AnswerError(question, _("la réponse n’a pas la forme attendue."))
    chosen = []
    for value in values:
        if is_empty(value):
            continue
        option_id = _option(question, value)
        if option_id not in chosen:
            chosen.append(option_id)
    if question.max_choices and len(chosen) > question.max_choices:
        raise AnswerError(
            question,
            ngettext(
                "choisissez au plus %(max)s réponse (%(count)s choisies).",
                "choisissez au plus %(max)s réponses (%(count)s choisies).",
                question.max_choices,
            )
            % {"max": question.max_choices, "count": len(chosen)},
        )
    return sorted(chosen, key=lambda pk: question.options_by_id[pk].position)


def ranks_to_give(question) -> int:
    count = len(question.choices)
    return min(question.max_choices, count) if question.max_choices else count


def _ranking(question, raw, outline):
    ranks = {}
    wanted = ranks_to_give(question)
    seen = {}
    for option_id, value in _by_option(question, raw).items():
        rank = _whole(question, value, _("Un rang"), option_id)
        if not 1 <= rank <= wanted:
            raise AnswerError(
                question,
                _("les rangs vont de 1 à %(max)s (rang %(rank)s donné).")
                % {"max": wanted, "rank": rank},
                option_id,
            )
        if rank in seen:
            raise AnswerError(
                question,
                _("le rang %(rank)s est donné deux fois (« %(first)s » et « %(second)s »).")
                % {
                    "rank": rank,
                    "first": question.options_by_id[seen[rank]].label,
                    "second": question.options_by_id[option_id].label,
                },
                option_id,
            )
        seen[rank] = option_id
        ranks[option_id] = rank
    expected = wanted if question.required else len(ranks)
    if sorted(ranks.values()) != list(range(1, expected + 1)):
        missing = [rank for rank in range(1, expected + 1) if rank not in seen]
        raise AnswerError(
            question,
            _("donnez les rangs de 1 à %(max)s sans en sauter (manque : %(missing)s).")
            % {"max": expected, "missing": ", ".join(map(str, missing))},
        )
    return ranks


def _likert(question, raw, outline):
    if not isinstance(raw, str):
        raise AnswerError(question, _("choisissez un seul point de l’échelle."))
    point = _whole(question, raw, _("Le point de l’échelle"))
    if not 1 <= point <= len(question.scale):
        raise AnswerError(question, _("ce point n’est pas sur l’échelle."))
    return point


def _grades(question, raw, outline):
    grades = {}
    for option_id, value in _by_option(question, raw).items():
        grade = _whole(question, value, _("Une mention"), option_id)
        if not 1 <= grade <= len(question.scale):
            raise AnswerError(question, _("cette mention n’est pas sur l’échelle."), option_id)
        grades[option_id] = grade
    missing = [option.label for option in question.choices if option.pk not in grades]
    if missing:  # a ballot grades every proposal, or none
        raise AnswerError(
            question,
            _("donnez une mention à chaque proposition (manque : %(missing)s).")
            % {"missing": ", ".join(f"« {label} »" for label in missing)},
        )
    return grades


def _points(question, raw, outline):
    points = {}
    for option_id, value in _by_option(question, raw).items():
        points[option_id] = _whole(question, value, _("Un nombre de points"), option_id)
    for option in question.choices:
        points.setdefault(option.pk, 0)
    given = sum(points.values())
    if given != question.total:
        raise AnswerError(
            question,
            _("répartissez exactement %(total)s points (%(given)s répartis).")
            % {"total": question.total, "given": given},
        )
    return points


def _commune(question, raw, outline):
    if not isinstance(raw, str) or raw.strip() not in outline.communes:
        raise AnswerError(question, _("cette commune n’appartient pas au territoire."))
    return raw.strip()


def _matrix(question, raw, outline):
    cells = {}
    columns = len(question.scale)
    for option_id, values in _by_option(question, raw).items():
        values = [values] if isinstance(values, str) else values
        if not isinstance(values, list):
            raise AnswerError(question, _("la réponse n’a pas la forme attendue."))
        ticked = sorted(
            {
                _whole(question, value, _("Une colonne"), option_id)
                for value in values
                if not is_empty(value)
            }
        )
        if any(not 1 <= column <= columns for column in ticked):
            raise AnswerError(question, _("cette colonne n’existe pas dans le tableau."), option_id)
        if len(ticked) > question.per_row():
            raise AnswerError(
                question,
                ngettext(
                    "cochez au plus %(max)s case sur la ligne « %(row)s ».",
                    "cochez au plus %(max)s cases sur la ligne « %(row)s ».",
                    question.per_row(),
                )
                % {"max": question.per_row(), "row": question.options_by_id[option_id].label},
                option_id,
            )
        cells[option_id] = ticked
    if question.required:
        missing = [option.label for option in question.choices if option.pk not in cells]
        if missing:
            raise AnswerError(
                question,
                _("répondez sur chaque ligne (manque : %(missing)s).")
                % {"missing": ", ".join(f"« {label} »" for label in missing)},
            )
    return cells


CLEANERS = {
    Kind.SHORT_TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.SINGLE_CHOICE: _single,
    Kind.MULTIPLE_CHOICE: _multiple,
    Kind.RANKING: _ranking,
    Kind.LIKERT: _likert,
    Kind.MAJORITY_JUDGMENT: _grades,
    Kind.POINTS: _points,
    Kind.COMMUNE: _commune,
    Kind.MATRIX: _matrix,
}


def answer_rows(question: Question, value, outline: Outline) -> list[dict]:
    """The fields of the `Answer` rows of a typed answer (see Question's docstring)."""
    kind = question.kind
    if value is None:
        return []
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return [{"text": value}]
    if kind == Kind.SINGLE_CHOICE:
        return [{"option_id": value}]
    if kind == Kind.MULTIPLE_CHOICE:
        return [{"option_id": option_id} for option_id in value]
    if kind == Kind.LIKERT:
        return [{"number": value}]
    if kind == Kind.COMMUNE:
        return [{"commune_id": outline.communes[value].pk}]
    if kind == Kind.MATRIX:
        return [
            {"option_id": option_id, "number": column}
            for option_id, columns in value.items()
            for column in columns
        ]
    return [{"option_id": option_id, "number": number} for option_id, number in value.items()]


def raw_from_answers(question: Question, rows: list, outline: Outline):
    """The raw answer (as a form sends it) of the question's `Answer` rows."""
    kind = question.kind
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return rows[0].text if rows else ""
    if kind == Kind.SINGLE_CHOICE:
        return str(rows[0].option_id) if rows else ""
    if kind == Kind.MULTIPLE_CHOICE:
        return [str(row.option_id) for row in rows]
    if kind == Kind.LIKERT:
        return str(rows[0].number) if rows else ""
    if kind == Kind.COMMUNE:
        commune = outline.communes_by_id.get(rows[0].commune_id) if rows else None
        return commune.insee if commune else ""
    if kind == Kind.MATRIX:
        cells: dict = {}
        for row in rows:
            cells.setdefault(str(row.option_id), []).append(str(row.number))
        return cells
    return {str(row.option_id): str(row.number) for row in rows}


def _condition_holds(question: Question, values: dict, outline: Outline) -> bool:
    source = outline.by_id.get(question.show_if_question_id)
    if source is None:
        return True  # its condition's question is gone: asked to everyone
    raw = values.get(source.key)
    if is_empty(raw):
        return False
    if question.show_if_option_id:
        chosen = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        return str(question.show_if_option_id) in [str(value).strip() for value in chosen]
    expected = question.show_if_value.strip().casefold()
    if not isinstance(raw, str):
        return False
    given = raw.strip()
    if source.kind == Kind.LIKERT:
        point = posted_id(given)
        label = source.scale[point - 1] if point and point <= len(source.scale) else None
        return expected in {given.casefold(), (label or "").strip().casefold()}
    return given.casefold() == expected


def shown(outline: Outline, values: dict) -> set[int]:
    """The ids of the questions asked, given the raw answers so far: a conditional
    question is asked when its condition's question was asked and got the answer."""
    asked: set[int] = set()
    for question in outline.questions:  # conditions point to earlier pages
        if not question.is_conditional:
            asked.add(question.pk)
            continue
        source_asked = question.show_if_question_id in asked
        source_gone = question.show_if_question_id not in outline.by_id
        if (source_asked or source_gone) and _condition_holds(question, values, outline):
            asked.add(question.pk)
    return asked


def keep_shown(outline: Outline, values: dict) -> dict:
    """The raw answers without those of questions no longer asked."""
    asked = shown(outline, values)
    return {
        key: value
        for key, value in values.items()
        if key in outline.by_key and outline.by_key[key].pk in asked
    }


def check_all(outline: Outline, values: dict, only=None) -> tuple[dict, dict]:
    """(typed answers, errors) of the questions asked — or of `only`, questions of one
    page — by key; errors are AnswerError."""
    asked = shown(outline, values)
    typed, errors = {}, {}
    for question in only if only is not None else outline.questions:
        if question.pk not in asked:
            continue
        try:
            value = clean(question, values.get(question.key), outline)
        except AnswerError as error:
            errors[question.key] = error
        else:
            if value is not None:
                typed[question.key] = value
    return typed, errors
