"""Provides the Textual driver the benchmark starts whole processes with, to time their first
frame: ``TEXTUAL_DRIVER=first_frame:FirstFrameDriver`` (with this folder on PYTHONPATH) makes
the unmodified ``smtui`` command, or any Textual app, run headless and exit once the first
frame of the screen it waits for has been composed.

Run as a script, it is the baseline: a minimal Textual app that exits after its first frame.

Environment:
- ``BENCH_FRAME_FILE``: where the wall-clock time (``time.time()``) of the first frame is
  written, so that the parent can subtract the moment it started the process, with the
  process's peak memory so far (see :func:`peak_rss_kib`), whether SQLAlchemy had been
  imported by then, which pydantic models had built their validator, and how many table
  rows the frame showed.
- ``BENCH_WAIT_SMTUI=1``: wait for the first frame in which one of smtui's screens shows its
  data (its ``ready``): not the blank default screen, nor a frame of Today's panels before
  they are filled (Today fills them before its first layout, at the widths it expects).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import Footer, Header, Static


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM), in KiB.

    Not ``getrusage``: a child started by a large parent inherits the parent's high-water
    mark through fork and exec, so a small command started from the benchmark would look as
    big as the benchmark. VmHWM belongs to the address space exec made.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def validators_built() -> list[str]:
    """The pydantic models whose validator was built by this frame (Today builds none: it
    makes its models from stored rows, and a first validation loads pydantic's schema
    machinery). Not imported here: the minimal app has no pydantic."""
    if "pydantic" not in sys.modules:
        return []
    from pydantic import BaseModel

    found: set[str] = set()
    pending = list(BaseModel.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model.__dict__.get("__pydantic_complete__"):
            found.add(f"{model.__module__}.{model.__qualname__}")
    return sorted(found)


def _wanted(screen: Any) -> bool:
    if os.environ.get("BENCH_WAIT_SMTUI") == "1":
        return type(screen).__module__.startswith("smtui.screens") and bool(
            getattr(screen, "ready", False)
        )
    return True


class FirstFrameDriver(HeadlessDriver):
    """A headless driver that notes the first frame the app composes, then ends the app.

    The frame is caught where the compositor hands it to the app (``App._display``), the same
    call that writes it to a real terminal, so the time includes composing and rendering the
    screen but not the terminal's own drawing.
    """

    def __init__(self, app: App[Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(app, *args, **kwargs)
        display = app._display
        seen = False

        def timed_display(screen: Any, renderable: Any) -> None:
            nonlocal seen
            display(screen, renderable)
            if seen or renderable is None or not _wanted(screen):
                return
            seen = True
            target = os.environ.get("BENCH_FRAME_FILE")
            if target:
                note = {
                    "time": time.time(),
                    "peak_rss_kib": peak_rss_kib(),
                    # What the frame had to import: Today is read without SQLAlchemy.
                    "sqlalchemy_loaded": "sqlalchemy" in sys.modules,
                    "validators_built": validators_built(),
                    # What it showed: the rows of its tables (by name: the minimal app has none
                    # and must not import DataTable).
                    "rows_shown": sum(table.row_count for table in screen.query("DataTable")),
                }
                Path(target).write_text(json.dumps(note), encoding="utf-8")
            app.exit()

        app._display = timed_display  # type: ignore[method-assign]


class MinimalApp(App[None]):
    """The baseline: a header, a line of text and a footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
