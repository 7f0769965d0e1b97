"""Draws each screen of the demo at 80×24 and prints it, for ``test_translations``: run in a
process of its own, with ``LANGUAGE=fr`` set before smtui is imported, as a French user's
``smtui`` is. Each screen's text follows a form feed and its name."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drawn import screen_text

from smtui.app import make_app
from smtui.demo import fill_demo
from smtui.domain.clock import fixed, parse_instant
from smtui.settings import Settings
from smtui.store import Store

SCREENS = (("today", "1"), ("calendar", "2"), ("queue", "3"), ("kpis", "4"))
SCREENS += (("strategy", "5"), ("audit", "6"), ("help", "question_mark"))


async def main() -> None:
    clock = fixed(parse_instant(os.environ.get("SMTUI_NOW", "2026-11-23T13:30:00+00:00")))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        store, _result = Store.open(path, clock)
        fill_demo(store, clock)
        app = make_app(Settings(db_path=path), store, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            for name, key in SCREENS:
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                print(f"\f{name}\n{screen_text(app)}")
        store.close()


if __name__ == "__main__":
    asyncio.run(main())
