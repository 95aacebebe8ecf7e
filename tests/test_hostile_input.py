"""Hostile and broken inputs: one clear line, exit 1, no output, and no network or file access."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE publicwhip [\n<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">\n'
    + b"".join(b'<!ENTITY %c "%s">\n' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(8))
    + b']>\n<publicwhip><speech id="x" speakername="A"><p>&i;</p></speech></publicwhip>\n'
)

CASES = {
    "entity-amplification.xml": LAUGHS,
    "external-entity.xml": b'<?xml version="1.0"?>\n<!DOCTYPE publicwhip [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
    b'<publicwhip><speech id="x" speakername="A"><p>&secret;</p></speech></publicwhip>\n',
    "deep.xml": b"<publicwhip>" + b"<i>" * 5000 + b"x" + b"</i>" * 5000 + b"</publicwhip>",
    "binary.json": b"{\x00\x01\x02\xff\xfe",
    "truncated.xml": b'<publicwhip><speech id="x" speakername="A"><p>cut off',
    "not-utf8.txt": b"A Debate\n\n\xff\xfe\xfa broken",
    "empty.yaml": b"",
}

EXPECTED = {
    "entity-amplification.xml": "entity amplification",
    "external-entity.xml": "external entities are not allowed",
    "deep.xml": "nest too deep",
    "binary.json": "not UTF-8",
    "truncated.xml": "line 1: not well-formed XML",
    "not-utf8.txt": "not UTF-8",
    "empty.yaml": "empty",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_one_line_exit_1_and_no_output(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(CASES[name])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "-f", "docx,json"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(source) in errors[0], result.stderr
    assert "internal error" not in errors[0]
    assert "Traceback" not in result.output
    assert "root:" not in result.output  # /etc/passwd was never read
    assert EXPECTED[name] in errors[0]
    assert not out.exists() or not list(out.iterdir())


def _entities(padding: int, uses: int, attribute: bool = False) -> bytes:
    """A ParlParse file whose entity ``x`` (1,000 characters) is used ``uses`` times, in a
    paragraph after ``padding`` characters of plain text (or in an attribute)."""
    head = b'<?xml version="1.0"?>\n<!DOCTYPE publicwhip [<!ENTITY x "' + b"y" * 1000 + b'">]>\n<publicwhip>'
    refs = b"&x;" * uses
    if attribute:
        return head + b'<speech id="x" speakername="' + refs + b'"><p>Hello.</p></speech></publicwhip>\n'
    body = b"z " * (padding // 2)
    return head + b'<speech id="x" speakername="A"><p>' + body + refs + b"</p></speech></publicwhip>\n"


TRIAL_BOMB = (  # 352 bytes expanding to 100,000 characters: accepted while a million were allowed
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>\n<publicwhip><speech id="uk.org.publicwhip/debate/'
    b'2009-10-28c.1.1" speakername="A"><p>&e;</p></speech></publicwhip>\n'
)


@pytest.mark.parametrize(
    ("data", "refused"),
    [
        (TRIAL_BOMB, True),
        (_entities(2_000, 100), True),  # 102,000 characters from about 3,500 bytes: more than 20 times
        (_entities(5_000, 100), False),  # 105,000 characters from about 6,500 bytes: less
        (_entities(0, 9), False),  # 9,000 characters from a small file: within the 10,000 any file may hold
        (_entities(0, 100, attribute=True), True),  # an attribute's value counts as text does
    ],
    ids=["trial-bomb", "over-20-times", "under-20-times", "small-file-floor", "attribute"],
)
def test_entities_may_expand_a_file_to_20_times_its_size_or_10000_characters(
    tmp_path: Path, data: bytes, refused: bool
) -> None:
    source = tmp_path / "entities.xml"
    source.write_bytes(data)
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    if refused:
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == (
            f"error: {source}: entities expand to far more text than the file holds (entity amplification)"
        )
        assert not (tmp_path / "out").exists()
    else:
        assert result.exit_code == 0, result.output
