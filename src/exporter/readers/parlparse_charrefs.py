"""Windows-1252 character numbers in ParlParse files, read as browsers read them.

ParlParse files of the 2000s (Public Bill Committees, some Commons days) carry numeric
character references such as ``&#146;`` and ``&#151;``: Windows-1252 byte values written
as if they were Unicode code points. An XML parser reads them as the C1 control
characters U+0080–U+009F, which no font draws: "child’s" becomes "childs". HTML parsers
map them to the characters Windows-1252 meant (WHATWG HTML, "numeric character reference
end state", the replacement table; the same mapping as the WHATWG encoding index
windows-1252), and so does this module: U+0092 becomes ’, U+0097 becomes —.

The five numbers that table leaves unmapped (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for no
character at all; they are removed, with one warning per file that gives the count and
the first place.
"""

from __future__ import annotations

import re

from lxml import etree

from exporter.diagnostics import Reporter

_C1 = re.compile("[\u0080-\u009f]")
# what in a file's bytes can become a C1 character: a character number 128-159, the UTF-8
# encoding of one, or (in a file declared in a single-byte encoding) a raw byte 0x80-0x9F
_C1_REFERENCE = re.compile(rb"&#(?:0*1[2-5][0-9]|[xX]0*[89][0-9a-fA-F]);")
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_RAW_C1 = re.compile(rb"[\x80-\x9f]")
_DECLARATION = re.compile(rb"\s*<\?xml[^>]*\?>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _mapped(code: int) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


#: U+0080–U+009F to what Windows-1252 means by those bytes ("" for the five it leaves unmapped)
TABLE: dict[int, str] = {code: _mapped(code) for code in range(0x80, 0xA0)}
UNMAPPED = tuple(code for code, text in TABLE.items() if not text)


def may_hold_c1(data: bytes) -> bool:
    """Whether a file's bytes can give C1 characters at all (most files cannot: the
    tree is then not walked)."""
    if _C1_REFERENCE.search(data) or _C1_UTF8.search(data):
        return True
    declaration = _DECLARATION.match(data)
    encoding = _ENCODING.search(declaration.group(0)) if declaration else None
    single_byte = encoding is not None and encoding.group(1).lower().replace(b"-", b"") != b"utf8"
    return single_byte and bool(_RAW_C1.search(data))


def repair(root: etree._Element, reporter: Reporter) -> None:
    """Map every C1 character in the tree's text, tails and attribute values, in place."""
    mapped = 0
    removed = 0
    first_removed: int | None = None

    def fix(text: str, line: int | None) -> str:
        nonlocal mapped, removed, first_removed
        found = _C1.findall(text)
        for char in found:
            if TABLE[ord(char)]:
                mapped += 1
            else:
                removed += 1
                if first_removed is None:
                    first_removed = line
        return _C1.sub(lambda m: TABLE[ord(m.group(0))], text)

    for element in root.iter():
        line = element.sourceline
        if element.text and _C1.search(element.text):
            element.text = fix(element.text, line)
        if element.tail and _C1.search(element.tail):
            element.tail = fix(element.tail, line)
        if isinstance(element.tag, str):
            for name, value in element.attrib.items():
                if _C1.search(value):
                    element.set(name, fix(value, line))
    if mapped:
        reporter.info(
            "parlparse-windows-1252",
            f"{mapped} Windows-1252 character number(s) (such as &#146;) read as the characters browsers show",
        )
    if removed:
        reporter.warn(
            "text-removed-characters",
            f"removed {removed} character(s) that stand for no character (Windows-1252 numbers "
            f"{', '.join(f'&#{code};' for code in UNMAPPED)} have none)",
            f"line {first_removed}" if first_removed else None,
        )
