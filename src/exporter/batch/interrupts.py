"""Ctrl-C and SIGTERM as an exception the batch can clean up after, held while a set is written.

While an ``InterruptGuard`` is active (entered in the main thread), SIGINT, SIGTERM and
SIGHUP raise ``Interrupted`` in the main thread, wherever it is, so that ``finally``
blocks remove temporary files and stop the workers. Inside ``guard.held()`` a signal
is only noted, and raised by ``raise_pending`` once the caller has recorded what the block
did: a set of outputs being renamed into place is finished first, so it is never left
half old, half new, and it is counted as written. A second signal while
held is raised at once (an impatient second Ctrl-C); ``output_set`` then rolls the set
back. The exit status of an interrupted run is 128 + the signal's number (130 for
SIGINT, 143 for SIGTERM), as shells report a process ended by that signal.

Once the run's outputs and reports are written, ``settle`` leaves the signals to their
default action until the process ends: a late Ctrl-C then ends the process as the signal
does (a shell reports 130), instead of raising in whatever code is running on the way out,
where click would print "Aborted!" and exit 1 after a run that had finished and said so.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType, TracebackType
from typing import Any

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


class InterruptGuard:
    """Turns SIGINT, SIGTERM and SIGHUP into ``Interrupted`` while entered."""

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}
        self._holding = 0
        self._pending: int | None = None
        self.active = False

    def __enter__(self) -> InterruptGuard:
        if threading.current_thread() is threading.main_thread():
            for signum in SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
            self.active = True
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()
        self.active = False

    def settle(self) -> None:
        """From now until the process ends, give SIGINT, SIGTERM and SIGHUP their default
        action (end the process), leaving the guard included: for the last moments of a run
        whose outputs and reports are written. Nothing is left to clean up then, and nothing
        (click's ``KeyboardInterrupt`` handling, an exit handler) can turn a late signal into
        another status. Only for a process that ends with the run: it changes the handlers
        for good."""
        for signum in self._previous:
            signal.signal(signum, signal.SIG_DFL)
            self._previous[signum] = signal.SIG_DFL

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self._holding and self._pending is None:
            self._pending = signum
            return
        raise Interrupted(signum)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold signals while the block runs; the first that came is raised by the next
        ``raise_pending``, at a point where the caller's accounts are up to date."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1

    def raise_pending(self) -> None:
        """Raise ``Interrupted`` for a signal that came while held."""
        if not self._holding and self._pending is not None:
            signum, self._pending = self._pending, None
            raise Interrupted(signum)
