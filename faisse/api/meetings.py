"""API endpoints of the meetings app (GET lists; see docs/meetings.md)."""

from ninja import Router

router = Router(tags=["réunions"])
