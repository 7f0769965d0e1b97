"""Provides what the tests that run smtui in real processes share: how to start the writer
process and the CLI, an environment without the user's database, and a ready workspace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from smtui.domain.clock import Clock
from smtui.domain.enums import Platform
from smtui.domain.models import Brand, Channel
from smtui.io.inbox_formats import CSV_COLUMNS
from smtui.store import Store

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
WRITER = TESTS / "writer_process.py"


def child_env() -> dict[str, str]:
    """This test's environment (its frozen clock and language) without SMTUI_DB."""
    env = dict(os.environ)
    env.pop("SMTUI_DB", None)
    return env


def make_workspace(db_path: Path, clock: Clock) -> Path:
    """A migrated workspace with one brand and one channel, closed again."""
    store, _result = Store.open(db_path, clock)
    try:
        brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
        store.channels.add(Channel(brand_id=brand.id, platform=Platform.INSTAGRAM, handle="@m"))
    finally:
        store.close()
    return db_path


def start_writer(
    db_path: Path, label: str, count: int = 0, *, timed: bool = False
) -> subprocess.Popen[str]:
    """The writer process (see writer_process.py); count 0 writes until killed; ``timed``
    adds to each ack the seconds the step's longest write took."""
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), label, str(count)]
        + (["--timed"] if timed else []),
        cwd=REPO,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_smtui(*args: str | Path) -> subprocess.Popen[str]:
    """``python -m smtui ARGS`` in its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "smtui", *map(str, args)],
        cwd=REPO,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def write_inbox_file(path: Path, rows: int) -> None:
    """An ``smtui import inbox`` CSV of ``rows`` comments on the workspace's channel @m."""
    lines = [",".join(CSV_COLUMNS)] + [
        f"2026-11-2{n % 3}T08:{n % 60:02d}:00Z,@m,comment,A{n},,text {n},,id{n},,"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


POSTS_COLUMNS = (
    "id,channel,date,time,status,post_type,title,body,hashtags,link,utm_campaign,pillar,"
    "objective,campaign,notes"
)


def write_posts_file(path: Path, rows: int) -> None:
    """An ``smtui import posts`` CSV (smtui format) of ``rows`` scheduled posts on @m."""
    lines = [POSTS_COLUMNS] + [
        f"p{n},@m,2026-11-{1 + n % 28:02d},09:{n % 60:02d},scheduled,,Post {n},Body {n},,,,,,,"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
