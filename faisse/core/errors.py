"""The one kind of error a domain raises when it refuses something a person asked.

Its message says why, in French, ready to be shown on a page, in the API's `detail` or
on a command line: views catch `Refusal` and show it; they never build the sentence.
Each domain names its own (EditError, PairError, RestoreError, PlanImportError…).
"""


class Refusal(Exception):
    """A change refused; str(error) is the French message for the person."""
