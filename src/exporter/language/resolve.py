"""The document language of a debate: the record's own tag, else the parliament's
language, else the language identified from its text.

WCAG 2.2 success criterion 3.1.1 (Language of Page) asks that a document's language can
be determined by software; a screen reader chooses its voice by it. A wrong language is
worse than none, so an identification that is not sure gives ``und`` (BCP 47:
undetermined), and every identification is reported in a warning for a person to check.
"""

from __future__ import annotations

import dataclasses

from exporter import model as m
from exporter.diagnostics import Reporter
from exporter.language import tags
from exporter.language.identify import identify

IDENTIFIED = "LANGUAGE-IDENTIFIED"
UNDETERMINED = "LANGUAGE-UNDETERMINED"
NOT_BCP47 = "LANGUAGE-TAG"


def resolve(debate: m.Debate, parliament_language: str | None, reporter: Reporter) -> m.Debate:
    """The debate with ``language`` set to a valid BCP 47 tag, chosen in this order:

    1. the record's own tag (its standard form: "en_GB" becomes "en-GB"); a tag that is not
       BCP 47, or ``und``, counts as none, with a warning;
    2. ``parliament_language``: the language of the parliament profile the debate belongs to;
    3. identification from the text (``exporter.language.identify``), with a warning naming
       the language and how sure it is; ``und`` with a warning when it is not sure.
    """
    given = debate.language
    if given:
        tag = tags.standard(given)
        if tag and tag != tags.UNDETERMINED:
            return debate if tag == given else dataclasses.replace(debate, language=tag)
        if tag is None:
            reporter.warn(NOT_BCP47, f'the record\'s language "{given[:40]}" is not a BCP 47 tag', "language")
    if parliament_language:
        tag = tags.standard(parliament_language)
        if tag:
            return dataclasses.replace(debate, language=tag)
    found = identify(debate)
    if found.tag is None:
        reporter.warn(
            UNDETERMINED,
            "the record does not say what language it is in, and its text is too short or too mixed to "
            f"tell ({found.letters} letters); the briefing's language is left undetermined (und)",
            "language",
        )
        return dataclasses.replace(debate, language=tags.UNDETERMINED)
    reporter.warn(
        IDENTIFIED,
        f"the record does not say what language it is in; identified from its text as "
        f"{tags.english_name(found.tag)}, probability {found.probability:.2f} (py3langid); "
        "give the record's language to be sure",
        "language",
    )
    return dataclasses.replace(debate, language=found.tag)


def format_default(debate: m.Debate, default: str, reporter: Reporter) -> m.Debate:
    """For a record in a format whose language has a documented default (our record
    format: en-GB) and that gives none: the default, unless identification is sure the
    text is in another language; then that language, with a warning."""
    found = identify(debate)
    if found.tag is None or tags.same_language(found.tag, default):
        return dataclasses.replace(debate, language=default)
    reporter.warn(
        IDENTIFIED,
        f"the record gives no language, and its text reads as {tags.english_name(found.tag)} "
        f"(probability {found.probability:.2f}, py3langid), not the format's default {default}; "
        f"the briefing is in {found.tag}: add language: {found.tag} to the record to be sure",
        "language",
    )
    return dataclasses.replace(debate, language=found.tag)
