"""Printing that never stops a batch.

Each line is made printable first (``exporter.printable``: a newline or an escape sequence
in a file name cannot split a line or drive the terminal), then encoded as the stream can
(what a Windows code page or an ASCII locale cannot hold becomes ``?``). A stream that
fails (a closed pipe, a full disk: ``EPIPE``, ``ENOSPC``) is abandoned, its file
descriptor pointed at the null device so that the interpreter's last flush cannot fail
either, and the batch goes on: the files, the reports and the exit status still tell.
"""

from __future__ import annotations

import contextlib
import io
import os
from typing import TextIO

from exporter.printable import printable


class Stream:
    """A text stream that never raises: ``line`` writes one escaped line."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.failed: OSError | None = None

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        try:
            return bool(self.stream.isatty())
        except (OSError, ValueError, AttributeError):
            return False

    def line(self, text: str) -> None:
        self.write(printable(text) + "\n")
        self.flush()

    def write(self, text: str) -> None:
        """Write ``text`` as the stream's encoding allows (for click's progress bar, too)."""
        if self.failed is not None:
            return
        try:
            self.stream.write(text.encode(self.encoding, "replace").decode(self.encoding))
        except (OSError, ValueError) as error:
            self._abandon(error)
        except UnicodeError:  # an encoding whose decoder refuses its own replacement bytes
            self.write(text.encode("ascii", "replace").decode("ascii"))

    def flush(self) -> None:
        if self.failed is not None:
            return
        try:
            self.stream.flush()
        except (OSError, ValueError) as error:
            self._abandon(error)

    def _abandon(self, error: Exception) -> None:
        self.failed = error if isinstance(error, OSError) else OSError(str(error))
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            descriptor = self.stream.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, descriptor)
            os.close(null)


def interactive(stream: Stream) -> bool:
    """A person is watching: a terminal, not a CI job (``CI`` set, as GitHub Actions,
    GitLab CI, Travis and most others do), not a dumb terminal."""
    ci = os.environ.get("CI", "").strip().lower()
    return stream.isatty() and ci in ("", "0", "false", "no") and os.environ.get("TERM") != "dumb"
