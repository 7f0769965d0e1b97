"""A brand's time zone this machine's tzdata does not know (an old name dropped from the
database, written by another machine) must not stop smtui: the workspace opens, times are
shown in UTC, and a warning says why, so the user can set a zone the machine knows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from smtui.cli import cli

BAD_ZONE = "US/Pacific-New"


def spoil_zone(path: Path) -> None:
    """Write the zone as another machine (or an older tzdata) left it: straight into the row."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE brand SET timezone = ?", (BAD_ZONE,))
    connection.close()


def test_today_opens_with_a_warning_on_stderr(demo_db: Path) -> None:
    spoil_zone(demo_db)
    result = CliRunner().invoke(
        cli, ["--db", str(demo_db), "today"], env={"SMTUI_NOW": "2026-11-23T13:30:00Z"}
    )
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if BAD_ZONE in line]
    assert len(warning) == 1
    assert "UTC" in warning[0]
    assert "Traceback" not in result.output
    assert BAD_ZONE not in result.stdout


def test_a_command_picking_the_brand_warns_too(demo_db: Path, tmp_path: Path) -> None:
    spoil_zone(demo_db)
    target = tmp_path / "cal.ics"
    result = CliRunner().invoke(
        cli,
        ["--db", str(demo_db), "export", "calendar", "--ics", str(target)],
        env={"SMTUI_NOW": "2026-11-23T13:30:00Z"},
    )
    assert result.exit_code == 0, result.output
    assert BAD_ZONE in result.stderr
    assert target.exists()
