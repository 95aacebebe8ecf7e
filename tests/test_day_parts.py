"""The parts of a day file, from made-up debates: which sections are debates, the speakers
table, the divisions at a glance, chairs as names, quoting runs of sentences, the contents."""

from __future__ import annotations

import pytest

from exporter import document as d
from exporter import model as m
from exporter import summarise
from exporter.compose import compose
from exporter.compose.anchors import Anchors
from exporter.compose.glance import division_results, divisions_table, glance_facts
from exporter.compose.keys import key_speeches
from exporter.compose.proceedings import SpeechSource
from exporter.compose.quoting import GAP, Quoting
from exporter.compose.sitting import DEBATE_WORDS, sitting_debates
from exporter.compose.speakers import speakers_table
from exporter.diagnostics import Reporter
from exporter.interface import interface_for
from exporter.options import ComposeOptions

ENGLISH = interface_for("en-GB")

MEMBERS = (
    m.Speaker("a", "Ann Able", constituency="Ashford", party="Labour"),
    m.Speaker("b", "Ben Baker", party="Conservative"),
    m.Speaker("c", "Cat Cole"),
    m.Speaker("s", "Mr. Speaker", role="Speaker"),
)


def words(n: int, topic: str = "the railway") -> tuple[m.Paragraph, ...]:
    sentence = f"The Government must say what it will do about {topic} before the winter comes."
    count = len(sentence.split())
    return (m.Paragraph((m.Run(" ".join([sentence] * max(1, n // count))),)),)


def speech(speaker: str | None, n: int = 40, topic: str = "the railway", **kw: object) -> m.Speech:
    return m.Speech(None, speaker, words(n, topic), **kw)  # type: ignore[arg-type]


def section(title: str, *items: m.Item, chair: str | None = None) -> m.Section:
    return m.Section(title, items, chair=chair)


def debate(*sections: m.Section) -> m.Debate:
    return m.Debate("A sitting", sections, MEMBERS)


def keyed(record: m.Debate) -> m.Debate:
    return key_speeches(record, Anchors()).debate


# --- which sections are debates -------------------------------------------------------------


def test_a_heading_that_gathers_debates_stands_for_them_and_one_of_questions_does_not() -> None:
    big = DEBATE_WORDS + 100
    record = keyed(
        debate(
            section(
                "Opposition Day",
                section("Local Spending", speech("a", big), speech("b", 300)),
                section("Territorial Army", speech("b", big), speech("a", 300)),
            ),
            section(
                "Cabinet Office",
                section("Charities", speech("a", 300), speech("b", 200)),
                section("Floods", speech("b", 300), speech("c", 200)),
            ),
            section("Business without debate", m.Procedural((m.Paragraph((m.Run("Motion agreed."),)),))),
            section("Regional committee", speech(None, 2, label="Hon. Members"), speech("s", 10)),
            section("Adjournment", speech("c", 900), speech("a", 400)),
        )
    )
    found = sitting_debates(record)
    assert [(unit.title, unit.path) for unit in found] == [
        ("Local Spending", (0, 0)),
        ("Territorial Army", (0, 1)),
        ("Cabinet Office", (1,)),  # its topics are questions, too small to be debates
        ("Adjournment", (4,)),
    ]  # business with no member speaking (none, "Object.", the chair alone) is no debate
    assert [unit.opener.speaker for unit in found if unit.opener] == ["a", "b", "a", "c"]
    assert found[2].words == sum(len(p.text.split()) for s in m.speeches(record)[4:8] for p in s.paragraphs)
    assert found[0].holds((0, 0, 3)) and not found[0].holds((0, 1))


def test_the_chair_never_opens_a_debate() -> None:
    record = keyed(debate(section("Statement", speech("s", 30), speech("b", 500), chair="Mr. Speaker")))
    (unit,) = sitting_debates(record)
    assert unit.opener is not None and unit.opener.speaker == "b"


# --- tables that say something ---------------------------------------------------------------


def test_the_speakers_table_leaves_out_columns_with_no_values_and_fills_no_gaps() -> None:
    spoken = section("Debate", speech("a"), speech("b"), speech("c"), speech(None, label="Hon. Members"))
    table = speakers_table(m.Debate("A debate", (spoken,), MEMBERS[:3]), 1, ENGLISH)
    assert [d.cell_text(cell) for cell in table.head[0]] == [
        "Name",
        "Constituency",
        "Party",
        "Contributions",
    ]  # no one has a role: no Role column
    rows = [[d.cell_text(cell) for cell in row] for row in table.rows]
    assert ["Ben Baker", "", "Conservative", "1"] in rows  # empty where the record is silent
    assert ["Hon. Members", "", "", "1"] in rows
    assert len(table.widths or ()) == 4
    lords = m.Debate("Lords", (section("Debate", speech("c")),), MEMBERS[2:3])
    assert [d.cell_text(c) for c in speakers_table(lords, 1, ENGLISH).head[0]] == ["Name", "Contributions"]


def test_division_results_at_a_glance() -> None:
    ayes_noes = m.Division((m.Count("ayes", 234), m.Count("noes", 289)), number="232")
    tied = m.Division((m.Count("content", 50), m.Count("not-content", 50)), number="2")
    one_side = m.Division((m.Count("content", 60),))
    record = keyed(
        debate(
            section("Local Spending", speech("a", 500), ayes_noes),
            section("Bill", speech("b", 500), tied, one_side),
        )
    )
    units = sitting_debates(record)
    results = division_results(record, {(0, 1): "division-232"}, units, ENGLISH)
    assert [(r.title, r.debate, r.result, r.anchor) for r in results] == [
        ("Division 232", "Local Spending", "Noes, majority 55", "division-232"),
        ("Division 2", "Bill", "Tied", None),
        ("Division", "Bill", "", None),
    ]
    table = divisions_table(results, 3, ENGLISH)
    assert [d.cell_text(c) for c in table.head[0]] == [
        "Division",
        "Debate",
        "Ayes",
        "Noes",
        "Contents",
        "Not contents",
        "Result",
    ]
    first, _tied, last = table.rows
    link = first[0].blocks[0].children[0]
    assert isinstance(link, d.Link) and link.target == "#division-232"
    assert [d.cell_text(c) for c in last] == ["Division", "Bill", "", "", "60", "", ""]
    assert table.widths is not None and abs(sum(table.widths) - 1) < 1e-9


# --- chairs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("[Mr. Joe Benton in the Chair]", "Mr. Joe Benton"),
        ("[Dr. William\n McCrea in the Chair]", "Dr. William McCrea"),
        ("Robert Key", "Robert Key"),
        ("(Sir Roger Gale in the chair).", "Sir Roger Gale"),
        ("[in the Chair]", ""),
    ],
)
def test_a_chair_note_gives_the_chairs_name(note: str, name: str) -> None:
    assert m.chair_name(note) == name


def test_every_chair_is_at_a_glance_and_each_section_names_its_own() -> None:
    record = debate(
        section("Death Penalty", speech("a", 300), chair="[Mr. Joe Benton in the Chair]"),
        section("Sri Lanka", speech("b", 300), chair="Dr. William McCrea"),
    )
    facts = {label: value.text for label, value in glance_facts(summarise.glance(record), ENGLISH)}
    assert facts["Chairs"] == "Mr. Joe Benton; Dr. William McCrea"
    document = compose(record, ComposeOptions(), Reporter()).document
    texts = [d.plain_text(b.children) for b in d.walk_blocks(document.blocks) if isinstance(b, d.Paragraph)]
    assert "Chair: Mr. Joe Benton" in texts and "Chair: Dr. William McCrea" in texts


# --- quoting ------------------------------------------------------------------------------------


def sentence(text: str, order: int, speech_id: str) -> summarise.SummarySentence:
    return summarise.SummarySentence(text, speech_id, "a", "Ann Able", order, 0)


def test_sentences_of_one_speech_that_sit_together_share_one_link_and_one_note() -> None:
    record = keyed(debate(section("Debate", speech("a"), speech("b"))))
    first, second = (s.id for s in m.speeches(record))
    quoting = Quoting(
        record, key_speeches(record, Anchors()), lambda s: SpeechSource("HC Deb col 1", None), ENGLISH
    )
    items, parts = quoting.items(
        [
            sentence("One.", 1, first),
            sentence("Two.", 2, first),
            sentence("Five.", 5, first),
            sentence("Six.", 9, second),
        ]
    )
    assert len(items) == 2 and len(parts) == 4
    quoted = items[0].blocks[0].children  # type: ignore[union-attr]
    assert d.plain_text(quoted).startswith(f"One. Two.{GAP}Five. (Ann Able)")  # an ellipsis for the gap
    assert sum(isinstance(inline, d.NoteRef) for inline in quoted) == 1
    assert sum(isinstance(inline, d.Link) for inline in quoted) == 1
    item, _parts = quoting.item(d.Text("Ann Able"), [sentence("One.", 1, first)])
    label = item.blocks[0].children[0]  # type: ignore[union-attr]
    assert isinstance(label, d.Link) and label.text == "Ann Able"  # the name links to the speech
    assert d.plain_text(item.blocks[0].children) == "Ann Able: One."  # type: ignore[union-attr]


# --- the contents --------------------------------------------------------------------------------


def test_contents_lists_the_front_parts_and_sections_but_no_speech() -> None:
    record = debate(
        section("Questions", section("Charities", speech("a", 300), speech("b", 200))),
        section("Adjournment", speech("c", 900), speech("a", 400)),
    )
    document = compose(record, ComposeOptions(), Reporter()).document
    (contents,) = [b for b in document.blocks if isinstance(b, d.Contents)]
    texts = [entry.text for entry in contents.entries]
    assert texts[:2] == ["Summary", "At a glance"]
    assert {"Questions", "Charities", "Adjournment", "Speakers", "Sources"} <= set(texts)
    assert not {"Ann Able", "Ben Baker", "Cat Cole"} & set(texts)
    headings = {b.anchor: b.level for b in d.walk_blocks(document.blocks) if isinstance(b, d.Heading)}
    assert all(headings[entry.anchor] == entry.level for entry in contents.entries)


def test_word_lists_each_contents_heading_by_a_tc_field_with_its_words_quoted() -> None:
    import io
    import zipfile

    from lxml import etree

    from exporter.options import WriteOptions
    from exporter.writers.docx import write

    title = 'The "Clause 4" debate \\ part one'
    document = d.Document(
        "Sitting",
        "en-GB",
        (
            d.Heading(1, (d.Text("Sitting"),), "title"),
            d.Contents((d.ContentsEntry(2, title, "clause"),)),
            d.Heading(2, (d.Text(title),), "clause"),
            d.Heading(3, (d.Text("Ann Able"),), "speech-1"),  # a speech: no entry, no TC field
        ),
    )
    body = etree.fromstring(
        zipfile.ZipFile(io.BytesIO(write(document, WriteOptions(), Reporter()))).read("word/document.xml")
    )
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    instructions = [i.text for i in body.iter(f"{w}instrText")]
    assert ' TC "The \\"Clause 4\\" debate \\\\ part one" \\f C \\l 2 ' in instructions
    assert sum(i.startswith(" TC ") for i in instructions) == 1


def test_a_quoted_sentence_whose_speaker_the_record_does_not_name_is_given_in_the_interfaces_words() -> None:
    record = keyed(debate(section("Debate", speech(None, label=None), speech("a"))))
    unnamed = m.speeches(record)[0].id
    welsh = interface_for("en-GB", "cy")
    quoting = Quoting(record, key_speeches(record, Anchors()), lambda s: SpeechSource(None, None), welsh)
    items, parts = quoting.items([summarise.SummarySentence("Hear, hear.", unnamed, None, "", 1, 0)])
    link = next(i for i in items[0].blocks[0].children if isinstance(i, d.Link))  # type: ignore[union-attr]
    assert link.children == (d.Text("Siaradwr anhysbys", lang="cy"),)
    assert parts[0]["speaker_name"] == "Siaradwr anhysbys"
    note = next(i for i in items[0].blocks[0].children if isinstance(i, d.NoteRef))  # type: ignore[union-attr]
    assert d.plain_text(note.children) == "Araith gan Siaradwr anhysbys"
