"""The interface catalogs: compiled as their .po says, complete where they claim to be."""

from __future__ import annotations

from exporter.interface import available, interface_for, shipped
from exporter.interface.catalogs import problems


def test_every_mo_is_what_its_po_compiles_to_and_complete_catalogs_miss_nothing() -> None:
    assert problems() == []


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
