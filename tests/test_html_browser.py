"""The HTML briefings in a real browser: axe-core in headless Chromium and the Nu Html Checker
over the seed, the samples, every shared record, the seed under every style profile and the
golden trees; what the browser computes (large print's body size, reflow at 320 CSS px and
at 200% zoom, text spacing overridden, note targets of 24 by 24 px, the print style sheet).

One browser session and one vnu JVM serve every page. The tools are found beside the
repository (tests/html_browser.py says where); without them these tests skip saying why,
and ``.ci/run`` makes that a failure instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from exporter.diagnostics import Reporter
from exporter.options import WriteOptions
from exporter.writers.html import write
from golden_trees import GOLDEN
from html_browser import REQUIRED, Browser, browser, missing_browser, missing_vnu, vnu_many
from html_records import SEED, briefings, records

STYLES = ("standard", "large-print", "dyslexia", "high-contrast")


def _pages() -> dict[str, Callable[[], bytes | str]]:
    """Every page the browser tests look at, by test id: a function giving its bytes, or
    why there is none (a record the reader refuses)."""
    pages: dict[str, Callable[[], bytes | str]] = {}

    def of_record(path: Path, style: str) -> Callable[[], bytes | str]:
        def make() -> bytes | str:
            made = briefings(path, style)
            return made if isinstance(made, str) else made["html"]

        return make

    for path in records():
        pages[path.name] = of_record(path, "standard")
    seed = SEED if SEED.exists() else records()[0]
    for style in STYLES[1:]:
        pages[f"{seed.stem}--{style}"] = of_record(seed, style)
    for tree in sorted(GOLDEN):
        pages[f"golden-{tree}"] = lambda tree=tree: write(GOLDEN[tree](), WriteOptions(), Reporter(tree))
    return pages


PAGES = _pages()
SEED_PAGES = [name for name in PAGES if name.startswith(SEED.stem)] or [next(iter(PAGES))]


def _skip_or_fail(reason: str | None) -> None:
    if reason and REQUIRED:
        pytest.fail(f"DEBATE_EXPORT_BROWSER_TESTS=require, but {reason}")
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("html-pages")


def page_file(folder: Path, name: str) -> Path:
    path = folder / f"{name}.html"
    if not path.exists():
        made = PAGES[name]()
        if isinstance(made, str):
            pytest.skip(f"the reader refuses this record: {made}")
        path.write_bytes(made)
    return path


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    _skip_or_fail(missing_browser())
    with browser() as session:
        yield session


@pytest.fixture(scope="module")
def vnu_errors(folder: Path) -> dict[str, list[dict[str, Any]]]:
    _skip_or_fail(missing_vnu())
    paths = []
    for name, make in PAGES.items():
        made = make()
        if isinstance(made, bytes):
            path = folder / f"{name}.html"
            path.write_bytes(made)
            paths.append(path)
    return vnu_many(paths)


# --- axe-core and the Nu Html Checker on every page ---------------------------------------------------


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(chromium: Browser, folder: Path, name: str) -> None:
    violations = chromium.axe(page_file(folder, name))
    assert [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"][:3]], v["help"]) for v in violations
    ] == []


@pytest.mark.parametrize("name", list(PAGES))
def test_the_nu_html_checker_finds_no_error(
    vnu_errors: dict[str, list[dict[str, Any]]], folder: Path, name: str
) -> None:
    path = folder / f"{name}.html"
    if not path.exists():
        pytest.skip(f"the reader refuses this record: {PAGES[name]()}")
    messages = vnu_errors.get(str(path.resolve()), [])
    assert [(m.get("lastLine"), m["message"], m.get("extract", "")[:80]) for m in messages] == []


def test_axe_and_vnu_catch_a_bad_page(chromium: Browser, tmp_path: Path) -> None:
    """The harness itself: a page with faults is not reported clean."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><p><img src="x.png"></p></body></html>'
    )
    assert {"html-has-lang", "image-alt", "landmark-one-main"} <= {v["id"] for v in chromium.axe(bad)}
    if missing_vnu() is None:
        assert vnu_many([bad])[str(bad.resolve())]


# --- what the browser computes ----------------------------------------------------------------------------


def test_large_print_body_text_is_at_least_18_pt(chromium: Browser, folder: Path) -> None:
    chromium.open(page_file(folder, f"{SEED.stem}--large-print"))
    sizes = chromium.script(
        "return [...document.querySelectorAll('main p, main li, main td, main th, header p')]"
        ".filter(e => !e.closest('.noteref, sup')).map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 24.0  # 18 pt is 24 CSS px


def test_standard_body_text_is_12_pt(chromium: Browser, folder: Path) -> None:
    chromium.open(page_file(folder, SEED_PAGES[0] if SEED.exists() else next(iter(PAGES))))
    assert chromium.script("return getComputedStyle(document.querySelector('main p')).fontSize") == "16px"


OVERFLOW = """
const width = document.documentElement.clientWidth;
return [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.table, .visually-hidden, .skip-link'))
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right))
  .slice(0, 5);
"""


@pytest.mark.parametrize(
    "name", [*SEED_PAGES, "lords_daylord2009-10-29a.xml", "wrans_answers2009-10-27c.xml"]
)
@pytest.mark.parametrize(("width", "scale"), [(320, 1), (640, 2)], ids=["320px", "zoom200"])
def test_the_page_reflows_without_sideways_scrolling(
    chromium: Browser, folder: Path, name: str, width: int, scale: int
) -> None:
    """WCAG 1.4.10 at 320 CSS px, and a 1280 px window at 200% zoom (640 CSS px): nothing but
    a data table's own region is wider than the screen."""
    if name not in PAGES:
        pytest.skip(f"{name} is not here")
    chromium.emulate(width, 900, scale)
    try:
        chromium.driver.get(page_file(folder, name).resolve().as_uri())
        assert chromium.script("return document.documentElement.scrollWidth") <= width
        assert chromium.script(OVERFLOW) == []
    finally:
        chromium.emulate(None)


TEXT_SPACING = """
const style = document.createElement('style');
style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; '
  + 'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
document.head.appendChild(style);
return [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.visually-hidden, .skip-link'))
  .filter(e => { const s = getComputedStyle(e);
                 return (s.overflowY === 'hidden' || s.overflowY === 'clip') && e.scrollHeight > e.clientHeight + 1; })
  .map(e => e.tagName + ' ' + e.textContent.slice(0, 40)).slice(0, 5);
"""


@pytest.mark.parametrize("name", SEED_PAGES)
def test_text_spacing_can_be_overridden_without_losing_text(
    chromium: Browser, folder: Path, name: str
) -> None:
    """WCAG 1.4.12: the bookmarklet's spacing applied, no text is cut off or spills sideways."""
    chromium.emulate(320, 900, 1)
    try:
        chromium.driver.get(page_file(folder, name).resolve().as_uri())
        assert chromium.script(TEXT_SPACING) == []
        assert chromium.script(OVERFLOW) == []
    finally:
        chromium.emulate(None)


@pytest.mark.parametrize("name", SEED_PAGES)
def test_note_marks_back_links_and_contents_links_are_24_px_targets(
    chromium: Browser, folder: Path, name: str
) -> None:
    chromium.open(page_file(folder, name))
    sizes = chromium.script(
        "return [...document.querySelectorAll('a.noteref, a.backlink, .contents a')]"
        ".map(a => { const r = a.getBoundingClientRect(); return [a.className || a.textContent, r.width, r.height]; })"
    )
    assert sizes
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == []


def test_the_print_style_sheet_hides_what_only_a_screen_needs(chromium: Browser, folder: Path) -> None:
    chromium.open(page_file(folder, SEED_PAGES[0]))
    chromium.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = chromium.script(
            "return ['.skip-link', 'footer', '.backlink', 'main'].map("
            "s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display)"
        )
        assert shown == ["none", "none", "none", "block"]
    finally:
        chromium.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
