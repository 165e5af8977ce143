"""The French catalog ships compiled, with French plural rules (0 is singular)."""

from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.utils import translation


def test_the_compiled_french_catalog_ships_with_the_package():
    catalog = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
    assert (catalog / "django.mo").stat().st_size > 0
    assert (catalog / "django.mo").stat().st_mtime >= (catalog / "django.po").stat().st_mtime - 1


def test_zero_takes_the_singular_in_french():
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}axe{% plural %}axes"
        "{% endblocktranslate %}"
    )
    with translation.override("fr"):
        assert [template.render(Context({"n": n})) for n in (0, 1, 2)] == ["axe", "axe", "axes"]
