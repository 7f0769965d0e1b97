"""Days at the ends of what a date can hold (year 1 and year 9999) used to end in an
OverflowError traceback as soon as a day was added to them. smtui accepts the days of
``smtui.domain.date_range`` and says so, in one line, for anything outside."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from smtui.cli import cli
from smtui.domain.enums import Platform
from smtui.domain.models import Brand, Channel
from smtui.store import Store

RANGE = "1900-01-01 to 2999-12-31"
NOW = {"SMTUI_NOW": "2026-11-23T13:30:00Z"}


def run(db_path: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], env=env or NOW)


def one_clean_line(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if RANGE in line]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("day", ["9999-12-30", "0001-01-08", "3000-01-01", "1899-12-31"])
def test_today_date_outside_the_range(demo_db: Path, day: str) -> None:
    line = one_clean_line(run(demo_db, "today", "--date", day), 2)
    assert "--date" in line and day in line


def test_today_date_at_the_range_edges_works(demo_db: Path) -> None:
    for day in ("2999-12-31", "1900-01-01"):
        assert run(demo_db, "today", "--date", day).exit_code == 0


def test_export_calendar_to_the_last_day_a_date_holds(demo_db: Path, tmp_path: Path) -> None:
    result = run(
        demo_db, "export", "calendar", "--ics", str(tmp_path / "c.ics"), "--to", "9999-12-31"
    )
    assert "--to" in one_clean_line(result, 2)
    assert not (tmp_path / "c.ics").exists()


def test_frozen_clock_at_the_end_of_time(demo_db: Path) -> None:
    result = run(demo_db, "today", env={"SMTUI_NOW": "9999-12-31T23:59:59Z"})
    assert "SMTUI_NOW" in one_clean_line(result, 1)


def test_imported_post_at_the_end_of_time(store: Store, db_path: Path, tmp_path: Path) -> None:
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    assert brand.id is not None
    store.channels.add(Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="Maple"))
    path = tmp_path / "posts.csv"
    path.write_text("channel,date,time,body\nLinkedIn,9999-12-31,23:59,The last minute\n")
    result = run(db_path, "import", "posts", str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert RANGE in result.stderr
    assert store.posts.list(brand.id) == []


@pytest.mark.parametrize(
    ("text", "extra"),
    [
        ("12/31/9999 23:59,End of time,\n", ("--channel", "linkedin")),
        (
            "Text,Date,Time,Draft,LinkedIn\nEnd of time,9999-12-31,23:59:00,FALSE,TRUE\n",
            (),
        ),
    ],
    ids=["hootsuite", "metricool"],
)
def test_other_formats_at_the_end_of_time(
    store: Store, db_path: Path, tmp_path: Path, text: str, extra: tuple[str, ...]
) -> None:
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    assert brand.id is not None
    store.channels.add(Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="Maple"))
    path = tmp_path / "posts.csv"
    path.write_text(text)
    result = run(db_path, "import", "posts", str(path), *extra)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)
    assert RANGE in result.stderr
    assert store.posts.list(brand.id) == []
