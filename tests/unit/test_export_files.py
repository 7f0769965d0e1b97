"""Tests of the file helpers every export goes through: a write that fails half-way leaves
the previous file whole and no temporary behind, and CSV cells that a spreadsheet would
evaluate as formulas are neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from smtui.io.files import atomic_write, safe_cell


class Interrupted(Exception):
    """Stands for whatever stops an export half-way: a bug, a full disk, Ctrl+C."""


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    target.write_text("the plan exported yesterday\n", encoding="utf-8")
    mtime = target.stat().st_mtime_ns

    with pytest.raises(Interrupted), atomic_write(target) as handle:
        handle.write("half of today's pl")
        handle.flush()
        raise Interrupted

    assert target.read_text(encoding="utf-8") == "the plan exported yesterday\n"
    assert target.stat().st_mtime_ns == mtime
    assert [item.name for item in tmp_path.iterdir()] == ["plan.csv"]


def test_a_failed_write_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_write(tmp_path / "new.csv") as handle:
        handle.write("partial")
        raise KeyboardInterrupt

    assert list(tmp_path.iterdir()) == []


def test_a_finished_write_replaces_the_file_at_once(tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    target.write_text("old", encoding="utf-8")

    with atomic_write(target) as handle:
        handle.write("new ")
        assert target.read_text(encoding="utf-8") == "old"  # readers still see the old file
        handle.write("plan")

    assert target.read_text(encoding="utf-8") == "new plan"
    assert [item.name for item in tmp_path.iterdir()] == ["plan.csv"]


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+33 1 23 45", "-2+3", "@SUM(A1:A9)", "\t=cmd|' /C calc'!A0", "\r=1+1", "=", "@"],
)
def test_cells_a_spreadsheet_would_evaluate_are_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Fresh bread at 7", "Fresh bread at 7"),
        ("a=b", "a=b"),
        (" =1+1", " =1+1"),
        ("'=already quoted", "'=already quoted"),
        ("", ""),
        (None, ""),
        (-3, "-3"),
        (2.5, "2.5"),
    ],
)
def test_other_cells_are_left_as_they_are(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def test_a_neutralised_row_survives_the_csv_round_trip() -> None:
    row = ['=HYPERLINK("http://x")', "+1", "plain", "\r@evil", "-5"]
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_cell(value) for value in row])

    (read,) = list(csv.reader(io.StringIO(buffer.getvalue())))

    assert read == ['\'=HYPERLINK("http://x")', "'+1", "plain", "'\r@evil", "'-5"]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in read)
