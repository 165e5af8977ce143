"""Results of a questionnaire: `compute_results` (SQL aggregations), the counting methods
(`methods`), the breakdowns by group with their anonymity threshold (`breakdowns`), and the
shape the API and `faisse questionnaire_results --json` give (`as_data`)."""

from faisse.questionnaires.results.compute import (
    OptionResult,
    QuestionResult,
    Results,
    compute_results,
)
from faisse.questionnaires.results.data import as_data

__all__ = ["OptionResult", "QuestionResult", "Results", "as_data", "compute_results"]
