"""The interface catalogs: compiled as their .po says, complete where they claim to be."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exporter.interface import available, catalogs, interface_for, shipped
from exporter.interface.catalogs import problems


def test_every_mo_is_what_its_po_compiles_to_and_complete_catalogs_miss_nothing() -> None:
    assert problems() == []


def test_check_finds_a_stale_mo_a_missing_message_and_a_message_given_with_and_without_plural(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "compose"
    code.mkdir()
    (code / "words.py").write_text(
        'ui.gettext("Summary")\nui.gettext("Chair")\nui.ngettext("Chair", "Chairs", n)\n'
        'ui.gettext("Words no catalog has")\n',
        encoding="utf-8",
    )
    messages = tmp_path / "locale" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    po = messages / "debate-exporter.po"
    shutil.copy(catalogs.po_files()[0], po)
    monkeypatch.setattr(catalogs, "COMPOSE_DIR", code)
    monkeypatch.setattr(catalogs, "LOCALE_DIR", tmp_path / "locale")
    found = problems()
    assert any("debate-exporter.mo: not what" in line for line in found)  # no .mo at all
    assert any("no translation of 'Words no catalog has'" in line for line in found)
    assert any("'Chair' is given both alone and with a plural form" in line for line in found)
    po.with_suffix(".mo").write_bytes(catalogs.compiled(po))
    assert not any(".mo: not what" in line for line in problems())
    po.write_text(po.read_text("utf-8").replace('msgstr "Crynodeb"', 'msgstr "Cryno"'), "utf-8")
    assert any(".mo: not what" in line for line in problems())  # the .po changed, the .mo did not


def test_welsh_is_shipped_complete_and_chosen_for_welsh_records() -> None:
    assert ("cy", True) in available()
    assert shipped()["cy"].translations.gettext("Summary") == "Crynodeb"
    assert interface_for("cy").language == "cy" and interface_for("cy").lang is None
    assert interface_for("cy-GB").language == "cy"


def test_a_language_without_a_complete_catalog_gets_english_tagged() -> None:
    ui = interface_for("sk")
    assert ui.language == "en-GB" and ui.lang == "en-GB"
    assert interface_for("en-GB").lang is None


def test_welsh_plurals_and_dates_follow_cldr() -> None:
    import datetime as dt

    ui = interface_for("cy")
    assert ui.date(dt.date(2022, 2, 23)) == "Dydd Mercher, 23 Chwefror 2022"
    assert ui.ngettext("{count} minute", "{count} minutes", 45) == "45 munud"
    assert interface_for("sk", "en").number(12345) == "12,345"
