"""The one registry of input and output formats, and detection by content."""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from lxml import etree

from exporter.errors import InputError
from exporter.json_yaml import as_utf8, decode, load_json, load_yaml, looks_wide, what_it_is


@dataclass(frozen=True)
class Sniff:
    """What a quick look at the first bytes of an input tells."""

    kind: str  # "xml", "json", "yaml", "text"
    root: str | None = None  # XML root element's local name
    namespace: str | None = None
    keys: frozenset[str] = frozenset()  # top-level JSON/YAML keys
    broken: bool = False  # looks like JSON or YAML but does not parse
    # JSON that parses but holds no object to tell a format by (null, a number, a string, a
    # list of no objects, an empty object), in words (json_yaml.what_it_is): our reader says so
    holds: str | None = None


@dataclass(frozen=True)
class InputFormat:
    name: str
    module: str
    description: str
    detects: Callable[[Sniff], bool]

    def load(self) -> ModuleType:
        return importlib.import_module(f"exporter.readers.{self.module}")


@dataclass(frozen=True)
class OutputFormat:
    name: str
    module: str
    extension: str
    description: str

    def load(self) -> ModuleType:
        return importlib.import_module(f"exporter.writers.{self.module}")


def _native(s: Sniff) -> bool:
    # A broken JSON file goes to our reader too, which names the line and column of the fault.
    # JSON that holds no object (``null``, ``[]``, ``{}``) too: our reader says it is no record.
    return (s.kind in ("json", "yaml") and bool({"sections", "format", "title"} & s.keys)) or s.broken or (
        s.holds is not None
    )


INPUT_FORMATS: tuple[InputFormat, ...] = (
    InputFormat("native", "native", "our debate record (JSON or YAML; `debate-export schema`)", _native),
    InputFormat(
        "parlparse",
        "parlparse",
        "TheyWorkForYou / ParlParse XML (<publicwhip>, OpenAustralia <debates>)",
        lambda s: s.kind == "xml" and s.root in ("publicwhip", "debates") and not s.namespace,
    ),
    InputFormat(
        "hansard-api",
        "hansard_api",
        "UK Parliament Hansard API debate JSON (Overview, Items, ChildDebates)",
        lambda s: s.kind == "json" and ({"Overview", "Items"} <= s.keys or "AyesCount" in s.keys),
    ),
    InputFormat(
        "akoma-ntoso",
        "akoma_ntoso",
        "Akoma Ntoso <debate> (AKN 3.0, CSD drafts, or no namespace)",
        lambda s: s.kind == "xml" and s.root == "akomaNtoso",
    ),
    InputFormat(
        "parlamint",
        "parlamint",
        "ParlaMint TEI (CLARIN parliamentary corpora)",
        lambda s: s.kind == "xml" and s.root in ("TEI", "teiCorpus"),
    ),
    InputFormat(
        "text",
        "text",
        "debate text copied from a web page (Hansard, Parallel Parliament)",
        lambda s: s.kind == "text",
    ),
)

OUTPUT_FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("docx", "docx", ".docx", "accessible Word briefing"),
    OutputFormat("pdf", "pdf", ".pdf", "PDF/UA-1 briefing"),
    OutputFormat("html", "html", ".html", "accessible HTML briefing: one self-contained page"),
    OutputFormat(
        "json", "json_record", ".json", "our record format, with the composed briefing under `briefing`"
    ),
    OutputFormat(
        "tree", "tree_json", ".tree.json", "the briefing tree as JSON, for tests and debugging (--dump-tree)"
    ),
)


# The files a folder is searched for (gitignore patterns; what each is, is told by its content).
FOLDER_PATTERNS = ("*.json", "*.yaml", "*.yml", "*.xml", "*.txt", "*.akn")


def input_format(name: str) -> InputFormat:
    for fmt in INPUT_FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(name)


def output_format(name: str) -> OutputFormat:
    for fmt in OUTPUT_FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(name)


_JSON_SCALAR = re.compile(rb'(?:null|true|false|-?[0-9]|")')
_YAML_KEY = re.compile(r"^(format|title|sections):", re.M)


def sniff(data: bytes) -> Sniff:
    """Look at the content, never the file name, to tell what an input is."""
    if looks_wide(data):  # UTF-16 or UTF-32 with no byte order mark
        if data[:64].replace(b"\x00", b"").lstrip().startswith(b"<"):
            return Sniff("xml", *_xml_root(data))  # lxml tells the encoding of XML itself
        return Sniff("text", broken=True)  # our reader says what it is
    original, data = data, as_utf8(data)  # UTF-16 or UTF-32 told by its byte order mark
    head = data[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return Sniff("xml", *_xml_root(original))
    if head.startswith((b"{", b"[")):
        try:
            value = load_json(decode(data, ""), "")
        except InputError:
            return Sniff("json", broken=True)
        return _json_sniff(value)
    if _JSON_SCALAR.match(head):  # null, true, a number, a string: JSON, but no record
        try:
            return _json_sniff(load_json(decode(data, ""), ""))
        except InputError:
            pass  # text that starts like JSON ("3 February", "true to form")
    text = data.decode("utf-8", errors="replace")
    if _YAML_KEY.search(text):
        try:
            value = load_yaml(text, "")
        except InputError:
            return Sniff("yaml", broken=True)  # our reader names the line of the fault
        if isinstance(value, dict):
            return Sniff("yaml", keys=frozenset(str(k) for k in value))
    return Sniff("text")


def _json_sniff(value: object) -> Sniff:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = value[0]  # a list response (Hansard API divisions) is told by its items' keys
    if isinstance(value, dict) and value:
        return Sniff("json", keys=frozenset(value))
    return Sniff("json", holds=what_it_is(value))


def _xml_root(data: bytes) -> tuple[str | None, str | None]:
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False)
    for offset in range(0, min(len(data), 1 << 20), 8192):
        # The root may be seen before a fault; the reader reports the fault with its line.
        with contextlib.suppress(etree.XMLSyntaxError):
            parser.feed(data[offset : offset + 8192])
        for _event, element in parser.read_events():
            qname = etree.QName(element)
            return qname.localname, qname.namespace
    return None, None


def detect(data: bytes) -> InputFormat | None:
    found = sniff(data)
    for fmt in INPUT_FORMATS:
        if fmt.detects(found):
            return fmt
    return None
