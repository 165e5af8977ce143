class PlanImportError(Exception):
    """A file that cannot be imported; the message says what is wrong and where, in French."""
