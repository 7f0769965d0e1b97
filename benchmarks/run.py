"""Measures smtui against its speed targets and prints one table, each figure beside the
baseline measured in the same run.

    python benchmarks/run.py [--workspace PATH] [--small] [--runs 5] [--strict]

``--workspace`` is the large workspace (built with the default sizes of
``make_workspace.py`` when the file does not exist yet); a 10,000-item workspace for the scale
figure and copies for the import figure are made in a temporary folder. ``--small`` uses
tiny sizes throughout, to check that the benchmark works, not to measure. Every process runs
at the instant the large workspace was built for (its ``benchmark.now`` setting), so that
today has posts due and a queue to work. ``--strict`` exits with status 1 when a figure
misses its target.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hot_reads import READS, time_reads
from make_workspace import Sizes, saved_now
from processes import HERE, PEAK_RSS, PYTHON, SMTUI, Run, alternate, medians, run

LARGE = Sizes()
SCALE = Sizes(posts=10_000, inbox=10_000, years=1)
TINY_LARGE = Sizes(brands=2, posts=3_000, inbox=6_000, years=1, metrics=10)
TINY_SCALE = Sizes(brands=2, posts=1_500, inbox=2_000, years=1, metrics=10)
IMPORT_ROWS = 100_000
TINY_IMPORT_ROWS = 1_000
STACK = "import textual.app, sqlalchemy.orm, pendulum, pydantic"


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    measured: str
    baseline: str
    ratio: str
    target: str
    ok: bool | None  # None: could not be measured


def _ratio_row(
    name: str, ours: float, theirs: float, limit: float, unit: Callable[[float], str]
) -> Figure:
    ratio = ours / theirs if theirs else float("inf")
    return Figure(name, unit(ours), unit(theirs), f"{ratio:.2f}x", f"<= {limit}x", ratio <= limit)


def _seconds(value: float) -> str:
    return f"{value:.3f} s"


def _micro(value: float) -> str:
    return f"{value * 1e6:,.0f} us"


def _milli(value: float) -> str:
    return f"{value:.1f} ms"


def _worst(name: str, rows: list[Figure], target: str) -> list[Figure]:
    """A heading row carrying the worst of its reads, then the reads themselves indented."""
    worst = max(rows, key=lambda row: float(row.ratio.rstrip("x")))
    ok = all(row.ok for row in rows)
    head = Figure(name, worst.measured, worst.baseline, worst.ratio, target, ok)
    return [head, *[Figure("  " + row.name, *_fields(row)) for row in rows]]


def _fields(row: Figure) -> tuple[str, str, str, str, bool | None]:
    return row.measured, row.baseline, row.ratio, row.target, row.ok


# --- the figures -------------------------------------------------------------------------


def cold_start(workspace: Path, env: dict[str, str], runs: int) -> tuple[Figure, Figure]:
    """Figures 1 and 6: ``smtui`` to its first frame, and its peak memory."""
    ours, theirs = alternate(
        [SMTUI, "--db", str(workspace)],
        [PYTHON, str(HERE / "first_frame.py")],
        runs,
        env=env,
        first_env={"BENCH_WAIT_SMTUI": "1"},
        first_frame=True,
    )
    seconds, memory = medians(ours)
    base_seconds, _base_memory = medians(theirs)
    stack = [run([PYTHON, "-c", STACK + PEAK_RSS], env) for _n in range(runs)]
    _stack_seconds, stack_memory = medians(stack)
    start = _ratio_row("Cold start to first frame", seconds, base_seconds, 1.5, _seconds)
    extra = memory - stack_memory
    mem = Figure(
        "Peak memory, first screen",
        f"{memory:.1f} MiB",
        f"{stack_memory:.1f} MiB",
        f"{extra:+.1f} MiB",
        "<= +30 MiB",
        extra <= 30,
    )
    return start, mem


def today_json(workspace: Path, env: dict[str, str], runs: int) -> Figure:
    """Figure 2: ``smtui today --json`` against importing the stack it needs."""
    name = "smtui today --json"
    probe = run([SMTUI, "--db", str(workspace), "today", "--help"], env)
    if probe.returncode != 0:
        return Figure(name, "not available", "", "", "<= 1.5x", None)
    ours, theirs = alternate(
        [SMTUI, "--db", str(workspace), "today", "--json"],
        [PYTHON, "-c", "import sqlalchemy, pendulum, pydantic"],
        runs,
        env=env,
    )
    return _ratio_row(name, medians(ours)[0], medians(theirs)[0], 1.5, _seconds)


def queries(large: Path, small: Path, now: datetime, budget: float) -> list[Figure]:
    """Figures 3 and 4: each hot read against raw sqlite3, and on a small against the large
    workspace."""
    figures = time_reads([large, small], now, budget=budget)
    big, little = figures[large], figures[small]
    cost = [
        _ratio_row(
            f"{name} ({big.rows[name]} rows)", big.repository[name], big.raw[name], 3, _micro
        )
        for name in READS
    ]
    scale = []
    for name in READS:
        ours, theirs = big.repository[name], little.repository[name]
        ratio = max(ours, theirs) / min(ours, theirs)
        scale.append(
            Figure(name, _micro(ours), _micro(theirs), f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5)
        )
    return [
        *_worst("Query cost vs raw sqlite3", cost, "<= 3x"),
        *_worst("Scale: large vs 10,000 items", scale, "<= 1.5x"),
    ]


def keys(workspace: Path, env: dict[str, str], presses: int) -> list[Figure]:
    """Figure 5: key press to next frame in the queue and calendar, against a bare table."""
    result = run([PYTHON, str(HERE / "keys.py"), str(workspace), "--presses", str(presses)], env)
    if result.returncode != 0:
        raise RuntimeError(f"keys.py failed: {result.stderr.strip()[-500:]}")
    figures = json.loads(result.stdout)
    rows = [
        _ratio_row(f"{label} ({key})", figures[name], figures[baseline], 1.5, _milli)
        for name, label, key, baseline in (
            ("queue", "queue", "down", "datatable"),
            ("queue_scrolling", "queue, scrolling", "down", "datatable_scrolling"),
            ("calendar", "calendar", "right", "datatable"),
        )
    ]
    return _worst("Key to next frame vs DataTable", rows, "<= 1.5x")


def _write_inbox_csv(path: Path, workspace: Path, rows: int, now: datetime) -> tuple[str, int]:
    """A CSV in smtui's inbox format for the workspace's first brand; its name and id."""
    connection = sqlite3.connect(workspace)
    try:
        brand_id, brand = connection.execute("SELECT id, name FROM brand ORDER BY id").fetchone()
        handles = [
            handle
            for (handle,) in connection.execute(
                "SELECT handle FROM channel WHERE brand_id = ? ORDER BY id", (brand_id,)
            )
        ]
    finally:
        connection.close()
    kinds = ("comment", "mention", "dm", "question", "review", "share")
    texts = (
        "Ce pain au levain 😍 vous ouvrez à quelle heure dimanche?",
        "Do you cater for 40 people on December 12? Gluten-free options?",
        "Best croissant in the Plateau, hands down.",
        "I want a refund for my order of Saturday",
    )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ("received_at", "channel", "kind", "author_name", "author_handle", "text", "url",
             "external_id", "tags", "priority")
        )  # fmt: skip
        for number in range(rows):
            received = now - timedelta(minutes=7 * (rows - number))
            writer.writerow(
                (
                    received.astimezone(UTC).isoformat(),
                    handles[number % len(handles)],
                    kinds[number % len(kinds)],
                    f"Author {number}",
                    f"@author{number}",
                    texts[number % len(texts)],
                    f"https://example.com/c/{number}",
                    f"csv-{number}",
                    "imported" if number % 3 == 0 else "",
                    "",
                )
            )
    return brand, brand_id


def _with_tty_stderr(command: list[str], env: dict[str, str]) -> tuple[Run, str]:
    """Run with stderr on a pseudo-terminal, as a person would, and keep what it showed."""
    import pty

    master, slave = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        result = run(command, env, stderr_fd=slave)
    finally:
        os.close(slave)
        reader.join(timeout=2)
        os.close(master)
    return result, b"".join(shown).decode("utf-8", errors="replace")


def imports(
    small: Path, env: dict[str, str], rows: int, now: datetime, folder: Path, runs: int
) -> Figure:
    """Figure 7: rows per second of ``smtui import inbox`` against raw executemany, each the
    median of ``runs`` imports into a fresh copy of the workspace, alternated."""
    source = folder / "inbox.csv"
    brand, brand_id = _write_inbox_csv(source, small, rows, now)
    ours_db, raw_db = folder / "import-smtui.sqlite", folder / "import-raw.sqlite"
    command = [SMTUI, "--db", str(ours_db), "import", "inbox", str(source), "--brand", brand]
    ours_runs, raw_runs, bar = [], [], True
    for _n in range(runs):
        shutil.copyfile(small, ours_db)
        ours, shown = _with_tty_stderr(command, env)
        if ours.returncode != 0 or f"Imported {rows} items" not in ours.stdout:
            raise RuntimeError(f"smtui import inbox failed: {ours.stdout} {ours.stderr} {shown}")
        bar = bar and "Importing" in shown
        shutil.copyfile(small, raw_db)
        raw_command = [PYTHON, str(HERE / "raw_import.py"), str(raw_db), str(source), str(brand_id)]
        raw = run(raw_command, env)
        if raw.returncode != 0:
            raise RuntimeError(f"raw import failed: {raw.stderr}")
        ours_runs.append(ours)
        raw_runs.append(raw)
    ours_seconds, raw_seconds = medians(ours_runs)[0], medians(raw_runs)[0]
    rate, raw_rate = rows / ours_seconds, rows / raw_seconds
    ratio = rate / raw_rate
    return Figure(
        f"Import {rows:,} inbox rows" + ("" if bar else " (no progress bar)"),
        f"{rate:,.0f} rows/s",
        f"{raw_rate:,.0f} rows/s",
        f"{ratio:.2f}x",
        ">= 0.5x, bar shown",
        ratio >= 0.5 and bar,
    )


# --- the table ---------------------------------------------------------------------------


def table(figures: list[Figure]) -> str:
    header = ("Figure", "Measured", "Baseline", "Ratio", "Target", "")
    lines = [(f.name, f.measured, f.baseline, f.ratio, f.target, _verdict(f.ok)) for f in figures]
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    out = []
    for number, row in enumerate([header, *lines]):
        out.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |")
        if number == 0:
            out.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(out)


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("OK" if ok else "FAIL")


def _workspace(path: Path, sizes: Sizes, env: dict[str, str]) -> Path:
    """Build the workspace in its own process (the harness keeps a small heap of its own)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} ...", file=sys.stderr)
        options = [
            f"--{name}={getattr(sizes, name)}"
            for name in ("brands", "posts", "inbox", "years", "metrics", "seed")
        ]
        made = run([PYTHON, str(HERE / "make_workspace.py"), str(path), *options], env)
        if made.returncode != 0:
            raise RuntimeError(f"make_workspace.py failed: {made.stderr.strip()[-500:]}")
        print(f"built in {made.seconds:.1f} s", file=sys.stderr)
    return path


def compile_bytecode() -> None:
    """Compile smtui's modules as ``pip install .`` does, so that every process measured
    loads bytecode. An editable install compiles each module when first imported, and not
    at all where ``PYTHONDONTWRITEBYTECODE`` is set (as on our CI machines): each start
    would then compile the whole package from source, which no installed smtui does."""
    import smtui

    compileall.compile_dir(Path(smtui.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, help="the large workspace (built if missing)")
    parser.add_argument("--small", action="store_true", help="tiny sizes: check, not measure")
    parser.add_argument("--runs", type=int, default=5, help="runs of each process figure")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure fails")
    args = parser.parse_args(argv)
    large_sizes, scale_sizes = (TINY_LARGE, TINY_SCALE) if args.small else (LARGE, SCALE)
    runs = 1 if args.small else max(args.runs, 1)
    default_name = "tiny.sqlite" if args.small else "large.sqlite"
    workspace = args.workspace or Path(tempfile.gettempdir()) / "smtui-bench" / default_name
    instant = os.environ.get("SMTUI_NOW") or datetime.now(UTC).replace(microsecond=0).isoformat()
    if workspace.exists():
        built_at = saved_now(workspace)
        if built_at is None:
            parser.error(f"{workspace} was not made by make_workspace.py")
        instant = built_at.isoformat()
    env = {"SMTUI_NOW": instant, "SMTUI_DB": "", "LANGUAGE": "en", "LANG": "C.UTF-8"}
    compile_bytecode()
    large = _workspace(workspace, large_sizes, env)
    now = datetime.fromisoformat(instant)
    with tempfile.TemporaryDirectory(prefix="smtui-bench-") as name:
        folder = Path(name)
        small = _workspace(folder / "scale.sqlite", scale_sizes, env)
        figures: list[Figure] = []
        start, memory = cold_start(large, env, runs)
        figures.append(start)
        figures.append(today_json(large, env, runs))
        figures.extend(queries(large, small, now, 0.05 if args.small else 0.5))
        figures.extend(keys(large, env, 3 if args.small else 30))
        figures.append(memory)
        rows = TINY_IMPORT_ROWS if args.small else IMPORT_ROWS
        figures.append(imports(small, env, rows, now, folder, min(runs, 3)))
    print(table(figures))
    print(f"\nworkspace: {large} ({large.stat().st_size / 2**20:,.0f} MiB), now = {instant}")
    failed = [figure.name for figure in figures if figure.ok is False]
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
