"""What the site's frame (core/base.html) needs to know from higher apps, filled in by
them when Django starts: core imports no app of Faïsse.

The menu shows "Gestion" to those who manage something in the territory; who they are is
the accounts app's knowledge (roles), which registers its check in AppConfig.ready().
"""

from collections.abc import Callable

_management_check: Callable | None = None


def register_management_check(check: Callable) -> None:
    global _management_check
    _management_check = check


def shows_management(user, territory) -> bool:
    return _management_check is not None and bool(_management_check(user, territory))
