"""Style profiles give a size per heading level (1 to 9; deeper levels take the last size)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.errors import InputError
from exporter.styles import available, load_style


def test_the_shipped_profiles_give_nine_sizes_from_large_to_body_size() -> None:
    for name in available():
        style = load_style(name)
        sizes = [style.heading_size(level) for level in range(1, 12)]
        assert len(style.heading_sizes) == 9
        assert sizes == sorted(sizes, reverse=True) and min(sizes) >= style.body_size
        assert style.heading_size(11) == style.heading_size(9)


def test_a_profile_with_fewer_sizes_repeats_its_last(tmp_path: Path) -> None:
    path = tmp_path / "three.yaml"
    path.write_text("heading_sizes: [22, 18, 15]\n")
    style = load_style(str(path))
    assert [style.heading_size(level) for level in (1, 3, 4, 9)] == [22, 15, 15, 15]


@pytest.mark.parametrize(
    ("sizes", "place", "words"),
    [
        ("[20, 16, 14, 11]", "heading_sizes[3]", "smaller than the body text"),
        ("[20, 16, 18]", "heading_sizes[2]", "larger than level 2"),
        ("[20, big]", "heading_sizes[1]", "number of points"),
        ("20", "heading_sizes", "a list of 1 to 9"),
        ("[20, 19, 18, 17, 16, 15, 14, 13, 12, 12]", "heading_sizes", "a list of 1 to 9"),
    ],
)
def test_heading_sizes_that_break_the_rules_are_refused_with_their_place(
    tmp_path: Path, sizes: str, place: str, words: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(f"heading_sizes: {sizes}\n")
    with pytest.raises(InputError) as caught:
        load_style(str(path))
    assert caught.value.location == place and words in caught.value.message
