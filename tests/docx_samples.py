"""Briefing trees built by hand for the Word writer and checker tests.

``sample_document`` uses every node type and every paragraph role, so a writer test
that walks its output touches all of the writer, and the checker tests can start from
a document known to be clean and inject one fault at a time.
"""

from __future__ import annotations

from exporter.document import (
    BulletList,
    Cell,
    Contents,
    ContentsEntry,
    Document,
    Heading,
    Link,
    ListItem,
    NoteRef,
    Paragraph,
    Table,
    Text,
)

HANSARD_URL = "https://hansard.parliament.uk/Commons/2024-01-10/debates/Example"


def sample_document(extra_paragraphs: int = 0) -> Document:
    body = (
        Heading(1, (Text("Energy Bill: second reading"),), "energy-bill"),
        Contents(
            (
                ContentsEntry(2, "Summary", "summary"),
                ContentsEntry(2, "Proceedings", "proceedings"),
                ContentsEntry(3, "Division 12", "division-12"),
            )
        ),
        Paragraph((Text("House of Commons, Wednesday 10 January 2024."),), role="details"),
        Heading(2, (Text("Summary"),), "summary"),
        Paragraph(
            (
                Text("The House debated the Bill and agreed to it on "),
                Link("#division-12", (Text("a division"),), "Go to the division result"),
                Text(". The Minister spoke "),
                Text("first", strong=True),
                Text(", and the debate was "),
                Text("lively", emphasis=True),
                Text("."),
            ),
            role="summary",
        ),
        Heading(2, (Text("Proceedings"),), "proceedings"),
        Paragraph((Text("Order. Order."),), role="procedural"),
        Paragraph(
            (
                Text("I beg to move that the Bill be now read a second time."),
                NoteRef(
                    (Text("See the "), Link(HANSARD_URL, (Text("official report of the debate"),)), Text("."))
                ),
            )
        ),
        Paragraph((Text("The motto reads "), Text("Cymru am byth", lang="cy"), Text(".")), role="body"),
        Paragraph((Text("Heddiw rydym yn trafod y Bil."),), role="quote", lang="cy"),
        BulletList(
            (
                ListItem((Paragraph((Text("Clause 1 sets the target"),)),)),
                ListItem(
                    (
                        Paragraph((Text("Clause 2 sets the duty"),)),
                        BulletList((ListItem((Paragraph((Text("including reporting"),)),)),)),
                    )
                ),
            )
        ),
        BulletList(
            (
                ListItem(
                    (
                        Paragraph((Text("First amendment"),)),
                        Paragraph((Text("It removes clause 3."),)),
                    )
                ),
                ListItem((Paragraph((Text("Second amendment"),)),)),
            ),
            ordered=True,
        ),
        Heading(3, (Text("Division 12"),), "division-12"),
        Table(
            caption="Division 12: result of the vote",
            header=(Cell((Text("Lobby"),)), Cell((Text("Votes"),))),
            rows=(
                (Cell((Text("Ayes"),)), Cell((Text("310"),))),
                (Cell((Text("Noes"),)), Cell((Text("2", superscript=True),))),
            ),
            anchor="division-12-table",
            widths=(0.7, 0.3),
        ),
        Paragraph((Text("Question accordingly agreed to."),), role="procedural"),
        Paragraph(
            (Text("Source: "), Link(HANSARD_URL, (Text("Hansard, 10 January 2024, volume 743"),))),
            role="source",
        ),
    )
    filler = tuple(
        Paragraph((Text(f"Filler paragraph {n} says something about the Bill in plain words."),))
        for n in range(extra_paragraphs)
    )
    return Document(
        title="Energy Bill: second reading",
        language="en-GB",
        blocks=body + filler,
        subject="House of Commons debate, 10 January 2024",
        keywords=("Energy Bill", "second reading"),
        author="Briefing Unit",
        date="2024-01-10",
    )
