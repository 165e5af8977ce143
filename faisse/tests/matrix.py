"""The vocabulary of the permission matrix, shared by every app's rows.

`faisse/tests/test_permission_matrix.py` holds the rows of the first apps; an app added
later keeps its own rows next to its tests, in `faisse/<app>/tests/permissions.py`:

    ROWS = {"meetings:list": ("get", PUBLIC), …}     # URL name → (method, statuses)
    def prepare(world: dict) -> None: …              # add the app's objects to the world
    def request(name: str, world: dict) -> tuple[str, dict] | None: …   # URL and data

and documents them in a table of its own doc page (docs/*.md), which the test reads too.
"""

ACTORS = ("anonymous", "partner", "elected", "pilot", "editor", "admin", "other")
PUBLIC = dict.fromkeys(ACTORS, 200)
LOGIN = 302  # anonymous people are sent to the login page


def only(allowed: dict, refused: int = 403, anonymous: int = LOGIN) -> dict:
    """Statuses for a page reserved to some roles."""
    statuses = dict.fromkeys(ACTORS, refused)
    statuses["anonymous"] = anonymous
    statuses.update(allowed)
    return statuses


EDITORS = only({"editor": 200, "admin": 200})
EDITORS_POST = only({"editor": 302, "admin": 302})
MEMBERS_200 = dict.fromkeys(ACTORS, 200) | {"anonymous": LOGIN, "other": 200}
