"""What the site's frame (core/base.html) needs to know from higher apps, filled in by
them when Django starts: core imports no app of Faïsse.

The menu links every member to their space in the territory (/<slug>/gestion/), named
"Gestion" for those who manage something and "Mon espace" for the others; who they are is
the accounts app's knowledge (roles), which registers its function in AppConfig.ready().
"""

from collections.abc import Callable

_space_label: Callable | None = None


def register_management_check(label_of: Callable) -> None:
    """`label_of(user, territory)`: the menu's name of the person's space, or None."""
    global _space_label
    _space_label = label_of


def space_label(user, territory) -> str | None:
    return _space_label(user, territory) if _space_label is not None else None
