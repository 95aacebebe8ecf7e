"""A real browser and the Nu Html Checker for the HTML briefing tests, found beside the repository.

- Chromium: Debian's ``chromium`` and ``chromium-driver`` (``CHROMIUM`` and ``CHROMEDRIVER``
  override the paths), driven by selenium, headless, with no network of its own: one
  session for many pages.
- axe-core and vnu.jar: npm packages installed from ``tests/browser/package-lock.json``
  (``npm ci --ignore-scripts --prefix tests/browser``); vnu.jar runs on the machine's Java,
  one JVM for many files.

``missing()`` says what is not there, for the tests' skip reasons; ``.ci/run`` sets
``DEBATE_EXPORT_BROWSER_TESTS=require`` so that CI fails instead of skipping.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "tests" / "browser" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
REQUIRED = os.environ.get("DEBATE_EXPORT_BROWSER_TESTS") == "require"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    for path, what in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromedriver")):
        if not path.exists():
            return f"{what} is not installed ({path}; Debian: apt-get install chromium chromium-driver)"
    if not AXE.exists():
        return f"axe-core is not installed ({AXE}; npm ci --prefix tests/browser)"
    return None


def missing_vnu() -> str | None:
    """Why the Nu Html Checker cannot run here, or None."""
    if shutil.which("java") is None:
        return "java is not installed (the Nu Html Checker runs on Java 11 or newer)"
    if not VNU.exists():
        return f"vnu-jar is not installed ({VNU}; npm ci --prefix tests/browser)"
    return None


class Browser:
    """One headless Chromium session (selenium) for many pages."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self._axe = AXE.read_text("utf-8")

    def open(self, path: Path, width: int = 1280, height: int = 900) -> None:
        self.driver.set_window_size(width, height)
        self.driver.get(path.resolve().as_uri())

    def axe(self, path: Path) -> list[dict[str, Any]]:
        """axe-core's violations of WCAG 2.0-2.2 A/AA and its best practices on a page."""
        self.open(path)
        self.driver.execute_script(self._axe)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', "
            "help: String(e), nodes: []}])));",
            AXE_TAGS,
        )
        violations: list[dict[str, Any]] = json.loads(result)
        return violations

    def emulate(self, width: int | None, height: int = 900, scale: float = 1) -> None:
        """A viewport of ``width`` CSS px at ``scale`` device pixels each (a phone, or a wide
        window zoomed: 1280 px at 200% is 640 CSS px at scale 2); None ends it."""
        if width is None:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            return
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": width < 500},
        )

    def script(self, source: str, *args: Any) -> Any:
        return self.driver.execute_script(source, *args)

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole page at the window's width."""
        height = self.script("return document.documentElement.scrollHeight")
        width = self.script("return window.innerWidth")
        self.driver.set_window_size(width, height)
        self.driver.save_screenshot(str(path))


@contextmanager
def browser() -> Iterator[Browser]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="debate-export-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        driver.set_script_timeout(120)
        try:
            yield Browser(driver)
        finally:
            driver.quit()


def vnu_many(paths: Iterable[Path]) -> dict[str, list[dict[str, Any]]]:
    """The Nu Html Checker's errors for each file, in one JVM, keyed by resolved path."""
    files = [str(Path(p).resolve()) for p in paths]
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU), "--format", "json", "--errors-only", "--also-check-css", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    found: dict[str, list[dict[str, Any]]] = {path: [] for path in files}
    for message in messages:
        url = message.get("url", "")
        path = url.removeprefix("file:")
        found.setdefault(str(Path(path).resolve()) if path else "?", []).append(message)
    return found
