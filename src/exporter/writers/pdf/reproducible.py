"""The same briefing gives the same PDF bytes, whatever the environment.

ReportLab reads ``SOURCE_DATE_EPOCH`` itself (``reportlab.lib.utils.TimeStamp``, called when
its PDF document object is made): the value seeds the file identifier ``/ID`` and the dates,
and a value that is not an integer raises ``ValueError``. Our dates come from the sitting,
so while a PDF is built the variable is hidden from ReportLab, and the ``/ID`` (ISO 32000-1,
14.4: two byte strings identifying the file) is then derived from the file's own content.
"""

from __future__ import annotations

import calendar
import hashlib
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from reportlab.lib.utils import TimeStamp

_ENVIRONMENT_LOCK = threading.Lock()  # os.environ is process-wide: one build hides it at a time
_TRAILER_ID = re.compile(rb"/ID\s*\n?\[<([0-9a-fA-F]{32})><([0-9a-fA-F]{32})>\]")


@contextmanager
def without_source_date_epoch() -> Iterator[None]:
    """Hide ``SOURCE_DATE_EPOCH`` from ReportLab for the duration, then put it back."""
    with _ENVIRONMENT_LOCK:
        saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
        try:
            yield
        finally:
            if saved is not None:
                os.environ["SOURCE_DATE_EPOCH"] = saved


def timestamp(date: str | None) -> TimeStamp:
    """ReportLab's timestamp for the sitting's date (ISO ``YYYY-MM-DD...``), or its fixed
    invariant date (2000-01-01) when there is none; never the clock or the environment."""
    seconds = 946684800
    if date:
        with suppress(ValueError):
            seconds = calendar.timegm(time.strptime(date[:10], "%Y-%m-%d"))
    stamp = TimeStamp.__new__(TimeStamp)  # its __init__ would read the environment
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def with_content_id(pdf: bytes) -> bytes:
    """``pdf`` with both halves of its trailer ``/ID`` set to a digest of everything else.

    The identifier is the same length as ReportLab's, so no offset moves."""
    matches = list(_TRAILER_ID.finditer(pdf[-4096:]))  # the trailer is at the end
    if not matches:
        return pdf
    offset = max(len(pdf) - 4096, 0)
    found = matches[-1]
    start, end = offset + found.span(1)[0], offset + found.span(2)[1]
    digest = hashlib.sha256(pdf[:start] + pdf[end:]).hexdigest()[:32].encode("ascii")
    return pdf[:start] + digest + b"><" + digest + pdf[end:]
