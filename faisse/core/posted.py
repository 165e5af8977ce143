"""Reading an id sent in a form or a query string.

`str.isdigit()` is not enough: "²" or "٣" are digits for Python but not for `int()`, and a
30-digit number overflows the database's integers. Both used to end in a 500.
"""

LARGEST_ID = 2**31 - 1  # fits every integer column, on SQLite and PostgreSQL


def posted_id(value) -> int | None:
    """The value as a database id, or None when it is not one."""
    if not isinstance(value, str) or not (value.isascii() and value.isdecimal()):
        return None
    number = int(value)
    return number if 0 < number <= LARGEST_ID else None
