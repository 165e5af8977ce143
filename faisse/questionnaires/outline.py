"""A questionnaire loaded whole, in a constant number of queries: its pages, questions and
options in order, and the communes a commune question offers. Answering pages, checks,
exports and imports read it instead of querying question by question."""

from dataclasses import dataclass, field

from faisse.questionnaires.models import Option, Question, Questionnaire, Section
from faisse.territories.models import Commune


@dataclass
class Page:
    section: Section
    questions: list[Question] = field(default_factory=list)


class Outline:
    """`pages` in order, each with its questions; every question carries `choices` (its
    options in order) and `options_by_id`; `communes` maps INSEE codes to communes."""

    def __init__(self, questionnaire: Questionnaire, sections, questions, options, communes):
        self.questionnaire = questionnaire
        self.pages = [Page(section) for section in sections]
        page_of = {page.section.pk: page for page in self.pages}
        self.questions: list[Question] = []
        self.by_id: dict[int, Question] = {}
        for question in questions:
            question.choices = []
            question.options_by_id = {}
            page_of[question.section_id].questions.append(question)
            self.by_id[question.pk] = question
        for page in self.pages:
            self.questions.extend(page.questions)
        self.by_key = {question.key: question for question in self.questions}
        for option in options:
            question = self.by_id.get(option.question_id)
            if question is not None:
                question.choices.append(option)
                question.options_by_id[option.pk] = option
        self.communes: dict[str, Commune] = {commune.insee: commune for commune in communes}
        self.communes_by_id = {commune.pk: commune for commune in communes}
        self.page_index = {
            question.pk: index
            for index, page in enumerate(self.pages)
            for question in page.questions
        }

    @classmethod
    def load(cls, questionnaire: Questionnaire) -> "Outline":
        sections = list(questionnaire.sections.order_by("position", "id"))
        questions = list(
            Question.objects.filter(questionnaire=questionnaire).order_by(
                "section__position", "section_id", "position", "id"
            )
        )
        options = list(
            Option.objects.filter(question__questionnaire=questionnaire)
            .select_related("node")
            .order_by("question_id", "position", "id")
        )
        communes = []
        if any(question.kind == Question.Kind.COMMUNE for question in questions):
            communes = Commune.objects.filter(territory_id=questionnaire.territory_id)
            communes = communes.only("id", "insee", "name").in_french_order()
        return cls(questionnaire, sections, questions, options, communes)

    def communes_in_order(self) -> list[Commune]:
        return list(self.communes.values())
