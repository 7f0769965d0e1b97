"""Shared fixtures: a fixed clock and a real, migrated SQLite workspace in tmp_path.

The migrated empty workspace and the demo workspace are built once per session (see
``workspaces.py``) and copied into each test's own ``tmp_path``.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings

# English before smtui is imported: a key's label is translated when its screen's class is
# made, so a French developer's environment would otherwise change every snapshot.
os.environ["LANGUAGE"] = "en"

from workspaces import build_demo, build_empty, copy_workspace, load_into

from smtui.domain.clock import Clock, fixed, parse_instant
from smtui.domain.i18n import set_language
from smtui.domain.models import Brand
from smtui.store import Store

# The property tests draw new examples on every run (that is how they find bugs), except
# under `.ci/run`: there a submission lands or not on its own code, never on a new draw, so
# the examples are the same each run (HYPOTHESIS_PROFILE=ci).
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# A Monday morning in the demo brand's zone (08:30 in Montréal).
FIXED_NOW = "2026-11-23T13:30:00+00:00"

TESTS = Path(__file__).resolve().parent
KINDS = ("unit", "store", "cli", "ui", "snapshots", "e2e")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than the cores this process may use. A Pilot test spends
    about half its time asleep (Pilot waits for the app to go idle after each key), so an
    extra worker fills the cores: on two cores, three workers took 216 s, two 271 s, four
    228 s."""
    return len(os.sched_getaffinity(0)) + 1


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what the imports made out of every later pass of the cycle collector, as
    ``smtui`` itself does after its first frame (see ``SmtuiApp._first_frame_shown``)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Collect each test's garbage once its fixtures are gone, then freeze what is left.

    A worker starts hundreds of apps; without this, every full collection walks the objects
    of all the tests before (half a million), and took a third of the UI tests' time."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its folder's kind (``-m ui``, ``-m "not e2e"``), and send the
    tests that start processes of their own (tmux, a wheel, the benchmarks) to one xdist
    worker, one after the other, so that they do not fight the rest for the cores."""
    for item in items:
        kind = item.path.relative_to(TESTS).parts[0]
        assert kind in KINDS, f"{item.nodeid}: tests live in one of {KINDS}"
        item.add_marker("snapshot" if kind == "snapshots" else kind)
        if kind == "e2e":
            item.add_marker(pytest.mark.xdist_group("processes"))


@pytest.fixture(autouse=True)
def _frozen_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs at the same instant, in English, away from the user's real database."""
    monkeypatch.setenv("SMTUI_NOW", FIXED_NOW)
    monkeypatch.delenv("SMTUI_DB", raising=False)
    # xdist hands its workers the controller's COLUMNS and LINES (80×24 without a terminal);
    # Rich would take them over the real size of the tmux pane a test starts smtui in.
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    set_language("en")


@pytest.fixture
def now() -> datetime:
    return parse_instant(FIXED_NOW)


@pytest.fixture
def clock(now: datetime) -> Clock:
    return fixed(now)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture(scope="session")
def empty_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated workspace with nothing in it: the template each test's store copies."""
    return build_empty(tmp_path_factory.mktemp("templates") / "empty.sqlite", FIXED_NOW)


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory, empty_workspace: Path) -> Path:
    """The demo brand filled at :data:`FIXED_NOW`: the template each demo test copies."""
    return build_demo(
        tmp_path_factory.mktemp("templates") / "demo.sqlite", empty_workspace, FIXED_NOW
    )


@pytest.fixture
def store(db_path: Path, clock: Clock, empty_workspace: Path) -> Iterator[Store]:
    """The test's workspace, opened as the app opens it; a copy of the migrated template
    unless the test put a file at ``db_path`` first."""
    if not db_path.exists():
        copy_workspace(empty_workspace, db_path)
    opened, _result = Store.open(db_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def demo(store: Store, demo_workspace: Path) -> Brand:
    """The demo brand, in the test's store (which must be empty until now)."""
    return load_into(store, demo_workspace)


@pytest.fixture
def demo_db(db_path: Path, demo_workspace: Path) -> Path:
    """A closed demo workspace at ``db_path``, for tests that run the CLI or a process on it."""
    return copy_workspace(demo_workspace, db_path)


@pytest.fixture
def make_smtui_app(store: Store, db_path: Path, clock: Clock):  # type: ignore[no-untyped-def]
    """Build the real app on the test workspace, through the same factory as the CLI."""
    from smtui.app import make_app
    from smtui.settings import Settings

    def build():  # type: ignore[no-untyped-def]
        return make_app(Settings(db_path=db_path, language="en"), store, clock)

    return build
