"""Golden briefing trees: the one set of hand-made trees every writer is tested on.

``GOLDEN`` names them; ``tests/test_golden_trees.py`` runs each through every output
format and reads the results back with independent readers, and the writer and checker
tests start from them. Between them they use every node type and every paragraph role
(a test checks that).

- ``seed_briefing``: the seed debate (Westminster Hall, 23 February 2022, "Child Sexual
  Exploitation by Organised Networks"; speech text from Hansard via Parallel Parliament,
  Open Parliament Licence v3.0): title H1, details, a Summary H2 with a list, Contents, a
  Speakers table, H2 sections with H3 speaker headings, paragraphs, source lines with
  links, notes, a Welsh-language span and (``long_url=True``) a 200,000-character URL.
  ``long_briefing(pages)`` repeats the proceedings to reach 40 or 200 pages.
- ``energy_bill``: a made-up Commons second reading that uses every node type and
  paragraph role: nested and ordered lists, a list item of two paragraphs, a note holding a
  link, a paragraph and a span in Welsh, a table with column widths.
- ``deep_briefing``: headings nine levels deep, as a record that nests sections within
  sections gives them, with a note, a list, a table and links at depth.
- ``big_table_briefing(rows)``: a table long enough to run over pages.
- ``spanning_table_briefing``: a table with two header rows, header cells spanning columns
  and rows, two columns of row headers, a cell of two paragraphs with a note, and a note
  row across the whole width.
- ``sitting_day(speeches)``: a record of several debates as the composer lays it out (a
  made-up House of Lords day): the summary under "In this record" and each debate's title,
  a run of two sentences from one speech with one link and one note, a divisions table
  with a link in a cell and an empty cell, key points by debate, Contents listing the front
  parts and the sections but no speech (for page numbers), a sub-section, a division, and
  the Speakers table at the back. ``speeches`` per debate makes it long enough that the
  headings fall on different pages.
"""

from __future__ import annotations

from collections.abc import Callable

from exporter.document import (
    Block,
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
    header_row,
    text_cell,
)

TITLE = "Child Sexual Exploitation by Organised Networks"
HANSARD = "https://hansard.parliament.uk/Commons/2022-02-23/debates/CSEOrganisedNetworks"
KIM = "Kim Leadbeater (Labour, Batley and Spen)"

SPEECH = (
    "I welcome the opportunity to take part in this debate on a deeply traumatic but very important "
    "subject, which cannot and should not ever be ignored. I thank my hon. Friend the Member for "
    "Rotherham (Sarah Champion) for her ongoing work on CSE and for the bravery and commitment she has "
    "shown in tackling the subject over a number of years. I know that it has not been easy.",
    "As the IICSA report states, despite receiving a welcome higher profile in recent years, some of the "
    "processes in place to identify and deal with child sexual exploitation have created an "
    "institutional hesitancy to intervene and take the necessary action to protect children and catch "
    "perpetrators. We cannot be hesitant in addressing the issue, and any denial about the scale of "
    "child sexual exploitation either nationally or locally must be challenged.",
    "Sadly, child sexual exploitation is not unique to any part of the country or to any community. "
    "West Yorkshire police recently charged 42 people with non-recent offences\u2014many of them from "
    "my constituency of Batley and Spen. A further 29 individuals have been arrested. I agree with "
    "detectives in Kirklees when they urge victims to come forward, knowing that they will be listened "
    "to and that the matters they report will be fully investigated by specialist officers. If we are "
    "to treat this issue with the seriousness it demands, we must provide additional resources to the "
    "police and to social services to investigate historical cases, so that that does not come at the "
    "expense of investigating current cases.",
    "Offenders will go where they think children are most vulnerable and open to manipulation, so more "
    "national support is needed to help identify perpetrators and victims of online grooming. Justice "
    "delayed is justice denied. Currently victims have to wait too long for cases to come to trial. "
    "That adds enormous stress during what is already another hugely challenging time for them and it "
    "prevents them from getting on with their lives, so the backlog of cases must be dealt with as a "
    "matter of urgency. Once the trial is over, victims and survivors should not be left unsupported. "
    "Effective long-term post-trial resources need to be put in place within the health and social "
    "care systems.",
)

LONG_URL = "https://example.org/" + "a" * 200_000


def _speech_section(number: int) -> tuple[Block, ...]:
    anchor = "speeches" if number == 1 else f"speeches-{number}"
    heading = "Speeches" if number == 1 else f"Speeches, part {number}"
    blocks: list[Block] = [
        Heading(2, (Text(heading),), anchor),
        Heading(3, (Text(KIM),), f"kim-leadbeater-{number}"),
    ]
    for index, text in enumerate(SPEECH):
        children: tuple = (Text(text),)
        if index == 1:
            children = (*children, NoteRef((Text("Independent Inquiry into Child Sexual Abuse, 2022."),)))
        blocks.append(Paragraph(children))
    blocks.append(
        Paragraph(
            (
                Text("Source: "),
                Link(
                    HANSARD,
                    (Text("Hansard, HC Deb 23 February 2022, vol 709, col 123WH"),),
                    "Read this speech in Hansard",
                ),
            ),
            role="source",
        )
    )
    blocks.append(Heading(3, (Text("Sarah Champion (Labour, Rotherham)"),), f"sarah-champion-{number}"))
    blocks.append(
        Paragraph(
            (
                Text(
                    "I beg to move, That this House has considered child sexual exploitation by "
                    "organised networks. As the Welsh Senedd put it, "
                ),
                Text("Diogelu plant yw ein blaenoriaeth", lang="cy"),
                Text(" \u2014 protecting children is our priority."),
            )
        )
    )
    blocks.append(Paragraph((Text("Question put and agreed to."),), role="procedural"))
    return tuple(blocks)


def seed_briefing(sections: int = 1, long_url: bool = False, date: str = "2022-02-23") -> Document:
    contents = [ContentsEntry(2, "Summary", "summary"), ContentsEntry(2, "Speakers", "speakers")]
    for number in range(1, sections + 1):
        anchor = "speeches" if number == 1 else f"speeches-{number}"
        contents.append(ContentsEntry(2, "Speeches" if number == 1 else f"Speeches, part {number}", anchor))
        contents.append(ContentsEntry(3, KIM, f"kim-leadbeater-{number}"))
    blocks: list[Block] = [
        Heading(1, (Text(TITLE),), "title"),
        Paragraph(
            (Text("Westminster Hall, Wednesday 23 February 2022. Department: Home Office."),), role="details"
        ),
        Heading(2, (Text("Summary"),), "summary"),
        Paragraph(
            (Text("Members debated child sexual exploitation by organised networks."),), role="summary"
        ),
        BulletList(
            (
                ListItem(
                    (Paragraph((Text("Victims wait too long for trials; the backlog must be cleared."),)),)
                ),
                ListItem((Paragraph((Text("More resources for police and social services."),)),)),
                ListItem((Paragraph((Text("Education programmes for affected communities."),)),)),
            )
        ),
        Heading(2, (Text("Contents"),), "contents"),
        Contents(tuple(contents)),
        Heading(2, (Text("Speakers"),), "speakers"),
        Table(
            caption="Speakers in this debate",
            head=(header_row("Speaker", "Party", "Constituency"),),
            rows=(
                (text_cell("Kim Leadbeater", "row"), text_cell("Labour"), text_cell("Batley and Spen")),
                (text_cell("Sarah Champion", "row"), text_cell("Labour"), text_cell("Rotherham")),
                (text_cell("Rachel Maclean", "row"), text_cell("Conservative"), text_cell("Redditch")),
            ),
            anchor="speakers-table",
            widths=(0.4, 0.25, 0.35),
        ),
    ]
    for number in range(1, sections + 1):
        blocks.extend(_speech_section(number))
    if long_url:
        blocks.append(
            Paragraph(
                (Text("Archive copy: "), Link(LONG_URL, (Text(LONG_URL),), "Archive copy")), role="source"
            )
        )
    blocks.append(
        Paragraph(
            (
                Text("Quote: "),
                Text("Justice delayed is justice denied.", emphasis=True),
                Text(" See "),
                Link("#speakers", (Text("the speakers"),)),
                Text(" and E = mc"),
                Text("2", superscript=True),
                Text("."),
            ),
            role="quote",
        )
    )
    return Document(
        title=TITLE,
        language="en-GB",
        blocks=tuple(blocks),
        subject="Westminster Hall debate, 23 February 2022",
        keywords=("child sexual exploitation", "Westminster Hall"),
        author="debate-exporter",
        date=date,
    )


PAGES_PER_SECTION = 1.25  # one speech section, as the PDF writer lays it out on A4


def sections_for(pages: int) -> int:
    return max(1, round(pages / PAGES_PER_SECTION))


def long_briefing(pages: int) -> Document:
    """A briefing of about ``pages`` A4 pages, by repeating the speeches section."""
    return seed_briefing(sections=sections_for(pages))


def big_table_briefing(rows: int) -> Document:
    """A table long enough to split over pages, so that its header row repeats."""
    return Document(
        title="Division list",
        language="en-GB",
        blocks=(
            Heading(1, (Text("Division list"),), "title"),
            Table(
                caption="Members voting Aye",
                head=(header_row("Member", "Constituency"),),
                rows=tuple((text_cell(f"Member {n}"), text_cell(f"Constituency {n}")) for n in range(rows)),
            ),
        ),
        date="2022-02-23",
    )


HANSARD_URL = "https://hansard.parliament.uk/Commons/2024-01-10/debates/Example"


def energy_bill(extra_paragraphs: int = 0) -> Document:
    """Every node type and every paragraph role, so a writer test that walks its output
    touches all of the writer, and the checker tests can start from a document known to
    be clean and inject one fault at a time."""
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
            head=(header_row("Lobby", "Votes"),),
            rows=(
                (text_cell("Ayes", "row"), text_cell("310")),
                (text_cell("Noes", "row"), Cell((Paragraph((Text("2", superscript=True),)),))),
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


DEEP_LEVELS = (
    "Oral Answers to Questions",
    "Transport",
    "Rural Bus Services",
    "Supplementary questions",
    "Alex Example (Labour, Exampleton)",
    "Intervention: Blair Sample (Conservative, Sampleford)",
    "Point of order",
)


def deep_briefing() -> Document:
    """Headings from level 1 to 9 and back to 2: what a record nesting sections seven deep
    gives (Akoma Ntoso and ParlaMint can), for writers that must keep every level."""
    blocks: list[Block] = [
        Heading(1, (Text("Commons sitting, 20 April 2023"),), "title"),
        Paragraph((Text("House of Commons, Thursday 20 April 2023."),), role="details"),
        Heading(2, (Text("Contents"),), "contents"),
        Contents(
            (
                ContentsEntry(2, "The debate", "the-debate"),
                ContentsEntry(3, DEEP_LEVELS[0], "level-3"),
                ContentsEntry(4, DEEP_LEVELS[1], "level-4"),
                ContentsEntry(2, "Sources", "sources"),
            )
        ),
        Heading(2, (Text("The debate"),), "the-debate"),
    ]
    for level, title in enumerate(DEEP_LEVELS, start=3):
        blocks.append(Heading(level, (Text(title),), f"level-{level}"))
        blocks.append(
            Paragraph(
                (
                    Text(f"Words at level {level}, under \u201c{title}\u201d."),
                    NoteRef((Text(f"HC Deb 20 April 2023, col {500 + level}."),)),
                )
            )
        )
    blocks += [
        BulletList(
            (
                ListItem((Paragraph((Text("Funding for every local authority"),)),)),
                ListItem((Paragraph((Text("Fares capped at \u00a32"),)),)),
            )
        ),
        Paragraph((Text("Routes named in the answer, by county"),), role="caption"),
        Table(
            caption="Table 1: services by county",
            head=(header_row("County", "Routes"),),
            rows=((text_cell("Exampleshire"), text_cell("42")),),
        ),
        Paragraph(
            (Text("Back to "), Link("#level-4", (Text("Transport"),), "Go to Transport"), Text(".")),
            role="procedural",
        ),
        Heading(2, (Text("Sources"),), "sources"),
        Paragraph(
            (
                Text("See "),
                Link("#level-9", (Text("the point of order"),), "Go to the point of order"),
                Text(" and "),
                Link(
                    "https://hansard.parliament.uk/Commons/2023-04-20",
                    (Text("the official report"),),
                    "The official report of the sitting",
                ),
                Text("."),
            ),
            role="source",
        ),
    ]
    return Document(
        title="Commons sitting, 20 April 2023",
        language="en-GB",
        blocks=tuple(blocks),
        subject="A sitting whose record nests nine levels deep",
        date="2023-04-20",
    )


SPANNING_CAPTION = "Table 1: households in temporary accommodation, by region and authority"
SPANNING_NOTE = "Source: figures made up for these tests; rates per 1,000 households."


def spanning_table_briefing() -> Document:
    """A table as written answers have them: two header rows (a year over "Number" and
    "Rate" for each), header cells spanning columns and rows, two columns of row headers
    (a region spanning two authorities), a cell of two paragraphs, a note across the whole
    width at the end, and an empty cell. Every writer must keep who labels what."""

    def rate(text: str) -> Cell:
        return text_cell(text)

    head = (
        (
            Cell((Paragraph((Text("Region"),)),), rowspan=2, scope="column"),
            Cell((Paragraph((Text("Authority"),)),), rowspan=2, scope="column"),
            Cell((Paragraph((Text("2023-24"),)),), colspan=2, scope="column"),
            Cell((Paragraph((Text("2024-25"),)),), colspan=2, scope="column"),
        ),
        header_row("Number", "Rate per 1,000", "Number", "Rate per 1,000"),
    )
    rows = (
        (
            Cell((Paragraph((Text("North East"),)),), rowspan=2, scope="row"),
            text_cell("Newcastle upon Tyne", "row"),
            text_cell("1,200"),
            rate("9.8"),
            text_cell("1,310"),
            rate("10.6"),
        ),
        (text_cell("Sunderland", "row"), text_cell("640"), rate("5.1"), text_cell("700"), Cell(())),
        (
            text_cell("London", "row"),
            Cell(
                (
                    Paragraph((Text("Camden"),)),
                    Paragraph((Text("(figures provisional"), NoteRef((Text("Revised in May."),)), Text(")"))),
                ),
                scope="row",
            ),
            text_cell("2,450"),
            rate("11.7"),
            text_cell("2,600"),
            rate("12.4"),
        ),
        (Cell((Paragraph((Text(SPANNING_NOTE),)),), colspan=6),),
    )
    return Document(
        title="Temporary accommodation: written answer",
        language="en-GB",
        blocks=(
            Heading(1, (Text("Temporary accommodation: written answer"),), "title"),
            Paragraph((Text("The figures are in the table."),)),
            Table(caption=SPANNING_CAPTION, head=head, rows=rows, anchor="spanning-table"),
            Paragraph(
                (Text("See "), Link("#spanning-table", (Text("the table"),), "Go to the table"), Text("."))
            ),
        ),
        date="2024-06-01",
    )


LORDS_URL = "https://publications.parliament.uk/pa/ld200809/ldhansrd/text/91029-0001.htm"
DAY_SPEECH = (
    "My Lords, the Government have published the figures for the last financial year, and the "
    "Department has written to every council that asked for them. The figures show that the "
    "scheme has been taken up in every region, although unevenly, and that the northern regions "
    "have drawn on it least. We will look again at the guidance before the winter.",
    "I am grateful to the noble Lord for his question. The review will report in the spring, and "
    "the House will have the opportunity to debate its findings before any change is made to the "
    "regulations that govern the scheme.",
)


def _day_note(column: str) -> NoteRef:
    return NoteRef((Link(f"{LORDS_URL}#{column}", (Text(f"HL Deb 29 October 2009, col {column}"),)),))


def _day_speech(anchor: str, name: str, level: int, column: str) -> list[Block]:
    return [
        Heading(level, (Text(name),), anchor),
        *(Paragraph((Text(text),)) for text in DAY_SPEECH),
        Paragraph(
            (
                Text("Source: "),
                Link(f"{LORDS_URL}#{column}", (Text(f"HL Deb 29 October 2009, col {column}"),)),
            ),
            role="source",
        ),
    ]


def sitting_day(speeches: int = 6) -> Document:
    """A made-up sitting of two debates, composed as a day file is (see the module's notes)."""
    blocks: list[Block] = [
        Heading(1, (Text("House of Lords, 29 October 2009"),), "title"),
        Paragraph((Text("House: ", strong=True), Text("House of Lords")), role="details"),
        Heading(2, (Text("Summary"),), "summary"),
        Paragraph((Text("Sentences chosen automatically from the speeches."),), role="details"),
        Heading(3, (Text("In this record"),), "in-this-record"),
        BulletList(
            (
                ListItem(
                    (
                        Paragraph(
                            (
                                Link(
                                    "#debts", (Text("Government: Debts \u2014 Question"),), "Go to the debate"
                                ),
                                Text(": opened by Lord James of Blackheath; 1,197 words"),
                            )
                        ),
                    )
                ),
                ListItem(
                    (
                        Paragraph(
                            (
                                Link("#coroners", (Text("Coroners and Justice Bill"),), "Go to the debate"),
                                Text(": opened by Lord Bach; 13,125 words"),
                            )
                        ),
                    )
                ),
            )
        ),
        Heading(3, (Text("Government: Debts \u2014 Question"),), "summary-debts"),
        BulletList(
            (
                ListItem(
                    (
                        Paragraph(
                            (
                                Text(DAY_SPEECH[0].split(". ")[0] + "."),
                                Text(" "),
                                Text(DAY_SPEECH[0].split(". ")[1] + "."),
                                Text(" ("),
                                Link(
                                    "#speech-myners",
                                    (Text("Lord Myners"),),
                                    "Go to the speech by Lord Myners",
                                ),
                                Text(")"),
                                _day_note("1266"),
                            ),
                            role="summary",
                        ),
                    )
                ),
            )
        ),
        Heading(3, (Text("Coroners and Justice Bill"),), "summary-coroners"),
        BulletList(
            (
                ListItem(
                    (
                        Paragraph(
                            (
                                Text(DAY_SPEECH[1].split(". ")[1]),
                                Text(" ("),
                                Link("#speech-bach", (Text("Lord Bach"),), "Go to the speech by Lord Bach"),
                                Text(")"),
                                _day_note("1290"),
                            ),
                            role="summary",
                        ),
                    )
                ),
            )
        ),
        Heading(2, (Text("At a glance"),), "at-a-glance"),
        BulletList((ListItem((Paragraph((Text("Speakers: ", strong=True), Text("4"))),)),)),
        Table(
            caption="Table 1: divisions, with the votes cast in each lobby and the result",
            head=(header_row("Division", "Debate", "Contents", "Not contents", "Result"),),
            rows=(
                (
                    Cell(
                        (Paragraph((Link("#division-1", (Text("Division 1"),), "Go to Division 1"),)),),
                        scope="row",
                    ),
                    text_cell("Coroners and Justice Bill"),
                    text_cell("56"),
                    text_cell("74"),
                    text_cell("Not contents, majority 18"),
                ),
                (
                    text_cell("Division 2", "row"),
                    text_cell("Coroners and Justice Bill"),
                    text_cell("60"),
                    Cell(()),  # the record gives no count: the cell is empty, never "None"
                    Cell(()),
                ),
            ),
            anchor="divisions-table",
            widths=(0.16, 0.28, 0.14, 0.14, 0.28),
        ),
        Heading(2, (Text("Key points"),), "key-points"),
        Paragraph(
            (
                Text("Key points are given for members who said at least 150 words; everyone is in the "),
                Link("#speakers-table", (Text("Speakers table"),), "Go to the Speakers table"),
                Text("."),
            ),
            role="details",
        ),
        Heading(3, (Text("Coroners and Justice Bill"),), "points-coroners"),
        BulletList(
            (
                ListItem(
                    (
                        Paragraph(
                            (
                                Link("#speech-bach", (Text("Lord Bach", strong=True),), "Go to the speech"),
                                Text(": ", strong=True),
                                Text(DAY_SPEECH[0].split(". ")[2]),
                                _day_note("1290"),
                            ),
                            role="summary",
                        ),
                    )
                ),
            )
        ),
        Heading(2, (Text("Contents"),), "contents"),
        Contents(
            (
                ContentsEntry(2, "Summary", "summary"),
                ContentsEntry(2, "At a glance", "at-a-glance"),
                ContentsEntry(2, "Key points", "key-points"),
                ContentsEntry(2, "Government: Debts \u2014 Question", "debts"),
                ContentsEntry(2, "Coroners and Justice Bill", "coroners"),
                ContentsEntry(3, "Report (4th Day)", "report"),
                ContentsEntry(2, "Speakers", "speakers"),
                ContentsEntry(2, "Sources", "sources"),
            )
        ),
        Heading(2, (Text("Government: Debts \u2014 Question"),), "debts"),
        *_day_speech("speech-james", "Lord James of Blackheath", 3, "1265"),
        *_day_speech("speech-myners", "Lord Myners", 3, "1266"),
    ]
    for n in range(speeches):
        blocks += _day_speech(f"speech-debts-{n}", "Lord Myners" if n % 2 else "Lord Newby", 3, "1267")
    blocks += [
        Heading(2, (Text("Coroners and Justice Bill"),), "coroners"),
        Heading(3, (Text("Report (4th Day)"),), "report"),
        *_day_speech("speech-bach", "Lord Bach", 4, "1290"),
    ]
    for n in range(speeches):
        blocks += _day_speech(f"speech-coroners-{n}", "Lord Henley" if n % 2 else "Lord Bach", 4, "1291")
    blocks += [
        Heading(4, (Text("Division 1: Contents 56, Not contents 74"),), "division-1"),
        Table(
            caption="Table 2: how members voted in division 1 (3 recorded votes)",
            head=(header_row("Member", "Vote", "Note"),),
            rows=(
                (text_cell("Addington, L.", "row"), text_cell("Content"), Cell(())),
                (text_cell("Bach, L.", "row"), text_cell("Not content"), text_cell("Teller")),
                (text_cell("Henley, L.", "row"), text_cell("Content"), Cell(())),
            ),
            widths=(0.5, 0.25, 0.25),
        ),
        Heading(2, (Text("Speakers"),), "speakers"),
        Table(
            caption="Table 3: speakers in this record, with the number of times each spoke",
            head=(header_row("Name", "Contributions"),),
            rows=tuple(
                (text_cell(name, "row"), text_cell(str(count)))
                for name, count in (("Lord James of Blackheath", 1), ("Lord Myners", 2), ("Lord Bach", 2))
            ),
            anchor="speakers-table",
            widths=(0.7, 0.3),
        ),
        Heading(2, (Text("Sources"),), "sources"),
        Paragraph(
            (Text("Official record: "), Link(LORDS_URL, (Text("HL Deb 29 October 2009"),))), role="body"
        ),
    ]
    return Document(
        title="House of Lords, 29 October 2009",
        language="en-GB",
        blocks=tuple(blocks),
        subject="A made-up sitting day of two debates",
        date="2009-10-29",
    )


GOLDEN: dict[str, Callable[[], Document]] = {
    "seed": seed_briefing,
    "energy-bill": energy_bill,
    "deep-headings": deep_briefing,
    "table-over-pages": lambda: big_table_briefing(150),
    "spanning-table": spanning_table_briefing,
    "sitting-day": sitting_day,
}
