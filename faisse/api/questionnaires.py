"""API endpoints of the questionnaires app (GET lists; see docs/questionnaires.md)."""

from ninja import Router

router = Router(tags=["questionnaires"])
