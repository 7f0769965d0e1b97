"""Tests that a non-editable install works: build the wheel, install it into a new venv and
run the installed ``smtui`` away from the source tree. This catches what an editable install
hides: the stylesheet, the migrations and the catalogue must travel inside the wheel.

The new venv borrows the dependencies of the venv running the tests (which `.ci/run` has
just installed from the package index, from the same requirements): the wheel goes in with
``--no-deps``, and ``pip check`` proves that its requirements are met by what is there.
Building the wheel needs the package index (for hatchling); only when the index cannot be
reached is the test skipped.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from paths import REPO

from smtui import __version__

pytestmark = pytest.mark.slow

# What pip prints when it cannot reach an index, as opposed to a broken package.
NETWORK_FAILURES = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Connection refused",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "Could not fetch URL",
    "ProxyError",
)


def index_reachable() -> tuple[bool, str]:
    """Whether the package index answers on its port: a quick probe before minutes of pip."""
    url = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple")
    parts = urlsplit(url)
    if parts.scheme == "file":
        return True, url
    host = parts.hostname or "pypi.org"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=10).close()
    except OSError as error:
        return False, f"{host}:{port}: {error}"
    return True, url


def run(command: list[str | Path], cwd: Path, *, pip: bool = False) -> str:
    """Run ``command``; fail with its output, or skip if pip could not reach the index."""
    env = dict(os.environ)
    for name in ("SMTUI_DB", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        if pip and any(marker in output for marker in NETWORK_FAILURES):
            pytest.skip(f"the package index is unreachable:\n{output[-2000:]}")
        pytest.fail(f"{' '.join(map(str, command))} exited {result.returncode}:\n{output}")
    return result.stdout


def borrow_dependencies(venv: Path) -> None:
    """Put the test venv's packages at the end of ``venv``'s path, as a plain folder: its
    ``.pth`` files, among them the editable smtui's, are not read from there, so ``import
    smtui`` can only find the wheel installed into ``venv`` itself."""
    (purelib,) = (venv / "lib").glob("python3*/site-packages")
    theirs = sysconfig.get_paths()["purelib"]
    (purelib / "zz_borrowed_dependencies.pth").write_text(theirs + "\n", encoding="utf-8")


def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    reachable, where = index_reachable()
    if not reachable:
        pytest.skip(f"the package index is unreachable ({where})")

    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", ".", "-w", dist], REPO, pip=True)
    (wheel,) = dist.glob("smtui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "smtui/smtui.tcss" in names
    assert "smtui/migrations/env.py" in names
    assert "smtui/migrations/versions/0001_initial.py" in names
    assert "smtui/locale/fr/LC_MESSAGES/smtui.mo" in names

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path)
    python, smtui = venv / "bin" / "python", venv / "bin" / "smtui"
    borrow_dependencies(venv)
    run([python, "-m", "pip", "install", "--no-deps", wheel], tmp_path, pip=True)
    run([python, "-m", "pip", "check"], tmp_path)

    # The installed package, not the source tree, is what runs.
    package = Path(
        run(
            [python, "-c", "import smtui, pathlib; print(pathlib.Path(smtui.__file__).parent)"],
            tmp_path,
        ).strip()
    )
    assert package.is_relative_to(venv)
    assert (package / "smtui.tcss").is_file()
    assert (package / "migrations" / "versions" / "0001_initial.py").is_file()
    # The app finds its stylesheet when its module is imported: check it does from the wheel.
    run([python, "-c", "import smtui.app"], tmp_path)
    # And its French catalogue, chosen by the environment as any gettext program's.
    french = "import os; os.environ['LANGUAGE'] = 'fr'; from smtui.domain.i18n import _; "
    french += "print(_('Today'))"
    assert run([python, "-c", french], tmp_path).strip() == "Aujourd’hui"

    assert run([smtui, "--version"], tmp_path).strip() == f"smtui {__version__}"
    database = tmp_path / "x.sqlite"
    assert "Maple & Grain" in run([smtui, "--db", database, "demo"], tmp_path)
    assert "(head)" in run([smtui, "--db", database, "db", "current"], tmp_path)
    assert "Integrity: ok" in run([smtui, "--db", database, "db", "check"], tmp_path)
