"""Running counts of the answers, kept by every write of a response, so that results read
a few hundred rows whatever the number of responses (a questionnaire of 100,000 responses
has millions of answer rows: counting them at each reading takes seconds).

One row per question and key, with `count`:

- scope VALUE: answer rows with this (option, number, commune) — a choice, a rank or a
  grade given to an option, points, a Likert point, a matrix cell, a commune;
- scope ANSWERED: responses that answered the question (a skipped or hidden question has
  no answer row, hence no count);
- scope ROW: responses that answered this row (`option`) of a matrix.

`faisse.questionnaires.tallies` writes them, under a lock on the questionnaire; `recount`
rebuilds them from the answers (after a bulk load, or to check them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from faisse.questionnaires.models.structure import Option, Question
from faisse.territories.models import Commune, Territory


class AnswerTally(models.Model):
    class Scope(models.TextChoices):
        VALUE = "v", "value"
        ANSWERED = "q", "answered"
        ROW = "r", "row"

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="tallies")
    scope = models.CharField(max_length=1, choices=Scope.choices)
    option = models.ForeignKey(
        Option, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    number = models.IntegerField(null=True, blank=True)
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("décompte de réponses")
        verbose_name_plural = _("décomptes de réponses")
        indexes = [models.Index(fields=["question", "scope"], name="tally_question")]

    def __str__(self) -> str:
        return f"{self.question_id} {self.scope} {self.option_id} {self.number}: {self.count}"
