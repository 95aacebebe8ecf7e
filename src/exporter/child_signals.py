"""How processes this one starts (a batch's workers, a child running writers) take signals.

Ctrl-C reaches a whole process group; it is the starting process's to handle (it stops its
children and removes what they left). POSIX signal dispositions are inherited through
fork, and blocked signals stay pending, which this module uses.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


def signal_names(*names: str) -> tuple[signal.Signals, ...]:
    """The signals of ``names`` this platform has (Windows has no SIGHUP)."""
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


@contextlib.contextmanager
def children_start_with(ignored: tuple[int, ...], default: tuple[int, ...] = ()) -> Iterator[None]:
    """Processes started in this block inherit the signals of ``ignored`` ignored and those of
    ``default`` at their default action, whatever this process's handlers are (Ctrl-C
    reaches a whole process group; it is this process's to handle). The signals are blocked
    meanwhile, so one that comes is not lost: it is delivered to this process's own handler
    at the end of the block (a child that wants one of them unblocks it as it starts). In
    another thread than the main one, or without ``pthread_sigmask`` (Windows), nothing
    is changed."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = (*ignored, *default)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    handlers = {
        signum: signal.signal(signum, signal.SIG_IGN if signum in ignored else signal.SIG_DFL)
        for signum in held
    }
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            if handler is not None:
                signal.signal(signum, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
