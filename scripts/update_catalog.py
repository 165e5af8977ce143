"""Refresh the French catalog: extract messages, fill plural entries, compile.

French is the source language of the messages, so singular entries stay empty (Django
shows the message itself); plural entries are filled with their own two forms, so that
the catalog's French plural rule (0 and 1 are singular) applies. Needs GNU gettext.

    .venv/bin/python scripts/update_catalog.py
"""

import os
import re
from pathlib import Path

import django
from django.core.management import call_command
from django.core.management.commands.makemessages import Command as MakeMessages

PACKAGE = Path(__file__).resolve().parent.parent / "faisse"
CATALOG = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "django.po"


class MakeMessagesWithoutGuesses(MakeMessages):
    """makemessages has no option for it: msgmerge must not guess a translation of a new
    message from a similar old one (French is the source, the guess would be wrong)."""

    msgmerge_options = [*MakeMessages.msgmerge_options, "--no-fuzzy-matching"]


def fill_plurals(text: str) -> str:
    """Give every plural entry its own two forms (overwriting what was there)."""
    blocks = []
    for block in text.split("\n\n"):
        forms = re.search(
            r"^msgid (\".*?\")\nmsgid_plural (\".*?\")\nmsgstr\[0\]", block, re.S | re.M
        )
        if forms:
            head = block[: block.index("msgstr[0]")]
            block = f"{head}msgstr[0] {forms.group(1)}\nmsgstr[1] {forms.group(2)}"
        blocks.append(block)
    text = "\n\n".join(blocks)
    text = text.replace('#, fuzzy\nmsgid ""', 'msgid ""', 1)
    return re.sub(
        r'"Plural-Forms: .*?\\n"', '"Plural-Forms: nplurals=2; plural=(n > 1);\\\\n"', text
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faisse.settings")
    django.setup()
    os.chdir(PACKAGE)
    call_command(MakeMessagesWithoutGuesses(), locale=["fr"], ignore_patterns=["*/tests/*"])
    CATALOG.write_text(fill_plurals(CATALOG.read_text(encoding="utf-8")), encoding="utf-8")
    call_command("compilemessages", locale=["fr"])


if __name__ == "__main__":
    main()
