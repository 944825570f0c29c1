"""Browser journeys: Playwright drives Debian's Chromium against the live server.

Playwright's sync API runs an event loop on the thread that uses it, and Django
refuses database calls from such a thread. Each journey therefore runs on a
thread of its own, and the test's thread stays free for ordinary ORM assertions
before and after it.
"""

import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def run_in_browser(base_url: str, journey) -> None:
    """Run ``journey(page)`` in a fresh Chromium page on its own thread.

    Anything the journey raises is raised again on the calling thread.
    """
    if not shutil.which(CHROMIUM):
        pytest.skip("Chromium is not installed (make test-e2e installs it)")
    from playwright.sync_api import sync_playwright

    failure = []

    def run():
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(base_url=base_url, accept_downloads=True)
                page = context.new_page()
                page.set_default_timeout(15_000)
                try:
                    journey(page)
                finally:
                    context.close()
                    browser.close()
        except BaseException as error:  # handed back to the test's thread
            failure.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def assert_accessible(page):
    """Run axe-core on the current page; fail on serious or critical problems.

    The script is evaluated through the devtools protocol, so the page's own
    Content Security Policy still governs everything the page loads.
    """
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag22aa']})"
    )
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not problems, problems
