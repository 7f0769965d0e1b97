"""Tests of how smtui starts: the cycle collector is off for a command's run (its bursts of
allocation are what the collector would slow down) and back on once the UI's first frame is
up, since a UI session runs for hours; and that first frame is read without SQLAlchemy."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import BENCH

from smtui.domain.models import Brand

PROBE = """
import gc, sys
from smtui.cli import main
sys.argv = ["smtui", "--version"]
try:
    main()
except SystemExit:
    pass
print("collector", "on" if gc.isenabled() else "off")
"""


def test_a_command_runs_with_the_collector_off() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines()[-1] == "collector off"


@pytest.fixture
def collector_off() -> Iterator[None]:
    """As ``smtui`` leaves it when the UI starts; the test process gets its collector back."""
    gc.disable()
    yield
    gc.unfreeze()
    gc.enable()


async def test_the_ui_turns_the_collector_back_on_after_its_first_frame(
    make_smtui_app, collector_off: None
) -> None:
    app = make_smtui_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0, "what the start made is left out of every pass"


async def test_the_ui_leaves_a_running_collector_alone(make_smtui_app) -> None:
    gc.unfreeze()  # the test harness freezes between tests (conftest.py); it does again after
    app = make_smtui_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0


def test_the_first_frame_of_today_is_read_without_sqlalchemy(
    tmp_path: Path, db_path: Path, demo: Brand
) -> None:
    """The cold start's largest saving: Today's first paint reads the SQLite snapshot, and
    SQLAlchemy is imported in a thread only after it; no model is validated before it."""
    frame = tmp_path / "frame.json"
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "first_frame:FirstFrameDriver",
        "PYTHONPATH": os.pathsep.join([str(BENCH), os.environ.get("PYTHONPATH", "")]),
        "BENCH_FRAME_FILE": str(frame),
        "BENCH_WAIT_SMTUI": "1",
    }
    command = [sys.executable, "-m", "smtui", "--db", str(db_path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    note = json.loads(frame.read_text(encoding="utf-8"))
    assert note["sqlalchemy_loaded"] is False
    # Nor is any model validated: the snapshot builds them from the stored rows, and a first
    # validation costs the start some 30 ms of pydantic's schema machinery.
    assert note["validators_built"] == []
    # The frame timed is Today with the demo's work in its panels.
    assert note["rows_shown"] > 0
