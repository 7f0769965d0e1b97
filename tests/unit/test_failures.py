"""How a failed store call is classified (for the UI and the CLI alike), and where an
unexpected one's details are logged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from smtui.boundary import write_error_log
from smtui.store.errors import NotFoundError
from smtui.store.failures import FailureKind, classify, failure_message


def wrapped(message: str) -> OperationalError:
    return OperationalError("INSERT", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (wrapped("database is locked"), FailureKind.BUSY),
        (wrapped("database or disk is full"), FailureKind.FULL),
        (wrapped("attempt to write a readonly database"), FailureKind.DENIED),
        (PermissionError(13, "Permission denied", "/x"), FailureKind.DENIED),
        (NotFoundError("post 3 is gone"), FailureKind.DELETED),
        (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE")), FailureKind.UNEXPECTED),
        (ValueError("a bug"), None),
    ],
)
def test_classify(error: BaseException, kind: FailureKind | None) -> None:
    assert classify(error) is kind


def test_the_messages_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    for kind in (FailureKind.BUSY, FailureKind.FULL, FailureKind.DENIED):
        assert str(path) in failure_message(kind, path)
    log = tmp_path / "errors.log"
    assert str(log) in failure_message(FailureKind.UNEXPECTED, path, log)


def test_an_unexpected_error_is_logged_in_the_user_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    try:
        raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint"))
    except IntegrityError as error:
        log = write_error_log(error, tmp_path / "w.sqlite")
    assert log is not None and log.is_relative_to(tmp_path / "state")
    assert "UNIQUE constraint" in log.read_text(encoding="utf-8")
