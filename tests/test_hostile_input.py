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
