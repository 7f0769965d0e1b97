"""Tests that a workbook declaring a huge sheet is refused before it is read: openpyxl
pads every row to the declared width and fills declared gaps, so a tiny file claiming
``A1:XFD1048576`` used to cost gigabytes or hours. Run in a child process under a memory
cap, so that a regression fails the test instead of the machine."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

CHILD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
from smtui.domain.validation import DomainError
from smtui.io.metric_formats import read_table
try:
    read_table(Path(sys.argv[1]))
    print("read")
except DomainError as error:
    print("refused:", error)
# VmHWM is this program's own peak: ru_maxrss would carry over the test worker's, whose
# memory the child is forked from.
status = Path("/proc/self/status").read_text()
print("peak_kb", next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
"""


def linkedin_sheet(path: Path, far_cell: str | None = None) -> Path:
    """A LinkedIn-shaped workbook of two posts, with a value at ``far_cell`` if given."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "All posts"
    sheet.append(["Post title", "Post link", "Created date", "Impressions"])
    for n in range(2):
        sheet.append([f"post {n}", f"https://www.linkedin.com/feed/update/{n}", "11/10/2026", 5])
    if far_cell:
        sheet[far_cell] = 1
    workbook.save(path)
    return path


def declare(path: Path, ref: str) -> Path:
    """Rewrite the sheet's ``<dimension ref>`` to claim ``ref`` without adding a cell."""
    crafted = path.with_name("crafted-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(crafted, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                start = text.index('<dimension ref="') + len('<dimension ref="')
                end = text.index('"', start)
                data = (text[:start] + ref + text[end:]).encode("utf-8")
            target.writestr(item, data)
    return crafted


def read_in_child(path: Path) -> tuple[str, int]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = result.stdout.splitlines()
    return lines[0], int(lines[-1].split()[1])


def test_a_sheet_declaring_the_whole_grid_is_refused_before_it_is_read(tmp_path: Path) -> None:
    crafted = declare(linkedin_sheet(tmp_path / "content.xlsx"), "A1:XFD1048576")

    outcome, peak_kb = read_in_child(crafted)

    assert outcome.startswith("refused: crafted-content.xlsx: ")
    assert "200,000 rows by 500 columns" in outcome
    assert peak_kb < 400_000


def test_a_cell_far_out_is_refused_in_bounded_time_and_memory(tmp_path: Path) -> None:
    source = linkedin_sheet(tmp_path / "far.xlsx", far_cell="XFD1048576")

    outcome, peak_kb = read_in_child(source)

    assert outcome.startswith("refused: far.xlsx: ")
    assert peak_kb < 400_000


def test_a_sheet_within_the_limits_still_reads(tmp_path: Path) -> None:
    source = linkedin_sheet(tmp_path / "fine.xlsx", far_cell="SF200000")  # column 500

    outcome, _peak_kb = read_in_child(source)

    assert outcome == "read"
