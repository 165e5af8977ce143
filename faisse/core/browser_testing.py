"""For the browser tests: the system Chromium (/usr/bin/chromium) driven by Playwright,
never a downloaded browser. Import it only from test modules that need a browser."""

import atexit
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("the system Chromium (/usr/bin/chromium) is not installed", allow_module_level=True)

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test are safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import sync_playwright  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


_running: dict = {}


def _stop() -> None:
    browser, playwright = _running.pop("browser", None), _running.pop("playwright", None)
    if browser is not None:
        browser.close()
    if playwright is not None:
        playwright.stop()


@contextmanager
def chromium():
    """The system Chromium, launched once per test process (a launch costs about a
    second, and the browser tests are half of the suite's time) and given to each test
    clean: every page and cookie jar a test opened is closed when it ends."""
    if "browser" not in _running:
        playwright = sync_playwright().start()
        _running["playwright"] = playwright
        _running["browser"] = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        atexit.register(_stop)
    browser = _running["browser"]
    try:
        yield browser
    finally:
        for context in list(browser.contexts):
            context.close()


def new_page(browser, *, separate: bool = False):
    """A page of the browser; `separate` gives it its own cookies (another person)."""
    viewport = {"width": 1200, "height": 900}
    if separate:
        page = browser.new_context(viewport=viewport).new_page()
    else:
        page = browser.new_page(viewport=viewport)
    page.set_default_timeout(15_000)
    return page


SERIOUS = frozenset({"serious", "critical"})


def serious_violations(page) -> dict[str, list]:
    """axe-core's serious or critical violations on the page (axe-playwright-python ships
    axe-core: nothing is downloaded): violation id → its first three targets."""
    from axe_playwright_python.sync_playwright import Axe

    return {
        violation["id"]: [node["target"] for node in violation["nodes"]][:3]
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in SERIOUS
    }


def assert_accessible(page) -> None:
    found = serious_violations(page)
    assert not found, (page.url, found)
