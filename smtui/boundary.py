"""Provides the app's one error boundary: what happens when a call from a screen to the store
fails, wherever it was made.

Every action, key and callback of the app runs inside Textual's message loop, which hands an
uncaught exception to ``App._handle_exception`` and ends the app with a traceback. The
boundary catches it there instead: a row deleted elsewhere gets a notice and the screen is
read again; a busy file, a full disk or a file that may not be written gets a message naming
the file; anything else gets a message and its details in a log file. The app stays up, and
since every write is one transaction, nothing is left half-written.

A key's action that meets a busy file (another program, usually an import, holds the lock)
is said to be retrying and run again on a timer, a few times, so the screen keeps answering
keys between tries; a form does the same with its save (:mod:`smtui.widgets.form`).
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smtui.store.failures import FailureKind, busy_retrying_message, classify, failure_message

if TYPE_CHECKING:
    from smtui.settings import Settings

# Seconds between tries of a busy write; each try itself waits SQLite's busy timeout.
RETRY_DELAYS = (0.5, 1.0, 2.0)
LOG_NAME = "errors.log"


def log_paths(db_path: Path) -> list[Path]:
    """Where an unexpected error's details go: the user's log folder (platformdirs), or,
    when that cannot be written, a file beside the database."""
    from platformdirs import user_log_path

    return [user_log_path("smtui") / LOG_NAME, db_path.with_name(db_path.name + "." + LOG_NAME)]


def write_error_log(error: BaseException, db_path: Path) -> Path | None:
    """Append ``error``'s traceback to the first log file that can be written; its path, or
    None when none could (the message then says so without a path)."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(error))
    for path in log_paths(db_path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {stamp} (database {db_path})\n{text}\n")
        except OSError:
            continue
        return path
    return None


class ErrorBoundary:
    """Mixed into the app: needs ``settings``, ``notify``, ``set_timer``, ``screen_stack``
    and ``is_headless`` from it."""

    settings: Settings
    # A bug (an error that is not the store's) still ends the app under Pilot, so that tests
    # see it; a test of the boundary itself sets this to see what a user sees.
    keep_running_on_bugs = False
    action_serial = 0  # counts the actions run, so that a retry knows none came between

    def describe_failure(self, error: BaseException, kind: FailureKind) -> str:
        """The message for a failed store call, after logging it when it is a bug."""
        log = None
        if kind is FailureKind.UNEXPECTED:
            log = write_error_log(error, self.settings.db_path)
        return failure_message(kind, self.settings.db_path, log)

    def report_failure(self, error: BaseException, kind: FailureKind) -> None:
        """Say what went wrong; a deleted row also makes the screen read itself again."""
        app: Any = self
        message = self.describe_failure(error, kind)
        severity = "warning" if kind is FailureKind.DELETED else "error"
        app.notify(message, severity=severity, timeout=10 if severity == "warning" else 20)
        if kind is FailureKind.DELETED:
            from smtui.screens import SmtuiScreen

            for screen in reversed(app.screen_stack):
                if isinstance(screen, SmtuiScreen):
                    screen.reload()
                    break

    def retry_delay(self, error: BaseException, tries: int) -> float | None:
        """How long to wait before trying again after ``error`` (saying so), or None when
        it is not a busy file or the tries are spent."""
        if classify(error) is not FailureKind.BUSY or tries >= len(RETRY_DELAYS):
            return None
        app: Any = self
        app.notify(busy_retrying_message(), severity="warning", timeout=RETRY_DELAYS[tries] + 1)
        return RETRY_DELAYS[tries]

    def handled(self, error: Exception) -> bool:
        """Whether the boundary dealt with ``error`` (the app then goes on)."""
        app: Any = self
        kind = classify(error)
        if kind is None:
            if app.is_headless and not self.keep_running_on_bugs:
                return False
            kind = FailureKind.UNEXPECTED
        self.report_failure(error, kind)
        return True
