"""Tests of ``smtui export audit``: the demo's run written as Markdown and read back."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from smtui.cli import cli
from smtui.domain.audit import AuditItem, CompetitorObservation
from smtui.domain.models import Brand
from smtui.io.markdown import md_text
from smtui.store import Store

TICK = re.compile(r"^- \[([ x])\] (.*?)(?: — \*(.+)\*)?$")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _table(lines: list[str], heading: str) -> list[list[str]]:
    """The rows of the first table after ``heading`` (header and separator dropped)."""
    start = lines.index(heading)
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            rows.append([_unescape(cell.strip()) for cell in cells])
    return rows[2:]


def export(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", "audit", *args])
    return result.exit_code, result.output


def test_the_demo_run_reads_back(store: Store, demo: Brand, db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "audit.md"
    code, output = export(db_path, "--md", str(target))
    assert code == 0, output
    assert "Q4 2026 audit" in output
    run = store.audits.latest_run(demo.id or 0)
    assert run is not None and run.id is not None
    items = store.audits.items(run.id)
    lines = target.read_text(encoding="utf-8").splitlines()

    headings = [line for line in lines if line.startswith("#")]
    sections = list(dict.fromkeys(item.section for item in items))
    assert headings == [
        "# Q4 2026 audit",
        "## Progress",
        "## Checklist",
        *[f"### {section}" for section in sections],
        "## Actions",
        "## Changes since Q3 2026 audit",
        "## Competitor benchmark",
    ]
    assert "Maple & Grain" in _unescape(lines[2]) and "in progress" in lines[2]

    ticks = [TICK.match(line) for line in lines if line.startswith("- [")]
    assert len(ticks) == len(items)
    for match, item in zip(ticks, items, strict=True):
        assert match is not None
        assert (match.group(1) == "x") == item.done
        assert _unescape(match.group(2)) == item.text
        assert match.group(3) == item.source

    progress_rows = _table(lines, "## Progress")
    assert progress_rows[-1] == ["Overall", str(sum(i.done for i in items)), str(len(items)), "57%"]
    assert [row[0] for row in progress_rows[:-1]] == sections

    actions = _table(lines, "## Actions")
    due = sorted((i for i in items if i.due_date), key=lambda i: (i.due_date, i.position))
    assert [row[0] for row in actions] == [str(i.due_date) for i in due]
    assert actions[0][:2] == [
        "2026-11-21",
        "The website has share buttons towards the social networks",
    ]
    assert actions[0][2:] == ["Julien Roy", "Situation analysis", "open"]

    competitors = _table(lines, "## Competitor benchmark")
    assert [row[0] for row in competitors] == [
        "Boulangerie Le Fournil",
        "Café Nordique",
        "Pain & Co.",
    ]
    assert competitors[0][3:8] == ["4,270", "+320", "5", "+1", "about the same"]
    assert competitors[1][7] == "posts more" and competitors[2][7] == "posts less"

    changes = lines[lines.index("## Changes since Q3 2026 audit") :]
    assert "- Newly ticked: 9" in changes and "- No longer ticked: 1" in changes


def test_an_earlier_run_by_id_and_its_notes(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    past = store.audits.list_runs(demo.id or 0)[-1]
    target = tmp_path / "past.md"
    code, output = export(
        db_path, "--md", str(target), "--run", str(past.id), "--brand", "maple & grain"
    )
    assert code == 0, output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Q3 2026 audit\n")
    assert "## Changes\n\nThe first run: nothing to compare with." in text
    assert "finished 2026-09-05" in text.splitlines()[2]


def test_outside_text_cannot_break_the_report(store: Store, tmp_path: Path, db_path: Path) -> None:
    brand = store.brands.add(Brand(name="# Tricky | brand"))
    assert brand.id is not None
    run = store.audits.start_run(brand.id, "Q4 | *audit*", date(2026, 11, 2))
    assert run.id is not None
    first = store.audits.items(run.id)[0]
    note = "line one | [x](javascript:alert(1))\n# not a heading\n- not a list\x1b[31m"
    store.audits.update_item(
        AuditItem.model_validate(
            first.model_dump()
            | {"note": note, "owner": "<b>Léa</b>", "due_date": date(2026, 12, 1)}
        )
    )
    store.competitors.add(
        CompetitorObservation(
            brand_id=brand.id, name="A|B", platform="x", observed_on=date(2026, 11, 1)
        )
    )
    target = tmp_path / "tricky.md"
    code, output = export(db_path, "--md", str(target), "--brand", "# Tricky | brand")
    assert code == 0, output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Q4 \\| \\*audit\\*"
    assert [line for line in lines if line.startswith("#")][1] == "## Progress"
    assert "\x1b" not in "\n".join(lines)
    note_line = next(line for line in lines if line.startswith("  - Note: "))
    assert note_line == "  - Note: " + md_text(note)
    # Lines are joined, so "#" and "-" are no longer at a line's start; links are broken.
    assert "\\[x\\]" in note_line and "/ # not a heading / - not a list" in note_line
    [action] = _table(lines, "## Actions")
    assert action[2] == "<b>Léa</b>"
    [competitor] = _table(lines, "## Competitor benchmark")
    assert competitor[0] == "A|B" and len(competitor) == 10


def test_errors_name_the_option(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.brands.add(Brand(name="Empty"))
    code, output = export(db_path, "--md", str(tmp_path / "a.md"))
    assert code == 1 and "Empty has no audit run yet" in output
    code, output = export(db_path, "--md", str(tmp_path / "missing" / "a.md"))
    assert code == 2 and "--md" in output and "does not exist" in output
    code, output = export(db_path, "--md", str(tmp_path / "a.md"), "--run", "99")
    assert code == 2 and "--run" in output and "no audit run 99" in output
    assert not (tmp_path / "a.md").exists()
    code, output = export(db_path, "--run", "1")
    assert code == 2 and "--md" in output


def test_a_run_of_another_brand_is_refused(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    other = store.brands.add(Brand(name="Other"))
    assert other.id is not None
    run = store.audits.start_run(other.id, "Other audit", date(2026, 11, 2))
    code, output = export(
        db_path, "--md", str(tmp_path / "a.md"), "--run", str(run.id), "--brand", "Maple & Grain"
    )
    assert code == 2 and "another brand" in output
    # Without --brand, the run's own brand is used.
    code, output = export(db_path, "--md", str(tmp_path / "a.md"), "--run", str(run.id))
    assert code == 0, output
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# Other audit\n")
