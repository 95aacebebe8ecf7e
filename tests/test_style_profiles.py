"""The seed rendered under every shipped style profile, read back from the files themselves:
sizes, spacing, colours and the page colour from the DOCX XML and the PDF content streams,
line length from the PDF's text (pdftotext), our DOCX checker and veraPDF."""

from __future__ import annotations

import io
import statistics
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import SEED_RECORD, needs
from exporter.checks.docx import check as check_docx
from exporter.checks.pdf import check as check_pdf
from exporter.cli import main
from exporter.diagnostics import Reporter, Severity
from exporter.options import WriteOptions
from exporter.styles import available, load_style, styles_dir
from exporter.styles.contrast import contrast_ratio
from exporter.writers import docx as docx_writer
from exporter.writers import pdf as pdf_writer
from golden_trees import seed_briefing
from pdf_reading import VERAPDF, open_pdf, verapdf_many

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
PROFILES = ["dyslexia", "high-contrast", "large-print", "standard"]


def q(local: str) -> str:
    return f"{{{W}}}{local}"


@dataclass
class Rendered:
    docx: bytes
    pdf: bytes
    pdf_path: Path

    def part(self, name: str) -> etree._Element:
        with zipfile.ZipFile(io.BytesIO(self.docx)) as package:
            return etree.fromstring(package.read(name))

    def style_rpr(self, style_id: str, local: str) -> str | None:
        element = self.part("word/styles.xml").find(f"w:style[@w:styleId='{style_id}']/w:rPr/w:{local}", NS)
        return None if element is None else element.get(q("val"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """The seed record converted by the command line under each shipped profile."""
    found = {}
    for name in PROFILES:
        folder = tmp_path_factory.mktemp(name)
        result = CliRunner().invoke(
            main, ["convert", str(SEED_RECORD), "-o", str(folder), "--style", name, "-q"]
        )
        assert result.exit_code == 0, result.output
        pdf_path = folder / f"{SEED_RECORD.stem}.pdf"
        found[name] = Rendered(
            (folder / f"{SEED_RECORD.stem}.docx").read_bytes(), pdf_path.read_bytes(), pdf_path
        )
    return found


def test_every_shipped_profile_is_rendered_here() -> None:
    assert available() == PROFILES


# --- reading the PDF's content streams ------------------------------------------------------


@dataclass
class Shown:
    """One text-showing operator: its font, size, fill colour and the spacing in force."""

    font: str
    size: float
    colour: tuple[float, ...]
    text: str
    char_space: float
    word_space: float
    line_drop: float  # how far below the previous line of its text object; 0 for the first


def shown_text(data: bytes) -> Iterator[Shown]:
    with open_pdf(data) as pdf:
        for page in pdf.pages:
            fonts = {str(k): str(v.BaseFont).split("+", 1)[-1] for k, v in page.Resources.Font.items()}
            font, size, colour, tc, tw, y, drop = "", 0.0, (0.0,), 0.0, 0.0, None, 0.0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "BT":
                    y = None
                elif op == "Tf":
                    font, size = fonts.get(str(operands[0]), ""), float(operands[1])
                elif op == "rg":
                    colour = tuple(round(float(v), 4) for v in operands)
                elif op == "Tc":
                    tc = float(operands[0])
                elif op == "Tw":
                    tw = float(operands[0])
                elif op == "Tm":
                    new_y = float(operands[5])
                    drop = 0.0 if y is None else round(y - new_y, 3)
                    y = new_y
                elif op == "Tj":
                    yield Shown(font, size, colour, bytes(operands[0]).decode("latin-1"), tc, tw, drop)
                elif op == "Q":
                    tc = tw = 0.0  # ReportLab draws each block inside q ... Q


def hex_of(colour: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in colour)


def body_size(data: bytes) -> float:
    """The size most of the regular (non-bold) text is set in."""
    sizes: Counter[float] = Counter()
    for shown in shown_text(data):
        if shown.font.endswith("-Regular"):
            sizes[shown.size] += len(shown.text)
    return sizes.most_common(1)[0][0]


def page_colours(data: bytes) -> list[str | None]:
    """Each page's background: the colour of a filled rectangle covering the whole page
    inside a Background artifact, or None."""
    found: list[str | None] = []
    with open_pdf(data) as pdf:
        for page in pdf.pages:
            width, height = float(page.MediaBox[2]), float(page.MediaBox[3])
            colour, background, artifact = (0.0,), None, False
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "BDC" and str(operands[0]) == "/Artifact":
                    artifact = str(operands[1].get("/Type")) == "/Background"
                elif op == "rg":
                    colour = tuple(float(v) for v in operands)
                elif op == "re" and artifact:
                    x, y, w, h = (float(v) for v in operands)
                    if x <= 0 and y <= 0 and w >= width - 0.01 and h >= height - 0.01:
                        background = hex_of(colour)
                elif op == "EMC":
                    artifact = False
            found.append(background)
    return found


def pdf_lines(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "lines.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("Page ")]


# --- Word -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PROFILES)
def test_the_docx_passes_the_docx_rules_with_no_errors_or_warnings(
    rendered: dict[str, Rendered], name: str
) -> None:
    serious = [d for d in check_docx(rendered[name].docx, f"{name}.docx") if d.severity >= Severity.WARNING]
    assert serious == []


@pytest.mark.parametrize("name", PROFILES)
def test_the_docx_carries_the_profiles_sizes_spacing_and_colours(
    rendered: dict[str, Rendered], name: str
) -> None:
    style, out = load_style(name), rendered[name]
    assert out.style_rpr("Normal", "sz") == str(round(style.body.size * 2))
    for level in (1, 2, 3):
        assert out.style_rpr(f"Heading{level}", "sz") == str(round(style.heading_size(level) * 2))
        assert out.style_rpr(f"Heading{level}", "color") == style.colours.heading[1:]
    assert out.style_rpr("Normal", "color") == style.colours.text[1:]
    assert out.style_rpr("Hyperlink", "color") == style.colours.link[1:]
    assert out.style_rpr("TableHeading", "color") == style.colours.table_header[1:]
    styles = out.part("word/styles.xml")
    spacing = styles.find("w:style[@w:styleId='Normal']/w:pPr/w:spacing", NS)
    assert int(spacing.get(q("line"))) == round(240 * style.body.line_spacing)
    assert int(spacing.get(q("after"))) == round(20 * style.body.paragraph_spacing)
    letter = out.style_rpr("Normal", "spacing")
    assert int(letter or 0) == round(style.body.letter_spacing * style.body.size * 20)
    document = out.part("word/document.xml")
    fills = {shd.get(q("fill")) for shd in document.iter(q("shd"))}
    assert fills == {style.colours.table_header_background[1:]}  # the header cells


def test_the_dyslexia_docx_has_a_cream_page_wide_spacing_and_no_italics(
    rendered: dict[str, Rendered],
) -> None:
    out = rendered["dyslexia"]
    background = out.part("word/document.xml").find("w:background", NS)
    assert background is not None and background.get(q("color")) == "FBF5E6"
    assert out.part("word/settings.xml").find("w:displayBackgroundShape", NS) is not None
    defaults = out.part("word/styles.xml").find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert int(defaults.get(q("line"))) >= 360 and defaults.get(q("lineRule")) == "auto"
    assert out.style_rpr("Normal", "spacing") == "14"  # 0.05 em of 14 pt, in twentieths of a point
    assert not list(out.part("word/document.xml").iter(q("i")))


@pytest.mark.parametrize("name", ["standard", "large-print", "high-contrast"])
def test_other_profiles_keep_a_white_page_in_word(rendered: dict[str, Rendered], name: str) -> None:
    assert rendered[name].part("word/document.xml").find("w:background", NS) is None
    assert rendered[name].part("word/settings.xml").find("w:displayBackgroundShape", NS) is None


def test_large_print_body_text_is_at_least_16_pt_in_both_files(rendered: dict[str, Rendered]) -> None:
    out = rendered["large-print"]
    assert int(out.style_rpr("Normal", "sz") or 0) >= 32
    assert body_size(out.pdf) >= 16


def test_high_contrast_text_is_at_least_seven_to_one_in_word(rendered: dict[str, Rendered]) -> None:
    out = rendered["high-contrast"]
    for style_id in ("Normal", "Heading1", "Heading2", "Heading3", "Hyperlink", "BodyText", "Caption"):
        assert contrast_ratio(out.style_rpr(style_id, "color") or "", "FFFFFF") >= 7, style_id
    fill = next(out.part("word/document.xml").iter(q("shd"))).get(q("fill"))
    assert contrast_ratio(out.style_rpr("TableHeading", "color") or "", fill) >= 7


def test_emphasis_is_italic_in_standard_and_bold_for_readers_with_dyslexia() -> None:
    document = seed_briefing()  # "Justice delayed is justice denied." is emphasised
    for name, italic in (("standard", True), ("dyslexia", False), ("large-print", False)):
        options = WriteOptions(style=load_style(name))
        data = docx_writer.write(document, options, Reporter(name))
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            body = etree.fromstring(package.read("word/document.xml"))
        run = next(
            r for r in body.iter(q("r")) if "".join(r.itertext()) == "Justice delayed is justice denied."
        )
        assert (run.find("w:rPr/w:i", NS) is not None, run.find("w:rPr/w:b", NS) is not None) == (
            italic,
            not italic,
        )
        shown = list(shown_text(pdf_writer.write(document, options, Reporter(name))))
        faces = {s.font for s in shown if s.text.strip() == "Justice delayed is justice denied."}
        assert faces == {"AtkinsonHyperlegibleNext-Italic" if italic else "AtkinsonHyperlegibleNext-Bold"}
        assert italic == any(s.font.endswith("Italic") for s in shown)


# --- PDF --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PROFILES)
def test_the_pdf_sets_the_profiles_sizes_colours_and_spacing(
    rendered: dict[str, Rendered], name: str
) -> None:
    style, out = load_style(name), rendered[name]
    shown = list(shown_text(out.pdf))
    assert body_size(out.pdf) == style.body.size
    sizes = {s.size for s in shown}
    assert {style.heading_size(1), style.heading_size(2)} <= sizes
    regular = [s for s in shown if s.font.endswith("-Regular") and s.size == style.body.size]
    assert {hex_of(s.colour) for s in regular} <= {style.colours.text, style.colours.link}
    headings = [s for s in shown if s.size == style.heading_size(1)]
    assert {hex_of(s.colour) for s in headings} == {style.colours.heading}
    assert {(s.char_space, s.word_space) for s in regular} == {
        (
            round(style.body.letter_spacing * style.body.size, 4),
            round(style.body.word_spacing * style.body.size, 4),
        )
    }
    drops = [s.line_drop for s in regular if s.line_drop > 0]
    assert drops and min(drops) >= style.body.line_spacing * style.body.size - 0.01
    assert check_pdf(out.pdf, f"{name}.pdf") == []


def test_the_dyslexia_pdf_has_a_cream_page_behind_every_page(rendered: dict[str, Rendered]) -> None:
    assert set(page_colours(rendered["dyslexia"].pdf)) == {"#FBF5E6"}
    assert set(page_colours(rendered["standard"].pdf)) == {None}


@needs("pdftotext")
def test_dyslexia_pdf_lines_are_60_to_70_characters(rendered: dict[str, Rendered], tmp_path: Path) -> None:
    lines = pdf_lines(rendered["dyslexia"].pdf, tmp_path)
    assert max(len(line) for line in lines) <= 70
    full = [len(line) for line in lines if len(line) > 40]  # lines that end a paragraph are short
    assert 60 <= statistics.median(full) <= 70


@needs("pdftotext")
@pytest.mark.parametrize("name", PROFILES)
def test_no_pdf_line_is_longer_than_the_measure(
    rendered: dict[str, Rendered], name: str, tmp_path: Path
) -> None:
    lines = pdf_lines(rendered[name].pdf, tmp_path)
    assert max(len(line) for line in lines) <= load_style(name).body.measure


def test_high_contrast_pdf_text_is_at_least_seven_to_one(rendered: dict[str, Rendered]) -> None:
    style = load_style("high-contrast")
    grounds = (style.colours.background, style.colours.table_header_background)
    for shown in shown_text(rendered["high-contrast"].pdf):
        ratio = max(contrast_ratio(hex_of(shown.colour), ground) for ground in grounds)
        assert ratio >= 7, shown


@pytest.mark.skipif(not VERAPDF.exists(), reason="veraPDF is not installed (set VERAPDF)")
def test_every_profiles_pdf_passes_verapdf(rendered: dict[str, Rendered]) -> None:
    verdicts = verapdf_many([out.pdf_path for out in rendered.values()])
    assert verdicts is not None
    failed = {path: v["failed_rules"] for path, v in verdicts.items() if not v["compliant"]}
    assert failed == {} and len(verdicts) == len(PROFILES)


# --- the command line ------------------------------------------------------------------------


def test_styles_lists_each_profile_on_one_line(runner: CliRunner) -> None:
    result = runner.invoke(main, ["styles"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == PROFILES and all(len(line.split()) > 3 for line in lines)


def test_styles_show_prints_a_profile_fully_resolved_as_toml(runner: CliRunner, tmp_path: Path) -> None:
    house = tmp_path / "house.toml"
    house.write_text('extends = "large-print"\n[colours]\nlink = "#003078"\n')
    result = runner.invoke(main, ["styles", "show", str(house)])
    assert result.exit_code == 0 and "extends" not in result.output
    copy = tmp_path / "resolved.toml"
    copy.write_text(result.output)
    resolved = load_style(str(copy))
    assert resolved.colours.link == "#003078" and resolved.body.size == 18
    assert runner.invoke(main, ["styles", "show", "nonesuch"]).exit_code == 2


def test_a_standard_copy_with_grey_text_is_refused_with_no_output(runner: CliRunner, tmp_path: Path) -> None:
    grey = tmp_path / "grey.toml"
    grey.write_text(
        (styles_dir() / "standard.toml").read_text().replace('text = "#0B0C0C"', 'text = "#AAAAAA"')
    )
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(SEED_RECORD), "-o", str(out), "--style", str(grey)])
    assert result.exit_code == 2
    assert "contrast" in result.output and "2.32:1" in result.output and "colours.text" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_a_legacy_yaml_style_warns_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text("body_size: 14\nheading_sizes: [22, 18, 16]\ntext_colour: 000000\n")
    result = runner.invoke(
        main, ["convert", str(SEED_RECORD), "-o", str(tmp_path), "-f", "docx", "--style", str(old)]
    )
    assert result.exit_code == 0 and "STYLE-YAML-DEPRECATED" in result.output
