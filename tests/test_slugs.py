"""File names keep the letters of every script, safely for Windows, macOS and Linux."""

from __future__ import annotations

import unicodedata

import pytest

from exporter.slugs import MAX_CHARACTERS, slug


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Child Sexual Exploitation by Organised Networks",
            "child-sexual-exploitation-by-organised-networks",
        ),
        ("Законопроект за държавния бюджет", "законопроект-за-държавния-бюджет"),  # not "debate"
        ("हिन्दी भाषा विधेयक", "हिन्दी-भाषा-विधेयक"),  # vowel signs and virama kept
        ("公民投票法部分條文修正草案：逐條討論", "公民投票法部分條文修正草案-逐條討論"),
        ("Dadl fer: y Gymraeg ŵ ŷ", "dadl-fer-y-gymraeg-ŵ-ŷ"),
        ("Türkiye Büyük Millet Meclisi", "türkiye-büyük-millet-meclisi"),
        ("تقرير الجلسة", "تقرير-الجلسة"),
        ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),  # every character Windows forbids
        ("\u202eevil\u202c name\u200b", "evil-name"),  # bidi and format characters go
        ("CON", "con-debate"),  # a name Windows reserves
        ("lpt1", "lpt1-debate"),
        ("...", "debate"),
        ("", "debate"),
    ],
)
def test_slug(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_a_slug_is_nfc_whatever_the_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Café Éireann")
    assert slug(decomposed) == "café-éireann" == unicodedata.normalize("NFC", slug(decomposed))


def test_a_long_slug_is_cut_between_whole_characters() -> None:
    made = slug("हिन्दी " * 40)
    assert not unicodedata.category(made[-1]).startswith("M") or made.endswith("हिन्दी")
    assert len(made) <= MAX_CHARACTERS * 3 and not made.endswith("-")


def test_split_pieces_are_named_in_their_own_script(tmp_path, runner) -> None:
    from exporter.cli import main

    record = tmp_path / "day.yaml"
    record.write_text(
        "format: debate-exporter/1\ntitle: Ден\nlanguage: bg\nspeakers: []\nsections:\n"
        "  - title: Законопроект за бюджета\n    items: [{type: procedural, paragraphs: [Текст.]}]\n"
        "  - title: Декларация\n    items: [{type: procedural, paragraphs: [Текст.]}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        main, ["convert", str(record), "-o", str(tmp_path / "out"), "-f", "json", "--split"]
    )
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == ["day-01-законопроект-за-бюджета.json", "day-02-декларация.json"]
