"""The action sheet (fiche action) and what hangs from it."""

from faisse.actions.models.money import BudgetLine, Funding
from faisse.actions.models.sheet import SDG, ActionSheet, Organisation, Programme
from faisse.actions.models.tracking import ActionDocument, ActionUpdate, Milestone

__all__ = [
    "SDG",
    "ActionDocument",
    "ActionSheet",
    "ActionUpdate",
    "BudgetLine",
    "Funding",
    "Milestone",
    "Organisation",
    "Programme",
]
