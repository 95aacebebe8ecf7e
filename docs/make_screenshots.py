"""Screenshots of the seed briefing as HTML, for the README: at phone width (320 CSS px) and
in a 1280 px window at 200% zoom (640 CSS px at two device pixels each).

    python docs/make_screenshots.py

Made with the headless Chromium the browser tests use (tests/html_browser.py: Debian's
chromium and chromium-driver, selenium); the first screenful of each, as PNG in docs/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from html_browser import browser, missing_browser  # noqa: E402

SEED = ROOT / "samples" / "westminster-hall-2022-02-23-web-text.txt"  # the seed, as copied from the web
SHOTS = (("seed-phone-320px.png", 320, 900, 1), ("seed-zoom-200.png", 640, 480, 2))


def main() -> int:
    reason = missing_browser()
    if reason:
        print(f"cannot make screenshots: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "exporter", "convert", str(SEED), "-f", "html", "-o", folder, "-q"],
            check=True,
        )
        page = Path(folder) / f"{SEED.stem}.html"
        with browser() as session:
            for name, width, height, scale in SHOTS:
                session.emulate(width, height, scale)
                session.driver.get(page.as_uri())
                session.driver.save_screenshot(str(ROOT / "docs" / name))
                print(f"docs/{name}: {width} CSS px wide at {scale * 100}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
