"""A style profile as the stylesheet of an HTML briefing.

``stylesheet(style) -> str`` renders ``exporter.styles.Style`` as CSS, inlined in the page
(no font, image or stylesheet is fetched). Units follow what each setting means on screen:

- type sizes in ``rem``, points over 12 (12 pt is 16 CSS px, the browsers' default root
  size), so text zoom and a reader's own default size scale everything (WCAG 1.4.4);
- line, letter and word spacing as multiples of the font size or in ``em``, never
  ``!important``, so a reader's style sheet can override them (WCAG 1.4.12);
- the measure as a ``max-width`` in ``em``: ``measure`` average characters of the Word font
  (the font readers have; the same figures as the Word writer, ``writers.docx.measure``);
- no fixed widths, long words broken, wide tables scrolled inside a labelled region, so the
  page reflows at 320 CSS px (WCAG 1.4.10);
- the page size and margins in a print style sheet (``@page``).

Colours, emphasis, heading sizes and weights come straight from the profile, already held
to WCAG contrast when it was loaded. Focus is shown as GOV.UK shows it (yellow with a dark
bar) whatever the profile, since it must stand out against any page colour.
"""

from __future__ import annotations

from exporter.styles.model import HEADING_LEVELS, Style
from exporter.writers.docx.measure import ARIAL, AVERAGE_WIDTHS, LONGEST_LINE

POINTS_PER_REM = 12.0  # 16 CSS px = 12 pt, the default root font size
FOCUS = "#FFDD00"  # GOV.UK's focus colour
FOCUS_TEXT = "#0B0C0C"
TARGET = 1.5  # rem: 24 CSS px at the default size, WCAG 2.2 target size (2.5.8)


def rem(points: float) -> str:
    """Points as rem: ``rem(18) == '1.5rem'``."""
    return f"{_number(points / POINTS_PER_REM)}rem"


def _number(value: float) -> str:
    """A CSS number, short and the same on every run: 1.5, 0.667, 0."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def css_string(text: str) -> str:
    """A quoted CSS string (CSS Syntax 3, 4.3.5): quotes, backslashes, line breaks and
    ``<`` escaped, so a font name from a user's style can never end the style element."""
    out = []
    for char in text:
        if char in '"\\<>' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def font_family(style: Style) -> str:
    """The Word font first (a font the reader has), then the PDF font, then any sans serif."""
    names = dict.fromkeys(name.strip() for name in (style.fonts.word, style.fonts.pdf) if name.strip())
    return ", ".join([*(css_string(name) for name in names), "sans-serif"])


def measure_em(style: Style) -> float:
    """The widest a line of body text may be, in em of the body font: ``measure`` average
    characters of the Word font, letter spacing included, as the Word writer sets it."""
    body = style.body
    average = AVERAGE_WIDTHS.get(style.fonts.word.strip().lower(), ARIAL) / 1000
    return body.measure * LONGEST_LINE * (average + body.letter_spacing)


def stylesheet(style: Style) -> str:
    """The whole style sheet of a briefing: screen, then print."""
    return "\n".join([*_screen(style), *_print(style)]) + "\n"


def _screen(style: Style) -> list[str]:
    body, colours = style.body, style.colours
    after = rem(body.paragraph_spacing)
    emphasis = "font-style: normal; font-weight: bold" if style.emphasis_bold else "font-style: italic"
    width = f"{_number(measure_em(style))}em" if body.measure else "none"
    rules = [
        "html { font-size: 100%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; "
        f"background-color: {colours.background}; color: {colours.text}; }}",
        f"body {{ margin: 0; padding: 0 1rem; font-family: {font_family(style)}; font-size: {rem(body.size)}; "
        f"line-height: {_number(body.line_spacing)}; letter-spacing: {_number(body.letter_spacing)}em; "
        f"word-spacing: {_number(body.word_spacing)}em; text-align: start; overflow-wrap: break-word; }}",
        f"header, main, footer {{ max-width: {width}; margin: 0 auto; }}",
        f"p, ul, ol, blockquote, .table {{ margin: 0 0 {after}; }}",
        "ul, ol { padding-inline-start: 1.5em; }",
        # a list numbered by the record's labels shows them as text, hanging, and no marker
        "ol.labelled { list-style: none; }",
        "ol.labelled > li > p:first-child { text-indent: -1.5em; }",
        f"li > p {{ margin: 0 0 {rem(body.paragraph_spacing / 2)}; }}",
        f"em {{ {emphasis}; }}",
        "strong { font-weight: bold; }",
        "sup { font-size: 0.75em; line-height: 0; }",
        f"a {{ color: {colours.link}; text-decoration: underline; text-underline-offset: 0.15em; }}",
        f"a:focus-visible {{ outline: 3px solid transparent; background-color: {FOCUS}; color: {FOCUS_TEXT}; "
        f"box-shadow: 0 -2px {FOCUS}, 0 4px {FOCUS_TEXT}; text-decoration: none; }}",
        f"[tabindex]:focus-visible {{ outline: 3px solid {FOCUS_TEXT}; box-shadow: 0 0 0 6px {FOCUS}; }}",
        ".visually-hidden, .skip-link:not(:focus) { position: absolute; width: 1px; height: 1px; "
        "margin: 0; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }",
        ".skip-link { display: inline-block; margin: 0.5rem 0; padding: 0.25rem 0.5rem; }",
        f"header {{ padding-block-start: 1rem; border-block-end: 1px solid {colours.text}; "
        f"margin-block-end: {after}; }}",
        ".details { margin: 0 0 0.25rem; }",
        f"header .details:last-child {{ margin-block-end: {after}; }}",
        f"blockquote {{ margin-inline: 0; padding-inline-start: 1rem; border-inline-start: 4px solid "
        f"{colours.text}; }}",
        "blockquote > p:last-child { margin-block-end: 0; }",
        ".procedural { margin-inline-start: 1rem; }",
        f"footer {{ margin-block-start: 2rem; padding-block: 1rem; border-block-start: 1px solid {colours.text}; }}",
        *_headings(style),
        ".contents, .contents ul { list-style: none; padding-inline-start: 0; }",
        ".contents ul { padding-inline-start: 1.5rem; }",
        ".contents li { margin: 0 0 0.25rem; }",
        f".contents a {{ display: inline-block; min-height: {TARGET}rem; }}",
        ".table { max-width: 100%; overflow-x: auto; }",
        "table { border-collapse: collapse; }",
        f"caption {{ font-weight: bold; text-align: start; padding-block-end: 0.25rem; color: {colours.text}; }}",
        f"th, td {{ border: 1px solid {colours.text}; padding: 0.25rem 0.5rem; text-align: start; "
        "vertical-align: top; overflow-wrap: anywhere; }",
        f"th {{ font-weight: bold; color: {colours.table_header}; "
        f"background-color: {colours.table_header_background}; }}",
        "th a, th a:visited { color: inherit; }",
        # a note mark stays on the line of the word it follows (an inline box, not a block):
        # padding, in em of its 0.75em text, makes its target at least 24 by 24 CSS px
        ".noteref { font-size: 0.75em; line-height: 1; vertical-align: super; padding: 0.5em 0.75em; "
        "margin-inline-start: -0.25em; }",
        ".notes li { margin: 0 0 0.5rem; }",
        ".notes li > p { margin: 0; }",
        f".backlink {{ display: inline-block; min-height: {TARGET}rem; margin-inline-start: 0.5em; }}",
    ]
    return rules


def _headings(style: Style) -> list[str]:
    rules = []
    for level in range(1, HEADING_LEVELS + 1):
        selector = f"h{level}" if level <= 6 else f".h{level}"  # deeper: <p role=heading class=hN>
        weight = "bold" if style.heading_bold(level) else "normal"
        size = rem(style.heading_size(level))
        rules.append(
            f"{selector} {{ font-size: {size}; font-weight: {weight}; line-height: 1.25; "
            f"color: {style.colours.heading}; margin: 1em 0 {rem(style.body.paragraph_spacing)}; }}"
        )
    return rules


def _print(style: Style) -> list[str]:
    page = style.page
    margins = page.margins
    return [
        "@media print {",
        f"  @page {{ size: {_number(page.width)}mm {_number(page.height)}mm; margin: {_number(margins.top)}mm "
        f"{_number(margins.right)}mm {_number(margins.bottom)}mm {_number(margins.left)}mm; }}",
        "  body { padding: 0; }",
        "  header, main, footer { max-width: none; }",
        "  .skip-link, .backlink, footer { display: none; }",
        "  .table { overflow: visible; }",
        "  thead { display: table-header-group; }",
        "  tr, li, blockquote { break-inside: avoid; }",
        '  h1, h2, h3, h4, h5, h6, [role="heading"], caption { break-after: avoid; break-inside: avoid; }',
        '  main a[href^="http"]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }',
        "}",
    ]
