"""Text and metadata rules of DOCX-RULES.md: blanks, contrast, language, title,
typography (size, font, emphasis, alignment, spacing), paper size and template leftovers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from exporter.checks.docx_package import NS, DocxPackage, is_on, text_of, w
from exporter.checks.docx_registry import Finding, quoted, rule
from exporter.checks.docx_styles import RunFormat, cell_background
from exporter.diagnostics import Severity
from exporter.invisible import reads_as_nothing
from exporter.styles.contrast import contrast_ratio, luminance

LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*$"
)
REPEATED_BLANKS = re.compile(r"[ \u00a0]{3,}|\t{2,}")
PLACEHOLDER_TITLE = re.compile(r"^(document\s*\d*|untitled.*|microsoft word.*|.*\.docx?)$", re.I)
SERIF_FONTS = frozenset(
    [
        "times new roman",
        "times",
        "cambria",
        "georgia",
        "garamond",
        "book antiqua",
        "palatino linotype",
        "palatino",
        "century schoolbook",
        "bookman old style",
        "constantia",
        "liberation serif",
        "dejavu serif",
        "baskerville",
        "baskerville old face",
        "minion pro",
        "caslon",
        "didot",
        "bodoni mt",
        "rockwell",
        "courier new",
        "noto serif",
    ]
)
A4 = (11906, 16838)
A4_TOLERANCE = 30  # twips; Word's A4 is sometimes 11907 or 11909 wide
SMALL_TEXT_SHARE = 0.05
EMPHASIS_SHARE = 0.02
CAPS_RUN = 20
DEFAULT_SIZE = 20  # half-points, when nothing sets w:sz
EXCLUDED_FROM_BODY = ("title", "subtitle", "toc ", "caption", "footer", "header")


@dataclass(frozen=True)
class BodyRun:
    paragraph: etree._Element
    text: str
    format: RunFormat
    in_link: bool


@lru_cache(maxsize=4)
def body_runs(package: DocxPackage) -> tuple[BodyRun, ...]:
    """Runs of body text in the main story: not headings, titles, contents or captions."""
    styles = package.styles
    found = []
    for p in package.paragraphs:
        if styles.heading_level(p) is not None:
            continue
        name = styles.name(styles.paragraph_style(p))
        if name.startswith(EXCLUDED_FROM_BODY):
            continue
        for run in p.iter(w("r")):
            text = text_of(run)
            if text.strip():
                in_link = any(a.tag == w("hyperlink") for a in run.iterancestors())
                found.append(BodyRun(p, text, styles.run_format(p, run), in_link))
    return tuple(found)


def _share(runs: tuple[BodyRun, ...], test: object) -> tuple[float, BodyRun | None]:
    total = sum(len(r.text) for r in runs)
    hits = [r for r in runs if test(r)]  # type: ignore[operator]
    share = sum(len(r.text) for r in hits) / total if total else 0.0
    return share, (hits[0] if hits else None)


# --- blanks -----------------------------------------------------------------------


@rule("MS-BLANK-001", Severity.WARNING, "No repeated blank characters (3+ spaces or 2+ tabs) for layout")
def repeated_blanks(package: DocxPackage) -> Iterator[Finding]:
    for p in package.paragraphs:
        if REPEATED_BLANKS.search(text_of(p)):
            yield Finding("repeated spaces or tabs used for layout", package.where(p))


def _is_empty(p: etree._Element) -> bool:
    if text_of(p).strip():
        return False
    for tag in ("drawing", "pict", "object", "fldChar", "fldSimple", "br", "sectPr", "footnoteReference"):
        if next(p.iter(w(tag)), None) is not None:
            return False
    return True


@rule("MS-BLANK-002", Severity.WARNING, "No empty paragraphs used as spacing")
def empty_paragraphs(package: DocxPackage) -> Iterator[Finding]:
    containers = [package.body, *package.body.iter(w("tc"))]
    for container in containers:
        previous_empty = False
        for child in container:
            empty = child.tag == w("p") and _is_empty(child)
            if empty and previous_empty:
                yield Finding("consecutive empty paragraphs used as spacing", package.where(child))
            previous_empty = empty


# --- contrast and page colour -----------------------------------------------------------


def _hex(value: str | None) -> str | None:
    return value.upper() if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value) else None


def _declared_page_colour(package: DocxPackage) -> str | None:
    page = package.document.find("w:background", NS)
    return _hex(page.get(w("color")) if page is not None else None)


def _page_colour_shown(package: DocxPackage) -> bool:
    """Word shows w:background only when the settings say w:displayBackgroundShape
    (ECMA-376 17.15.1.34); otherwise the page is white."""
    settings = package.related_part("settings")
    shown = settings.find(w("displayBackgroundShape")) if settings is not None else None
    return shown is not None and is_on(shown) is not False


def page_colour(package: DocxPackage) -> str:
    """The colour of the page as Word shows it, six hex digits."""
    declared = _declared_page_colour(package)
    return declared if declared and _page_colour_shown(package) else "FFFFFF"


@rule("PAGE-COLOUR-001", Severity.TIP, "A page colour set for the reader is shown (w:displayBackgroundShape)")
def page_colour_hidden(package: DocxPackage) -> Iterator[Finding]:
    declared = _declared_page_colour(package)
    if declared and declared != "FFFFFF" and not _page_colour_shown(package):
        yield Finding(
            f"page colour #{declared} is set but Word shows a white page: settings.xml lacks "
            "w:displayBackgroundShape",
            "word/settings.xml",
        )


@rule("MS-CON-001", Severity.WARNING, "Text contrast is at least 4.5:1 (3:1 for large text)")
def text_contrast(package: DocxPackage) -> Iterator[Finding]:
    styles = package.styles
    page_colour_shown = page_colour(package)
    for name, root in package.story_parts():
        for p in root.iter(w("p")):
            paragraph_background = styles.paragraph_format(p).background
            for run in p.iter(w("r")):
                if not text_of(run).strip():
                    continue
                fmt = styles.run_format(p, run)
                background = fmt.background or paragraph_background or cell_background(p) or page_colour_shown
                colour = _hex(fmt.colour)
                if colour is None:  # "auto": Word picks black or white against the background
                    colour = "000000" if luminance(background) > 0.179 else "FFFFFF"
                size = fmt.size or DEFAULT_SIZE
                large = size >= 36 or (fmt.bold and size >= 28)
                needed = 3.0 if large else 4.5
                ratio = contrast_ratio(colour, background)
                if ratio < needed:
                    where = package.where(p) if name == package.main else name
                    yield Finding(
                        f"text #{colour} on #{background} is {ratio:.2f}:1, needs {needed}:1 at {size / 2:g}pt",
                        where,
                    )
                    break


# --- title and language -----------------------------------------------------------


@rule("DOC-TITLE-001", Severity.ERROR, "The document has a meaningful title (core.xml dc:title)")
def document_title(package: DocxPackage) -> Iterator[Finding]:
    title = (package.core_text("dc:title") or "").strip()
    if reads_as_nothing(title):
        yield Finding("no document title in File > Properties (dc:title)", "docProps/core.xml")
    elif PLACEHOLDER_TITLE.match(title):
        yield Finding(f"document title {quoted(title)} is a placeholder or file name", "docProps/core.xml")


def default_language(package: DocxPackage) -> str | None:
    rpr = package.styles.defaults("r")
    lang = rpr.find(w("lang")) if rpr is not None else None
    return lang.get(w("val")) if lang is not None else None


@rule("DOC-LANG-001", Severity.ERROR, "The default language is set (docDefaults w:lang)")
def language_set(package: DocxPackage) -> Iterator[Finding]:
    if not (default_language(package) or "").strip():
        yield Finding(
            "no default language in styles.xml docDefaults (becomes the PDF /Lang)", "word/styles.xml"
        )


@rule(
    "DOC-LANG-002",
    Severity.WARNING,
    "The default language is a real language tag, agrees with dc:language, and is not an unconfirmed en-US",
)
def language_real(package: DocxPackage) -> Iterator[Finding]:
    default = (default_language(package) or "").strip()
    if not default:
        return  # DOC-LANG-001 reports it
    declared = (package.core_text("dc:language") or "").strip()
    if not LANGUAGE_TAG.match(default):
        yield Finding(f"default language {quoted(default)} is not a BCP 47 language tag", "word/styles.xml")
    elif declared and declared.lower() != default.lower():
        yield Finding(f"default language {default} differs from dc:language {declared}", "word/styles.xml")
    elif not declared and default.lower() == "en-us":
        yield Finding("default language is en-US, the python-docx and Word template value; confirm it",
                      "word/styles.xml")  # fmt: skip


@rule("DOC-LANG-003", Severity.TIP, "The document properties give the language (dc:language)")
def language_metadata(package: DocxPackage) -> Iterator[Finding]:
    if not (package.core_text("dc:language") or "").strip():
        yield Finding("no dc:language in the document properties", "docProps/core.xml")


@rule("DOC-LANG-004", Severity.INFO, "Passages in other languages are marked (listed for review)")
def other_languages(package: DocxPackage) -> Iterator[Finding]:
    default = (default_language(package) or "").lower()
    counts: Counter[str] = Counter()
    first: dict[str, etree._Element] = {}
    for p in package.paragraphs:
        for lang in p.iter(w("lang")):
            value = lang.get(w("val"))
            if (
                value
                and value.lower() not in (default, "x-none")
                and lang.getparent().getparent().tag == w("r")
            ):
                counts[value] += 1
                first.setdefault(value, p)
    for value, count in sorted(counts.items()):
        yield Finding(f"{count} run(s) marked as {value}; check they are", package.where(first[value]))


# --- typography ---------------------------------------------------------------------


@rule("BDA-SPACE-001", Severity.TIP, "Normal text has 1.5 line spacing")
def line_spacing(package: DocxPackage) -> Iterator[Finding]:
    fmt = package.styles.style_format(package.styles.default_paragraph)
    if fmt.line is None or fmt.line < 360 or fmt.line_rule not in (None, "auto"):
        shown = "single" if fmt.line is None else f"{fmt.line} ({fmt.line_rule})"
        yield Finding(f"Normal style line spacing is {shown}; use 1.5 lines (360 auto)", "word/styles.xml")


@rule("UK-ALIGN-001", Severity.WARNING, "Body text is left aligned, not justified")
def justified(package: DocxPackage) -> Iterator[Finding]:
    styles = package.styles
    hits = [p for p in package.paragraphs if styles.paragraph_format(p).jc in ("both", "distribute")]
    if hits:
        yield Finding(f"{len(hits)} justified paragraph(s); first here", package.where(hits[0]))


@rule("UK-SPACE-002", Severity.TIP, "Body text is not condensed (letter spacing of 0 or more)")
def condensed(package: DocxPackage) -> Iterator[Finding]:
    share, first = _share(body_runs(package), lambda r: (r.format.letter_spacing or 0) < 0)
    if first is not None and share > SMALL_TEXT_SHARE:
        points = (first.format.letter_spacing or 0) / 20
        yield Finding(
            f"{share:.0%} of body text is condensed ({points:g} pt letter spacing); RNIB: do not condense",
            package.where(first.paragraph),
        )


@rule("UK-FONT-001", Severity.WARNING, "Body text is at least 12pt")
def body_size(package: DocxPackage) -> Iterator[Finding]:
    runs = body_runs(package)
    share, first = _share(runs, lambda r: (r.format.size or DEFAULT_SIZE) < 24)
    if first is not None and share > SMALL_TEXT_SHARE:
        size = (first.format.size or DEFAULT_SIZE) / 2
        yield Finding(
            f"{share:.0%} of body text is under 12pt (e.g. {size:g}pt)", package.where(first.paragraph)
        )


@rule("UK-FONT-002", Severity.TIP, "Body text uses a sans-serif font")
def body_font(package: DocxPackage) -> Iterator[Finding]:
    runs = body_runs(package)
    share, first = _share(runs, lambda r: (r.format.font or "").lower() in SERIF_FONTS)
    if first is not None and share > SMALL_TEXT_SHARE:
        yield Finding(
            f"{share:.0%} of body text is in serif {first.format.font}", package.where(first.paragraph)
        )


def _all_caps(run: BodyRun) -> bool:
    letters = [c for c in run.text if c.isalpha()]
    return run.format.caps or (len(letters) > CAPS_RUN and all(c.isupper() for c in letters))


_EMPHASIS = (
    ("UK-EMPH-001", "italics", lambda r: r.format.italic),
    ("UK-EMPH-002", "underlining outside links", lambda r: r.format.underline and not r.in_link),
    ("UK-EMPH-003", "all capitals", _all_caps),
)


def _emphasis_rule(rule_id: str, what: str, test: object) -> None:
    @rule(rule_id, Severity.TIP, f"Body text avoids {what} (at most {EMPHASIS_SHARE:.0%})")
    def check(package: DocxPackage) -> Iterator[Finding]:
        share, first = _share(body_runs(package), test)
        if first is not None and share > EMPHASIS_SHARE:
            yield Finding(f"{share:.0%} of body text is in {what}", package.where(first.paragraph))


for _id, _what, _test in _EMPHASIS:
    _emphasis_rule(_id, _what, _test)


# --- page and package -----------------------------------------------------------------


@rule("PAGE-A4-001", Severity.TIP, "Pages are A4 (UK documents)")
def paper_size(package: DocxPackage) -> Iterator[Finding]:
    size = package.body.find("w:sectPr/w:pgSz", NS)
    if size is None:
        yield Finding("no page size: readers fall back to US Letter", "final section")
        return
    try:
        width, height = int(size.get(w("w"), "0")), int(size.get(w("h"), "0"))
    except ValueError:
        width, height = 0, 0
    dims = sorted((width, height))
    if abs(dims[0] - A4[0]) > A4_TOLERANCE or abs(dims[1] - A4[1]) > A4_TOLERANCE:
        yield Finding(f"page is {width} x {height} twips, not A4 (11906 x 16838)", "final section")


@rule("META-001", Severity.TIP, "No template leftovers in the document properties")
def template_leftovers(package: DocxPackage) -> Iterator[Finding]:
    leftovers = []
    if (package.core_text("dc:creator") or "").strip() == "python-docx":
        leftovers.append('creator "python-docx"')
    if (package.core_text("dc:description") or "").strip() == "generated by python-docx":
        leftovers.append('description "generated by python-docx"')
    for tag in ("dcterms:created", "dcterms:modified"):
        if (package.core_text(tag) or "").startswith("2013-12-23"):
            leftovers.append(f"{tag.split(':')[1]} date from the python-docx template")
    if leftovers:
        yield Finding("; ".join(leftovers), "docProps/core.xml")


@rule("PROT-EDIT-001", Severity.INFO, "Editing restrictions noted (not an accessibility error)")
def editing_restricted(package: DocxPackage) -> Iterator[Finding]:
    settings = package.related_part("settings")
    protection = settings.find(w("documentProtection")) if settings is not None else None
    if protection is not None and protection.get(w("enforcement"), "0").lower() in ("1", "true", "on"):
        mode = protection.get(w("edit"), "restricted")
        yield Finding(
            f"editing is restricted ({mode}); assistive technology can still read it", "word/settings.xml"
        )
