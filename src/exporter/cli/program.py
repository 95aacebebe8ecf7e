"""The ``debate-export`` program as a process, as opposed to ``main`` called in another one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgramRun:
    """click's ``obj`` when ``main`` runs as the ``debate-export`` program (``exporter.cli.run``,
    the console script and ``python -m exporter``): the process ends when ``main`` returns, so
    the batch commands may leave a signal that comes after the run's outcome is decided and
    said to its default action (``InterruptGuard.settle``). In-process callers (click's
    ``CliRunner``, a program embedding ``main``) pass none, and their handlers stay theirs."""
