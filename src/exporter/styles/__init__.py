"""Style profiles: how a briefing looks, one TOML file per profile.

The shipped profiles live in the ``styles/`` folder of the package (``standard``,
``large-print``, ``dyslexia``, ``high-contrast``); ``--style`` takes one of their names
or the path of a user's file, which may ``extends`` a shipped profile. Every file is
validated on load (``styles.schema``): unknown keys, wrong types, sizes under GOV.UK's
12 pt and colours below WCAG contrast are refused with their place. The model itself
(``styles.model``) is format-neutral: the Word and PDF writers, and later HTML, render it.
"""

from __future__ import annotations

from exporter.styles.load import ProfileInfo, available, load_style, profiles, styles_dir
from exporter.styles.model import HEADING_LEVELS, Style
from exporter.styles.toml_out import to_toml

__all__ = [
    "HEADING_LEVELS",
    "ProfileInfo",
    "Style",
    "available",
    "load_style",
    "profiles",
    "styles_dir",
    "to_toml",
]
