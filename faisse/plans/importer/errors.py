from faisse.core.errors import Refusal


class PlanImportError(Refusal):
    """A file that cannot be imported; the message says what is wrong and where, in French."""
