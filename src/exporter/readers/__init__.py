"""Readers: one module per input format, each exposing ``read(data, source, options, reporter)``.

A reader returns one :class:`exporter.model.Debate` (a day file becomes one debate whose
top-level sections are its debates) and raises :class:`exporter.errors.InputError`
naming the place for input it cannot read. Readers never know about writers.
"""
