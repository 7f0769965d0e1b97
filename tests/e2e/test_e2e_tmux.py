"""End-to-end test in a real terminal: the installed ``smtui`` script runs inside tmux, is
driven with real key presses, and is checked on what tmux says is on the screen.

Pilot tests drive the app from inside its own event loop; this one catches what they
cannot see: the console script and its entry point, the terminal's own key encoding
(ctrl+s reaching the app rather than freezing the terminal), drawing on a real pty, and a
quit that leaves the database whole for the next start.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smtui.domain.clock import Clock
from smtui.domain.enums import Platform
from smtui.screens.registry import screen_entries
from smtui.store import Store

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

WIDTH, HEIGHT = 120, 36
SESSION = "e2e"
WAIT = 10.0  # seconds a step may take before the test gives up
START_WAIT = 20.0  # the first draw also imports Textual and opens the database
BRAND = "Maple & Grain"
TITLE = "E2E-42"  # short enough not to wrap in the day list
BODY = "Written in a real terminal"


class Terminal:
    """One tmux server on its own socket, with one pane whose program can be replaced."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"smtui-e2e-{uuid.uuid4().hex[:12]}"
        self.env = env
        self.started = False
        self.runs = 0
        self.marker = ""

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WAIT,
            check=True,
        )
        return result.stdout

    def run(self, *command: str) -> None:
        """Run ``command`` in the pane, through a shell that prints its exit status once it
        ends (tmux's own ``pane_dead_status`` is not always filled in); the pane stays."""
        self.runs += 1
        line = " ".join(shlex.quote(part) for part in command)
        marker = f"[run {self.runs} exited with status"
        self.marker = marker
        shell = f'{line}; echo "{marker} $?]"'
        if not self.started:
            self.tmux(
                "new-session", "-d", "-s", SESSION, "-x", str(WIDTH), "-y", str(HEIGHT), shell,
                ";", "set-option", "-t", SESSION, "remain-on-exit", "on",
            )  # fmt: skip
            self.started = True
        else:
            self.tmux("respawn-pane", "-k", "-t", SESSION, shell)

    def screen(self, scrollback: bool = False) -> str:
        """The text on screen (with ``scrollback``, what scrolled off it too), long lines
        unwrapped."""
        start = ["-S", "-"] if scrollback else []
        return self.tmux("capture-pane", "-p", "-J", *start, "-t", SESSION)

    def keys(self, *keys: str) -> None:
        """Key names as tmux spells them (Enter, Down, Tab, C-s)."""
        self.tmux("send-keys", "-t", SESSION, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", SESSION, "-l", text)

    def exit_status(self) -> int | None:
        """The exit status of the last program run, or None while it runs."""
        found = re.search(re.escape(self.marker) + r" (\d+)\]", self.screen(scrollback=True))
        return int(found.group(1)) if found else None

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = WAIT) -> str:
        """Poll the screen until ``check`` holds; fail showing the last screen otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if check(shown):
                return shown
            if time.monotonic() > deadline:
                pytest.fail(f"waited {timeout:.0f} s for {what}; the screen shows:\n{shown}")
            time.sleep(0.1)

    def wait_for_text(self, text: str, timeout: float = WAIT) -> str:
        return self.wait_for(lambda shown: text in shown, repr(text), timeout)

    def wait_for_focus(self, label: str) -> None:
        """Wait until the terminal's cursor sits on the form line of ``label``.

        Text sent in the same instant as a Tab was seen to vanish (it reached neither field),
        so each Tab is followed by this before typing.
        """

        def focused(shown: str) -> bool:
            row = int(self.tmux("display-message", "-p", "-t", SESSION, "#{cursor_y}"))
            lines = shown.splitlines()
            return row < len(lines) and field_shows(lines[row], label, "")

        self.wait_for(focused, f"the cursor on {label!r}")

    def wait_for_exit(self, timeout: float = WAIT) -> int:
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                pytest.fail(f"the program did not exit; the screen shows:\n{self.screen()}")
            time.sleep(0.1)
        return status

    def close(self) -> None:
        if self.started:
            subprocess.run(
                ["tmux", "-L", self.socket, "kill-server"],
                env=self.env,
                capture_output=True,
                timeout=WAIT,
                check=False,
            )


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    env = dict(os.environ)  # SMTUI_NOW is already the fixed instant (see conftest)
    env.pop("SMTUI_DB", None)
    env.pop("TMUX", None)  # a test run from inside tmux must not talk to the user's server
    env.update(LANGUAGE="en", LC_ALL="C.UTF-8", TERM="xterm-256color")
    term = Terminal(env)
    try:
        yield term
    finally:
        term.close()


def installed_smtui() -> str:
    """The console script installed beside the Python running the tests (the same venv)."""
    script = Path(sys.executable).parent / "smtui"
    assert script.is_file(), f"smtui is not installed beside {sys.executable}"
    return str(script)


def header(title: str) -> str:
    return f"smtui — {title} — {BRAND}"


def field_shows(shown: str, label: str, value: str) -> bool:
    """Whether the form line of ``label`` shows ``value`` (so the key went to that field)."""
    return any(
        line.split("█")[1].strip().startswith(label) and value in line
        for line in shown.splitlines()
        if line.count("█") >= 2
    )


def test_demo_screens_new_post_quit_and_reopen(
    terminal: Terminal, tmp_path: Path, clock: Clock
) -> None:
    smtui = installed_smtui()
    db = tmp_path / "workspace.sqlite"
    assert not db.exists()

    # A fresh database filled with the demo, by the command a new user runs first.
    terminal.run(smtui, "--db", str(db), "demo")
    assert terminal.wait_for_exit(START_WAIT) == 0, terminal.screen(scrollback=True)
    assert f"demo brand {BRAND}" in terminal.screen(scrollback=True)

    # Open the app and visit every screen by its number key.
    terminal.run(smtui, "--db", str(db))
    entries = screen_entries()
    terminal.wait_for_text(header(entries[0].title), START_WAIT)
    for entry in [*entries[1:], entries[0]]:
        terminal.keys(entry.key)
        terminal.wait_for_text(header(entry.title))

    # A new post on today's date, on LinkedIn, typed with the keyboard alone.
    terminal.keys("2")
    terminal.wait_for_text(header("Calendar"))
    terminal.wait_for_text("Monday 23 November  (today)")
    terminal.keys("n")
    terminal.wait_for_text("characters (no limit on Blog)")  # the editor is up and counting
    terminal.keys("Enter")  # the channel is the first field: open its list
    terminal.wait_for(
        lambda shown: shown.count("Newsletter La Fournée") == 1 and "▲" in shown,
        "the channel list to open",
    )
    terminal.keys("Down", "Down", "Down", "Enter")
    terminal.wait_for(
        lambda shown: field_shows(shown, "Channel *", "LinkedIn Maple & Grain"), "LinkedIn"
    )
    for label in ("Date", "Time", "Title"):  # today and 09:00 are kept
        terminal.keys("Tab")
        terminal.wait_for_focus(label)
    terminal.type(TITLE)
    terminal.wait_for(lambda shown: field_shows(shown, "Title", TITLE), "the title")
    terminal.keys("Tab")
    terminal.wait_for_focus("Text")
    terminal.type(BODY)
    terminal.wait_for(lambda shown: field_shows(shown, "Text", BODY), "the text")
    terminal.keys("C-s")
    terminal.wait_for(
        lambda shown: "ctrl+s save" not in shown and f"LinkedIn  {TITLE}" in shown,
        "the editor to close and the post to show in the day list",
    )

    terminal.keys("q")
    assert terminal.wait_for_exit() == 0

    # Reopened, the post is still there: on the calendar and in the database.
    terminal.run(smtui, "--db", str(db))
    terminal.wait_for_text(header(entries[0].title), START_WAIT)
    terminal.keys("2")
    shown = terminal.wait_for_text(f"LinkedIn  {TITLE}")
    assert "09:00" in next(line for line in shown.splitlines() if TITLE in line)
    terminal.keys("q")
    assert terminal.wait_for_exit() == 0

    store, _result = Store.open(db, clock)
    try:
        (brand,) = store.brands.list()
        assert brand.id is not None
        [post] = [post for post in store.posts.list(brand.id) if post.title == TITLE]
        channel = next(c for c in store.channels.list(brand.id) if c.id == post.channel_id)
        assert channel.platform is Platform.LINKEDIN
        assert post.body == BODY
        assert post.scheduled_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 09:00 local
    finally:
        store.close()
