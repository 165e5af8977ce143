"""One check for every text that reaches the database, from a form, the API or a file.

PostgreSQL refuses a NUL character in a text column (a `DataError`, hence a 500) where
SQLite stores it; other control characters and half of a surrogate pair are never
meant (a binary file, a bad copy-paste, an attack) and break exports later. Lengths are
limited by named settings (`MAX_TITLE_LENGTH`, `MAX_TEXT_LENGTH`, see docs/operations.md)
so that a page, a form or an export stays usable whatever was sent.

Forms and the API meet this check through the models' validators (`TextValidator`);
the importer calls `text_problem` itself to name the line.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# C0 controls but tab, line feed and carriage return; DEL; lone surrogates.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
LIMITS = {"title": "MAX_TITLE_LENGTH", "text": "MAX_TEXT_LENGTH"}

# The same rules as JSON Schema patterns, for the API's description (ECMA and Python
# regular expressions read them alike): no forbidden character; and, for a title, at
# least one character that is not a space in Python's sense (str.strip).
_FORBIDDEN_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_SPACES = "".join(f"\\u{code:04x}" for code in range(0x10000) if chr(code).isspace())
SAFE_TEXT_PATTERN = rf"^[^{_FORBIDDEN_CLASS}]*$"
NON_BLANK_TEXT_PATTERN = (
    rf"^[^{_FORBIDDEN_CLASS}]*[^{_FORBIDDEN_CLASS}{_SPACES}][^{_FORBIDDEN_CLASS}]*$"
)


def max_length(limit: str) -> int:
    """The number of characters allowed for a kind of text ("title" or "text")."""
    return getattr(settings, LIMITS[limit])


def describe_character(char: str) -> str:
    if char == "\x00":
        return _("caractère nul")
    if "\ud800" <= char <= "\udfff":
        return _("moitié de caractère (U+%04X)") % ord(char)
    return _("caractère de contrôle U+%04X") % ord(char)


def text_problem(value: str, limit: str | None = None) -> str | None:
    """What is wrong with the text for the database, in French, or None if nothing."""
    if match := FORBIDDEN.search(value):
        return _("%(character)s interdit au %(position)s caractère") % {
            "character": describe_character(match.group()),
            "position": ordinal(match.start() + 1),
        }
    if limit is not None and len(value) > max_length(limit):
        return _("trop long : %(length)s caractères, %(max)s au plus") % {
            "length": number_format(len(value), force_grouping=True),
            "max": number_format(max_length(limit), force_grouping=True),
        }
    return None


def ordinal(number: int) -> str:
    return _("1er") if number == 1 else _("%se") % number_format(number, force_grouping=True)


@deconstructible
class TextValidator:
    """Model and form validator: no forbidden character, at most the `limit`'s length.

    `limit` names a setting, read at validation time, so that an operator may change it
    without a migration; None leaves the length to the field (CharField.max_length).
    """

    def __init__(self, limit: str | None = None):
        self.limit = limit

    def __call__(self, value) -> None:
        if isinstance(value, str) and (problem := text_problem(value, self.limit)):
            raise ValidationError(problem[:1].upper() + problem[1:] + ".", code="text")

    def __eq__(self, other) -> bool:
        return isinstance(other, TextValidator) and other.limit == self.limit
