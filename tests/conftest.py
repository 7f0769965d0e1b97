"""Shared fixtures: a fixed clock and a real, migrated SQLite workspace in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings

# English before smtui is imported: a key's label is translated when its screen's class is
# made, so a French developer's environment would otherwise change every snapshot.
os.environ["LANGUAGE"] = "en"

from smtui.domain.clock import Clock, fixed, parse_instant
from smtui.domain.i18n import set_language
from smtui.store import Store

# The property tests draw new examples on every run (that is how they find bugs), except
# under `.ci/run`: there a submission lands or not on its own code, never on a new draw, so
# the examples are the same each run (HYPOTHESIS_PROFILE=ci).
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# A Monday morning in the demo brand's zone (08:30 in Montréal).
FIXED_NOW = "2026-11-23T13:30:00+00:00"


@pytest.fixture(autouse=True)
def _frozen_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs at the same instant, in English, away from the user's real database."""
    monkeypatch.setenv("SMTUI_NOW", FIXED_NOW)
    monkeypatch.delenv("SMTUI_DB", raising=False)
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


@pytest.fixture
def store(db_path: Path, clock: Clock) -> Iterator[Store]:
    opened, _result = Store.open(db_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def make_smtui_app(store: Store, db_path: Path, clock: Clock):  # type: ignore[no-untyped-def]
    """Build the real app on the test workspace, through the same factory as the CLI."""
    from smtui.app import make_app
    from smtui.settings import Settings

    def build():  # type: ignore[no-untyped-def]
        return make_app(Settings(db_path=db_path, language="en"), store, clock)

    return build
