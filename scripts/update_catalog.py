"""Refresh the French catalog: extract messages, fill plural entries, compile.

French is the source language of the messages, so singular entries stay empty (Django
shows the message itself); plural entries are filled with their own two forms, so that
the catalog's French plural rule (0 and 1 are singular) applies. Needs GNU gettext.

    .venv/bin/python scripts/update_catalog.py
"""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "faisse"
CATALOG = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "django.po"
FAISSE = [sys.executable, "-m", "faisse"]


def fill_plurals(text: str) -> str:
    blocks = []
    for block in text.split("\n\n"):
        if "msgid_plural" in block and 'msgstr[0] ""' in block:
            singular = re.search(r"^msgid (\".*?\")\nmsgid_plural", block, re.S | re.M).group(1)
            plural = re.search(r"^msgid_plural (\".*?\")\nmsgstr\[0\]", block, re.S | re.M).group(1)
            block = block.replace('msgstr[0] ""', f"msgstr[0] {singular}", 1)
            block = block.replace('msgstr[1] ""', f"msgstr[1] {plural}", 1)
        blocks.append(block)
    text = "\n\n".join(blocks)
    text = text.replace('#, fuzzy\nmsgid ""', 'msgid ""', 1)
    return re.sub(
        r'"Plural-Forms: .*?\\n"', '"Plural-Forms: nplurals=2; plural=(n > 1);\\\\n"', text
    )


def main() -> None:
    subprocess.run(
        [*FAISSE, "makemessages", "-l", "fr", "--no-fuzzy-matching", "--ignore", "*/tests/*"],
        cwd=PACKAGE,
        check=True,
    )
    CATALOG.write_text(fill_plurals(CATALOG.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run([*FAISSE, "compilemessages", "-l", "fr"], cwd=PACKAGE, check=True)


if __name__ == "__main__":
    main()
