"""Runs the linters as part of the test suite, so that ``pytest`` alone tells whether a change
is ready: ruff's rules, and the import-linter contracts that keep the layers apart (no Textual
in the domain or the store, no SQL in the screens and widgets)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO

BIN = Path(sys.executable).parent


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    """Run a tool installed beside this Python (the venv's bin folder) from the repo root."""
    executable = BIN / command[0]
    if not executable.exists():
        pytest.fail(f"{command[0]} is not installed in {BIN}; install the [test] extra")
    return subprocess.run(
        [str(executable), *command[1:]],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ruff() -> None:
    folders = [
        name
        for name in ("smtui", "tests", "migrations", "benchmarks", "scripts")
        if (REPO / name).exists()
    ]
    result = run_tool("ruff", "check", *folders)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts() -> None:
    result = run_tool("lint-imports")
    assert result.returncode == 0, result.stdout + result.stderr
