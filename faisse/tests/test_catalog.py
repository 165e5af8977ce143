"""The French catalog: plural entries carry their own two forms, and the compiled catalog
is the one the sources describe (French is the source language of the messages)."""

import ast
import gettext
import re
from pathlib import Path

MESSAGES = Path(__file__).resolve().parents[1] / "locale" / "fr" / "LC_MESSAGES"
FIELD = re.compile(r'^(msgid|msgid_plural|msgstr\[\d\]|msgstr) ((?:"(?:[^"\\]|\\.)*"\n?)+)', re.M)


def plural_entries() -> list[dict]:
    entries = []
    for block in (MESSAGES / "django.po").read_text(encoding="utf-8").split("\n\n"):
        fields = {
            name: "".join(ast.literal_eval(part) for part in value.split("\n") if part)
            for name, value in FIELD.findall(block + "\n")
        }
        if "msgid_plural" in fields:
            entries.append(fields)
    return entries


def test_plural_entries_have_their_own_two_forms():
    entries = plural_entries()
    assert len(entries) >= 10
    for entry in entries:
        assert (entry["msgstr[0]"], entry["msgstr[1]"]) == (entry["msgid"], entry["msgid_plural"])


def test_compiled_catalog_matches_the_sources():
    with (MESSAGES / "django.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for entry in plural_entries():
        assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgid"]
        assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgid_plural"]
