"""BCP 47 language tags (RFC 5646), through langcodes: checked, standardised, compared.

Tags come from records (``xml:lang``, ``FRBRlanguage``, our ``language`` field), from
parliament profiles, from identification and from ``--ui-language``; every one is checked
here, never against a hand-made table.
"""

from __future__ import annotations

from functools import cache

import langcodes

UNDETERMINED = "und"  # BCP 47 for "the language is not known" (ISO 639-2)


@cache
def standard(tag: str) -> str | None:
    """``tag`` in its standard BCP 47 form ("eng" -> "en", "en_GB" -> "en-GB",
    "zh-cmn-Hans" -> "cmn-Hans"), or None when it is not a language tag at all."""
    text = tag.strip().replace("_", "-")
    if not text:
        return None
    try:
        found = str(langcodes.standardize_tag(text))
    except (langcodes.tag_parser.LanguageTagError, ValueError):
        return None
    return found if langcodes.tag_is_valid(found) else None


def is_valid(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 tag with registered subtags."""
    return bool(tag) and langcodes.tag_is_valid(tag)


@cache
def primary(tag: str) -> str:
    """The language subtag: "cy" for "cy-GB", "zh" for "zh-Hant-TW"; "und" if none."""
    try:
        return langcodes.Language.get(tag).language or UNDETERMINED
    except (langcodes.tag_parser.LanguageTagError, ValueError):
        return UNDETERMINED


def same_language(a: str | None, b: str | None) -> bool:
    """Whether two tags name one language, so that text in one needs no tag inside a
    document in the other ("en" inside "en-GB" does not; "en" inside "cy" does).
    Regions and scripts do not count: a reader's voice is chosen by the language."""
    if not a or not b:
        return False
    return primary(a) == primary(b) and primary(a) != UNDETERMINED


def english_name(tag: str) -> str:
    """The language's name in English (CLDR, through Babel), for messages: "Welsh"."""
    from babel import Locale

    name = Locale("en").languages.get(primary(tag))
    return f"{name} ({tag})" if name else tag
