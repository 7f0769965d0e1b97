"""Provides the key-to-frame figures: how long after a key press the next frame is composed,
when moving the cursor in the queue (key 3, then down) and in the calendar (key 2, then
right) on a workspace, and in a bare DataTable of 1,000 rows (the baseline). The queue and
the bare table are also timed once the cursor has gone past the rows on screen, where each
move scrolls the table.

    python benchmarks/keys.py WORKSPACE [--presses 30]

Prints one JSON object of median milliseconds. Frames are timed where the compositor hands
them to the app (``App._display``), keys from the moment their event is posted, so the figure
is what a person feels (handler, layout, render), not how long a test helper waits.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import DataTable

SIZE = (120, 40)
PAST_THE_SCREEN = 45  # presses that take a table's cursor below its visible rows
SETTLE = 5.0


class FrameClock:
    """Notes the time of every frame the app composes."""

    def __init__(self, app: App[Any]) -> None:
        self.frames: list[float] = []
        display = app._display

        def timed(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        app._display = timed  # type: ignore[method-assign]

    async def next_after(self, moment: float) -> float:
        deadline = time.perf_counter() + SETTLE
        while time.perf_counter() < deadline:
            later = [frame for frame in self.frames if frame > moment]
            if later:
                return later[0]
            await asyncio.sleep(0.001)
        return float("nan")


async def _presses(app: App[Any], pilot: Any, clock: FrameClock, key: str, count: int) -> float:
    """Median seconds from posting ``key`` to the next frame, over ``count`` presses."""
    samples = []
    for _n in range(count):
        await pilot.pause()
        await asyncio.sleep(0.03)  # let the frame timer go quiet, as between two keystrokes
        start = time.perf_counter()
        app.post_message(events.Key(key, None))
        frame = await clock.next_after(start)
        samples.append(frame - start)
    return statistics.median(samples)


async def smtui_keys(path: Path, presses: int) -> dict[str, float]:
    from smtui.app import make_app
    from smtui.domain.clock import now
    from smtui.settings import Settings
    from smtui.store import Store

    store, _result = Store.open(path, now)
    try:
        app = make_app(Settings(db_path=path), store, now)
        clock = FrameClock(app)
        figures = {}
        async with app.run_test(size=SIZE) as pilot:
            for name, screen_key, move in (("queue", "3", "down"), ("calendar", "2", "right")):
                await pilot.press(screen_key)
                await pilot.pause()
                figures[name] = await _presses(app, pilot, clock, move, presses)
            await pilot.press("3")
            await _scroll_down(pilot)
            figures["queue_scrolling"] = await _presses(app, pilot, clock, "down", presses)
        return figures
    finally:
        store.close()


class BareTable(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Received", "Channel", "Kind", "Author", "Text", "Status")
        for number in range(1_000):
            table.add_row(
                "23 Nov 09:30", "Instagram", "comment", f"Author {number}",
                f"A comment about the bread, number {number}", "new",
            )  # fmt: skip
        table.focus()


async def _scroll_down(pilot: Any) -> None:
    """Take the focused table's cursor below the rows on screen (and back near the top of
    the next screenful), so that every following move scrolls."""
    await pilot.press("home")
    for _n in range(PAST_THE_SCREEN):
        await pilot.press("down")
    await pilot.pause()


async def baseline_keys(presses: int) -> dict[str, float]:
    app = BareTable()
    clock = FrameClock(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        still = await _presses(app, pilot, clock, "down", presses)
        await _scroll_down(pilot)
        return {
            "datatable": still,
            "datatable_scrolling": await _presses(app, pilot, clock, "down", presses),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args(argv)
    if not os.environ.get("SMTUI_NOW"):
        print("keys: set SMTUI_NOW to the workspace's instant", file=sys.stderr)
        return 2
    figures = asyncio.run(smtui_keys(args.workspace, args.presses))
    figures.update(asyncio.run(baseline_keys(args.presses)))
    print(json.dumps({name: seconds * 1000 for name, seconds in figures.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
