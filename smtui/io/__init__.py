"""Provides import and export: the file formats smtui reads and writes (CSV, JSON,
iCalendar, Markdown reports, the platforms' own exports).

Readers parse a whole file into validated rows before anything is written, so that a file
with one bad line imports nothing and the user gets every bad line with its reason at once.
Writers go through :func:`smtui.io.files.atomic_write`, so that a crash never leaves a
half-written export where the previous one was.
"""
