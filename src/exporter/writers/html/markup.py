"""Text and markup helpers of the HTML writer: what HTML can hold, valid hrefs, source lines.

- ``clean_text``: white space collapsed, and the code points HTML forbids (C0 and C1
  controls, lone surrogates, noncharacters: parse errors in the HTML Standard, 13.2.3.5)
  left out, counted so the writer can warn;
- ``safe_href``: only http, https, mailto and ftp addresses, percent-encoded where the URL
  Standard wants it (the Nu Html Checker rejects a raw space or ``|`` in an href);
- ``break_lines``: a line break between block elements, never inside text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from lxml import etree

LINK_SCHEMES = ("http", "https", "mailto", "ftp")
_URL_SAFE = "!$%&'()*+,-./:;=?@~_"

# Characters HTML does not allow in a document (controls, lone surrogates, noncharacters):
# the HTML parsing spec makes each a parse error, and XML cannot hold most of them.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)
SPACES = re.compile("[ \t\r\n\x0b\x0c]+")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")  # RFC 5646 2.1, loosely
ID_UNSAFE = re.compile(r"\s+")
# Elements whose neighbouring white space no browser shows: the source gets a line break
# around each, so that it reads, and checkers' line numbers mean something.
_BLOCKS = frozenset(
    ["html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav", "section",
     "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "div", "table", "caption",
     "thead", "tbody", "tr", "th", "td"]
)  # fmt: skip


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with one space for each run of white space and the forbidden code points
    left out; and how many were left out."""
    cleaned, dropped = FORBIDDEN.subn("", text)
    return SPACES.sub(" ", cleaned), dropped


def safe_href(url: str) -> str | None:
    """``url`` as a valid href (percent-encoded where it must be), or None when it is not
    an http, https, mailto or ftp address."""
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in LINK_SCHEMES:
        return None
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    base, hash_mark, fragment = url.partition("#")
    encoded = quote(base, safe=_URL_SAFE)
    if hash_mark:
        encoded += "#" + quote(fragment, safe=_URL_SAFE)
    return encoded


def break_lines(root: etree._Element) -> None:
    """A line break after each block element, and before the first child of a block that
    holds only blocks; never inside a paragraph's text."""
    for element in root.iter():
        if element.tag not in _BLOCKS or element.tag in ("p", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6"):
            continue
        children = list(element)
        only_blocks = element.tag == "body" or all(c.tag in _BLOCKS for c in children)
        if children and not (element.text or "").strip() and only_blocks:
            element.text = "\n"
            for child in children:
                if not (child.tail or "").strip():
                    child.tail = "\n"


def append_text(parent: etree._Element, text: str) -> None:
    """Add text at the end of ``parent``: after its last child, or as its text."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def primary_language(tag: str) -> str:
    return tag.split("-")[0].lower()


def same_language(a: str, b: str) -> bool:
    return a.lower() == b.lower()
