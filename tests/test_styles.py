"""Style profiles: loading, extending, validation with located errors, legacy YAML, TOML out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from exporter.diagnostics import Reporter
from exporter.errors import InputError, RecordErrors
from exporter.options import Style
from exporter.styles import available, load_style, styles_dir, to_toml
from exporter.styles.contrast import contrast_ratio

SHIPPED = ["dyslexia", "high-contrast", "large-print", "standard"]


def problems(path: Path) -> list[InputError]:
    """The located problems loading a style file raises."""
    with pytest.raises(InputError) as caught:
        load_style(str(path))
    error = caught.value
    return error.problems if isinstance(error, RecordErrors) else [error]


def write(tmp_path: Path, text: str, name: str = "house.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_four_profiles_ship_as_toml_and_the_default_style_is_standard() -> None:
    assert available() == SHIPPED
    assert sorted(p.name for p in styles_dir().glob("*.toml")) == [f"{n}.toml" for n in SHIPPED]
    assert dataclasses.replace(load_style("standard"), description="") == Style()


@pytest.mark.parametrize("name", SHIPPED)
def test_each_profile_gives_nine_heading_sizes_from_large_to_body_size(name: str) -> None:
    style = load_style(name)
    sizes = [style.heading_size(level) for level in range(1, 12)]
    assert len(style.headings.sizes) == 9 and style.description and style.name == name
    assert sizes == sorted(sizes, reverse=True) and min(sizes) >= style.body.size
    assert style.heading_size(11) == style.heading_size(9) and style.heading_bold(11)


@pytest.mark.parametrize("name", SHIPPED)
def test_a_profile_written_as_toml_loads_back_the_same(name: str, tmp_path: Path) -> None:
    style = load_style(name)
    assert load_style(str(write(tmp_path, to_toml(style), f"{name}-copy.toml"))) == style


def test_the_profiles_keep_their_promises() -> None:
    large, dyslexia, contrast = load_style("large-print"), load_style("dyslexia"), load_style("high-contrast")
    assert large.body.size == 18 and large.emphasis_bold and large.heading_size(9) > 18
    assert 12 <= dyslexia.body.size <= 14 and dyslexia.body.line_spacing >= 1.5 and dyslexia.emphasis_bold
    assert dyslexia.colours.background != "#FFFFFF" and 60 <= dyslexia.body.measure <= 70
    assert (
        dyslexia.body.letter_spacing > 0
        and dyslexia.body.word_spacing >= 3.5 * dyslexia.body.letter_spacing / 2
    )
    colours = contrast.colours
    assert (colours.text, colours.background, contrast.contrast) == ("#000000", "#FFFFFF", "AAA")
    for foreground in (colours.text, colours.link, colours.heading):
        assert contrast_ratio(foreground, colours.background) >= 7
    assert contrast_ratio(colours.table_header, colours.table_header_background) >= 7


def test_a_user_style_extends_a_shipped_profile(tmp_path: Path) -> None:
    path = write(tmp_path, 'extends = "dyslexia"\n[body]\nsize = 13\n[colours]\nlink = "#1d4e89"\n')
    style = load_style(str(path))
    dyslexia = load_style("dyslexia")
    assert style.name == "house" and style.body.size == 13 and style.colours.link == "#1D4E89"
    assert style.colours.background == dyslexia.colours.background
    assert style.body.letter_spacing == dyslexia.body.letter_spacing


def test_a_style_extends_another_file_beside_it_and_cycles_are_refused(tmp_path: Path) -> None:
    write(tmp_path, 'extends = "large-print"\n[body]\nmeasure = 60\n', "base.toml")
    style = load_style(str(write(tmp_path, 'extends = "base.toml"\n')))
    assert style.body.size == 18 and style.body.measure == 60
    write(tmp_path, 'extends = "b.toml"\n', "a.toml")
    write(tmp_path, 'extends = "a.toml"\n', "b.toml")
    (error,) = problems(tmp_path / "a.toml")
    assert "extends itself" in error.message and error.location == "extends"
    (error,) = problems(write(tmp_path, 'extends = "no-such-profile"\n', "c.toml"))
    assert error.location == "extends" and "no style" in error.message


@pytest.mark.parametrize(
    ("toml", "place", "words"),
    [
        ("colour = 1\n", "colour", "unknown setting"),
        ('[colours]\ntxt = "#000000"\n', "colours.txt", "unknown setting"),
        ('[body]\nsize = "12"\n', "body.size", "should be a number"),
        ("[body]\nsize = true\n", "body.size", "should be a number"),
        ("[body]\nmeasure = 65.5\n", "body.measure", "whole number"),
        ("[colours]\ntext = 0\n", "colours.text", "#RRGGBB"),
        ('[colours]\ntext = "#abc"\n', "colours.text", "#RRGGBB"),
        ('body = "big"\n', "body", "table of settings"),
        ('[headings]\nsizes = [20, "big"]\n', "headings.sizes[1]", "size in points"),
        ("[headings]\nsizes = 20\n", "headings.sizes", "1 to 9"),
        ("[headings]\nsizes = [20, 19, 18, 17, 16, 15, 14, 13, 12, 12]\n", "headings.sizes", "1 to 9"),
        ("[headings]\nsizes = [20, 16, 14, 11]\n", "headings.sizes[3]", "smaller than the body text"),
        ("[headings]\nsizes = [20, 16, 18]\n", "headings.sizes[2]", "larger than level 2"),
        ('[headings]\nweights = ["heavy"]\n', "headings.weights[0]", "normal or bold"),
        ('[headings]\nsizes = [20, 12]\nweights = ["bold", "normal"]\n', "headings", "look like body text"),
        ("[body]\nsize = 11\n", "body.size", "under 12 pt"),
        ("[body]\nline_spacing = 1.15\n", "body.line_spacing", "under 1.5"),
        ("[body]\nletter_spacing = -0.05\n", "body.letter_spacing", "condensed"),
        ("[body]\nmeasure = 200\n", "body.measure", "30 to 120"),
        ('[body]\nalignment = "justify"\n', "body.alignment", "justified text fails WCAG 1.4.8"),
        ('[body]\nemphasis = "underline"\n', "body.emphasis", "italic or bold"),
        ('[fonts]\npdf = "Comic Sans MS"\n', "fonts.pdf", "bundled font"),
        ('[fonts]\npdf = "DejaVu Sans"\n', "body.emphasis", "without italics"),
        ('[page]\nsize = "B5"\n', "page.size", "unknown paper size"),
        ("[page]\nmargins = { left = 90, right = 90 }\n", "page.margins", "less than 60 mm"),
        ('contrast = "AAAA"\n', "contrast", "AA or AAA"),
    ],
)
def test_a_broken_setting_is_refused_with_its_place(
    tmp_path: Path, toml: str, place: str, words: str
) -> None:
    found = problems(write(tmp_path, toml))
    assert [(p.location, words in p.message) for p in found] == [(place, True)], found
    assert all(p.source == str(tmp_path / "house.toml") for p in found)


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    found = problems(write(tmp_path, '[body]\nsize = "12"\nspacing = 2\n[colours]\ntext = "black"\n'))
    assert [p.location for p in found] == ["body.size", "body.spacing", "colours.text"]


def test_toml_that_does_not_parse_is_refused_with_its_line(tmp_path: Path) -> None:
    (error,) = problems(write(tmp_path, "[body]\nsize = = 12\n"))
    assert "not valid TOML" in error.message and "line 2" in error.message


@pytest.mark.parametrize(
    ("colours", "place", "ratio"),
    [
        ('text = "#AAAAAA"', "colours.text", "2.32:1"),
        ('link = "#4F81BD"', "colours.link", "4.03:1"),
        ('table_header = "#FFFFFF"', "colours.table_header", "1.12:1"),
        ('background = "#767676"', "colours.text", ":1"),
    ],
)
def test_colours_below_wcag_contrast_are_refused_naming_the_pair_and_ratio(
    tmp_path: Path, colours: str, place: str, ratio: str
) -> None:
    found = problems(write(tmp_path, f'extends = "standard"\n[colours]\n{colours}\n'))
    assert found[0].location == place
    assert "contrast" in found[0].message and ratio in found[0].message and "4.5:1" in found[0].message


def test_large_text_needs_three_to_one_and_aaa_profiles_need_seven(tmp_path: Path) -> None:
    grey = "#949494"  # 3.03:1 on white
    large = '[headings]\nsizes = [24, 20, 18]\n[colours]\nheading = "' + grey + '"\n'
    assert load_style(str(write(tmp_path, large))).colours.heading == grey
    (error,) = problems(write(tmp_path, f'[colours]\nheading = "{grey}"\n'))  # level 9 is 12 pt
    assert error.location == "colours.heading" and "12 pt bold" in error.message
    (error,) = problems(write(tmp_path, 'extends = "high-contrast"\n[colours]\nlink = "#1D70B8"\n'))
    assert error.location == "colours.link" and "7:1" in error.message and "AAA" in error.message


def test_a_legacy_yaml_style_loads_with_a_deprecation_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name: old-house\nbody_size: 14\nheading_sizes: [22, 18, 16]\ntext_colour: 000000\n"
        "link_colour: '1D70B8'\nmargin_cm: 2.0\nparagraph_after: 10\n",
        "old.yaml",
    )
    reporter = Reporter()
    style = load_style(str(path), reporter)
    assert style.name == "old-house" and style.body.size == 14 and style.body.paragraph_spacing == 10
    assert style.colours.text == style.colours.heading == "#000000"  # YAML 1.1 reads 000000 as 0
    assert style.headings.sizes == (22, 18, 16) and style.page.margins.left == 20
    assert style.body.measure == load_style("standard").body.measure  # the rest is standard's
    (warning,) = reporter.diagnostics
    assert warning.code == "STYLE-YAML-DEPRECATED" and "styles show" in warning.message


@pytest.mark.parametrize(
    ("yaml", "place", "words"),
    [
        ("text_colour: 001100\nlink_colour: 00ff00\n", "line 2: link_colour", "contrast"),
        ("colour: red\n", "line 1: colour", "unknown style setting"),
        ("name: x\nbody_size: 10\n", "line 2: body_size", "under 12 pt"),
        ("heading_sizes: [20, big]\n", "line 1: heading_sizes[1]", "size in points"),
        ("text_colour: [0, 0, 0]\n", "line 1: text_colour", "#RRGGBB"),
        ("- just\n- a list\n", None, "mapping"),
        ("body_size: [\n", "line 2", "not valid YAML"),
    ],
)
def test_a_broken_legacy_yaml_style_is_refused_with_its_line(
    tmp_path: Path, yaml: str, place: str | None, words: str
) -> None:
    found = problems(write(tmp_path, yaml, "old.yaml"))
    assert found[0].location == place and words in found[0].message, found
    assert load_style(str(write(tmp_path, "text_colour: 001100\n", "ok.yml"))).colours.text == "#001100"


def test_an_unknown_style_name_lists_the_shipped_profiles() -> None:
    with pytest.raises(InputError) as caught:
        load_style("tiny")
    assert all(name in caught.value.message for name in SHIPPED)


def test_a_problem_in_an_inherited_setting_says_where_it_comes_from(tmp_path: Path) -> None:
    found = problems(write(tmp_path, 'extends = "standard"\n[body]\nsize = 14\n'))
    assert [p.location for p in found] == [f"headings.sizes[{i}]" for i in range(3, 9)]
    assert all(p.message.endswith("(this setting comes from standard)") for p in found)
