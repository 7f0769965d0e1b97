"""Provides the whole-process measures: a command's wall time, and the time to its first
frame and the peak memory at that frame, as noted by :mod:`first_frame`'s driver (or printed
by a command that reports its own, see :data:`PEAK_RSS`).

Every figure is the median of several runs, alternated with its baseline, so that a burst of
load on a shared two-core machine lands on both sides alike.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
SMTUI = str(VENV_BIN / "smtui")
PYTHON = sys.executable
# Appended to a ``python -c`` command so that it prints its own peak memory last.
PEAK_RSS = (
    f"; import sys; sys.path.insert(0, {str(HERE)!r}); from first_frame import peak_rss_kib; "
    "print('peak_rss_kib', peak_rss_kib())"
)


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float  # wall time from start to exit, or to the first frame when one is noted
    peak_rss_mib: float  # at the first frame, or as the command printed it; else NaN
    returncode: int
    stdout: str
    stderr: str


def run(
    command: Sequence[str],
    env: dict[str, str] | None = None,
    *,
    first_frame: bool = False,
    stderr_fd: int | None = None,
    timeout: float = 600,
) -> Run:
    """Run ``command`` to its end; with ``first_frame`` the time is to the first frame."""
    environment = {**os.environ, **(env or {})}
    with tempfile.TemporaryDirectory() as folder:
        frame_file = Path(folder) / "frame"
        if first_frame:
            environment["TEXTUAL_DRIVER"] = "first_frame:FirstFrameDriver"
            environment["PYTHONPATH"] = os.pathsep.join(
                filter(None, [str(HERE), environment.get("PYTHONPATH")])
            )
            environment["BENCH_FRAME_FILE"] = str(frame_file)
        out = Path(folder) / "out"
        err = Path(folder) / "err"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            started_wall = time.time()
            started = time.perf_counter()
            process = subprocess.Popen(
                list(command),
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr_fd if stderr_fd is not None else stderr,
            )
            deadline = started + timeout
            while True:
                pid, status = os.waitpid(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                    pid, status = os.waitpid(process.pid, 0)
                    break
                time.sleep(0.002)
            elapsed = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
        printed = out.read_text(encoding="utf-8", errors="replace")
        peak = float("nan")
        if printed.rstrip().rsplit("\n", 1)[-1].startswith("peak_rss_kib "):
            peak = int(printed.rstrip().rsplit(" ", 1)[-1]) / 1024
        if first_frame:
            elapsed = float("nan")
            if frame_file.exists():
                note = json.loads(frame_file.read_text(encoding="utf-8"))
                elapsed = note["time"] - started_wall
                peak = note["peak_rss_kib"] / 1024
        return Run(
            seconds=elapsed,
            peak_rss_mib=peak,
            returncode=process.returncode,
            stdout=printed,
            stderr=err.read_text(encoding="utf-8", errors="replace"),
        )


def medians(runs: Sequence[Run]) -> tuple[float, float]:
    """Median seconds and median peak memory (MiB) of runs that succeeded."""
    ok = [item for item in runs if item.returncode == 0 and not math.isnan(item.seconds)]
    if not ok:
        detail = runs[-1].stderr.strip().splitlines()[-1:] if runs else []
        raise RuntimeError(f"every run failed: {' '.join(detail)}")
    return (
        statistics.median(item.seconds for item in ok),
        statistics.median(item.peak_rss_mib for item in ok),
    )


def alternate(
    first: Sequence[str],
    second: Sequence[str],
    times: int,
    *,
    env: dict[str, str] | None = None,
    first_env: dict[str, str] | None = None,
    first_frame: bool = False,
) -> tuple[list[Run], list[Run]]:
    """Run two commands in turn ``times`` times each; one warm-up run of each first."""
    ours: list[Run] = []
    theirs: list[Run] = []
    run(first, {**(env or {}), **(first_env or {})}, first_frame=first_frame)
    run(second, env, first_frame=first_frame)
    for _n in range(times):
        ours.append(run(first, {**(env or {}), **(first_env or {})}, first_frame=first_frame))
        theirs.append(run(second, env, first_frame=first_frame))
    return ours, theirs
