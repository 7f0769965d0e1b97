"""Where the tests find the repository, their sample files and the benchmark scripts,
whichever folder of ``tests/`` a test lives in."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
DATA = TESTS / "data"
BENCH = REPO / "benchmarks"
