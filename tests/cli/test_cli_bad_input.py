"""Every ``smtui`` argument a user can get wrong, run through the real command line on a real
demo workspace: the answer names the option, field or line at fault, the exit status is 2
for a usage error (a bad option value) and 1 for bad data (a file's content, the workspace),
no traceback is printed, and nothing is written.

Which option and which message each case expects is in the table, so a new command joins by
adding rows.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from smtui.cli import cli

USAGE, DATA = 2, 1
NOW = "2026-11-23T13:30:00+00:00"  # the instant conftest freezes every test at
COUNTED = ("brand", "channel", "post", "inbox_item", "metric", "metric_value", "feed")


@dataclass(frozen=True, slots=True)
class Bad:
    """One wrong invocation: its arguments (``{dir}`` is the folder of its files), the files
    it needs, its exit status and the words the message must hold."""

    name: str
    args: tuple[str, ...]
    status: int
    says: tuple[str, ...]
    files: tuple[tuple[str, bytes], ...] = ()
    env: tuple[tuple[str, str], ...] = ()


POSTS_CSV = (
    b"channel,date,time,body,link\n"
    b"linkedin,2026-02-30,09:00,a day that does not exist,\n"
    b"linkedin,2027-03-14,02:30,a time the clocks skip,\n"
    b"mastodon,2026-12-01,09:00,a channel the brand lacks,\n"
    b"linkedin,2026-12-01,25:99,an hour past 24,\n"
    b"linkedin,2026-12-01,09:00,a malformed link,notaurl\n"
    b"linkedin,2026-12-01,09:00,,\n"
    b"instagram,2026-12-01,09:00," + b"x" * 2300 + b",\n"
)
METRICS_CSV = (
    b"metric,channel,date,value\n"
    b"followers,linkedin,2026-02-30,10\n"
    b"followers,linkedin,2026-11-01,abc\n"
    b"followers,mastodon,2026-11-01,3\n"
    b"followers,linkedin,2026-11-01,1e999\n"
)
X_EXPORT = (
    b"Tweet id,Tweet permalink,Tweet text,time,impressions,likes\n"
    b"1,https://x.com/maple/status/1,hello,2026-11-01 10:00 +0000,3,4\n"
)
INSTAGRAM_EXPORT = (
    b"Post ID,Account username,Publish time,Permalink,Views,Reach,Likes,Comments\n"
    b"1,mapleandgrain,11/10/2026 21:00,https://instagram.com/p/1,-3,nan,1e999,2.5\n"
    b"2,mapleandgrain,02/30/2026 21:00,https://instagram.com/p/2,1,1,1,1\n"
)
INBOX_CSV = (
    b"received_at,channel,kind,text,url,priority\n"
    b"2026-02-30 10:00,linkedin,comment,hi,,\n"
    b"2026-11-20 10:00,mastodon,comment,hi,,\n"
    b"2026-11-20 10:00,linkedin,bogus,hi,,\n"
    b"2026-11-20 10:00,linkedin,comment,hi,notaurl,\n"
    b"2026-11-20 10:00,linkedin,comment,hi,,sometimes\n"
    b"2026-11-20 10:00,linkedin,comment," + b"x" * 20_001 + b",,\n"
)
NOT_UTF8 = b"\xe9t\xe9,\xff\n"

CASES = [
    # --- dates and periods ------------------------------------------------------------------
    Bad("day that does not exist", ("export", "posts", "--csv", "{dir}/o.csv",
        "--from", "2026-02-30"), USAGE, ("--from", "'2026-02-30' is not a day")),
    Bad("not a day", ("export", "calendar", "--ics", "{dir}/o.ics", "--to", "tomorrow"),
        USAGE, ("--to", "tomorrow")),
    Bad("days reversed", ("export", "calendar", "--ics", "{dir}/o.ics", "--from", "2026-03-01",
        "--to", "2026-02-01"), USAGE, ("--to", "before")),
    Bad("brief of a day that does not exist", ("today", "--date", "2026-02-30"), USAGE,
        ("--date", "2026-02-30")),
    Bad("brief of a day in words it does not know", ("today", "--date", "someday"), USAGE,
        ("--date", "someday")),
    Bad("unknown period", ("export", "report", "--md", "{dir}/r.md", "--period", "5x"),
        USAGE, ("--period", "4w")),
    Bad("period with a day that does not exist", ("export", "report", "--md", "{dir}/r.md",
        "--period", "2026-02-30:2026-03-01"), USAGE, ("--period", "YYYY-MM-DD")),
    Bad("period reversed", ("export", "report", "--md", "{dir}/r.md", "--period",
        "2026-03-01:2026-02-01"), USAGE, ("--period", "before")),
    # --- numbers ----------------------------------------------------------------------------
    Bad("run zero", ("export", "audit", "--md", "{dir}/a.md", "--run", "0"), USAGE, ("--run",)),
    Bad("negative run", ("export", "audit", "--md", "{dir}/a.md", "--run", "-3"), USAGE,
        ("--run",)),
    Bad("run not a number", ("export", "audit", "--md", "{dir}/a.md", "--run", "abc"), USAGE,
        ("--run", "abc")),
    Bad("run that does not exist", ("export", "audit", "--md", "{dir}/a.md", "--run", "999"),
        USAGE, ("--run", "999")),
    # --- names: brand, channel, format ------------------------------------------------------
    Bad("unknown brand", ("export", "calendar", "--ics", "{dir}/o.ics", "--brand", "Nope"),
        USAGE, ("--brand", "Nope", "Maple & Grain")),
    Bad("unknown brand for the brief", ("today", "--brand", "Nope"), USAGE, ("--brand",)),
    Bad("unknown brand in feeds", ("feeds", "list", "--brand", "Nope"), USAGE, ("--brand",)),
    Bad("unknown brand to fetch", ("feeds", "fetch", "--brand", "Nope"), USAGE, ("--brand",)),
    Bad("unknown channel for posts", ("import", "posts", "{dir}/p.csv", "--channel", "myspace"),
        USAGE, ("--channel", "myspace"), (("p.csv", POSTS_CSV),)),
    Bad("unknown channel for the inbox", ("import", "inbox", "{dir}/i.csv", "--channel",
        "myspace"), USAGE, ("--channel", "myspace"), (("i.csv", INBOX_CSV),)),
    Bad("unknown channel for metrics", ("import", "metrics", "{dir}/m.csv", "--channel",
        "myspace"), USAGE, ("--channel", "myspace"), (("m.csv", METRICS_CSV),)),
    Bad("ambiguous platform", ("import", "metrics", "{dir}/m.csv", "--channel", "facebook",
        "--format", "x-tweet-activity"), USAGE, ("--channel",), (("m.csv", X_EXPORT),)),
    Bad("unknown post format", ("import", "posts", "{dir}/p.csv", "--format", "buffer"), USAGE,
        ("--format", "buffer"), (("p.csv", POSTS_CSV),)),
    Bad("unknown metrics format", ("import", "metrics", "{dir}/m.csv", "--format", "tiktok"),
        USAGE, ("--format", "tiktok"), (("m.csv", METRICS_CSV),)),
    Bad("unknown inbox format", ("import", "inbox", "{dir}/i.csv", "--format", "xml"), USAGE,
        ("--format", "xml"), (("i.csv", INBOX_CSV),)),
    # --- files and addresses ----------------------------------------------------------------
    Bad("missing file", ("import", "posts", "{dir}/nowhere.csv"), USAGE, ("FILE", "nowhere")),
    Bad("folder as the file", ("import", "inbox", "{dir}"), USAGE, ("FILE", "directory")),
    Bad("export into a missing folder", ("export", "report", "--md", "{dir}/no/r.md"), USAGE,
        ("--md", "does not exist")),
    Bad("audit into a missing folder", ("export", "audit", "--md", "{dir}/no/a.md"), USAGE,
        ("--md", "does not exist")),
    Bad("calendar into a missing folder", ("export", "calendar", "--ics", "{dir}/no/o.ics"),
        USAGE, ("--ics", "does not exist")),
    Bad("posts into a missing folder", ("export", "posts", "--csv", "{dir}/no/o.csv"),
        USAGE, ("--csv", "does not exist")),
    Bad("feed address not a URL", ("feeds", "add", "notaurl"), USAGE, ("URL",)),
    Bad("feed address malformed", ("feeds", "add", "http://[x"), USAGE, ("URL",)),
    Bad("feed address of an unknown user's home", ("feeds", "add", "~nosuchuser/f.xml"),
        USAGE, ("URL",)),
    # --- file contents: data errors, every bad line named ------------------------------------
    Bad("bad post lines", ("import", "posts", "{dir}/p.csv"), DATA, (
        "line 2: date: '2026-02-30' is not a day",
        "line 3: time: 02:30 does not exist on 2027-03-14",
        "line 4: channel: no channel mastodon",
        "line 5: time: '25:99' is not a time",
        "line 6: link: enter a full web address",
        "line 7: body: empty",
        "line 8: body: 2300 characters",
        "7 bad lines",
        "nothing was imported",
    ), (("p.csv", POSTS_CSV),)),
    Bad("posts not UTF-8", ("import", "posts", "{dir}/p.csv", "--format", "smtui"), DATA,
        ("UTF-8",), (("p.csv", NOT_UTF8),)),
    Bad("posts file empty", ("import", "posts", "{dir}/p.csv"), DATA, ("empty",),
        (("p.csv", b""),)),
    Bad("posts header unknown", ("import", "posts", "{dir}/p.csv"), DATA, ("--format",),
        (("p.csv", b"a,b\n1,2\n"),)),
    Bad("bad metric lines", ("import", "metrics", "{dir}/m.csv"), DATA, (
        "line 2: date: '2026-02-30'",
        "line 3: value: 'abc' is not a number",
        "line 4: channel",
        "line 5: value: '1e999' is not a number",
        "nothing was imported",
    ), (("m.csv", METRICS_CSV),)),
    Bad("brand has no channel on the file's platform", ("import", "metrics", "{dir}/x.csv"),
        DATA, ("no X channel",), (("x.csv", X_EXPORT),)),
    Bad("negative, NaN, huge and fractional counts", ("import", "metrics", "{dir}/ig.csv"),
        DATA, (
            "line 2: likes: '1e999' is not a whole count",
            "line 3: Publish time: '02/30/2026 21:00'",
            "2 bad lines",
        ), (("ig.csv", INSTAGRAM_EXPORT),)),
    Bad("metrics not UTF-8", ("import", "metrics", "{dir}/m.csv"), DATA, ("UTF-8",),
        (("m.csv", NOT_UTF8),)),
    Bad("workbook damaged", ("import", "metrics", "{dir}/l.xlsx"), DATA, ("cannot be read",),
        (("l.xlsx", b"PK\x03\x04broken"),)),
    Bad("bad inbox lines", ("import", "inbox", "{dir}/i.csv"), DATA, (
        "line 2: received_at: '2026-02-30 10:00'",
        "line 3: channel: unknown channel 'mastodon'",
        "line 4: kind",
        "line 5: url",
        "line 6: priority",
        "line 7: text: at most 20000 characters",
        "6 bad lines",
    ), (("i.csv", INBOX_CSV),)),
    Bad("inbox not UTF-8", ("import", "inbox", "{dir}/i.csv"), DATA, ("UTF-8",),
        (("i.csv", NOT_UTF8),)),
    Bad("inbox JSON broken", ("import", "inbox", "{dir}/i.json"), DATA, ("not valid JSON",),
        (("i.json", b'{"items": [1,'),)),
    Bad("inbox JSON nested too deep", ("import", "inbox", "{dir}/i.json", "--format", "json"),
        DATA, ("not valid JSON",), (("i.json", b"[" * 100_000),)),
    Bad("inbox JSON items not objects", ("import", "inbox", "{dir}/i.json"), DATA,
        ("item 1: not an object",), (("i.json", b'{"items": [1]}'),)),
    # --- the workspace and the environment --------------------------------------------------
    Bad("demo over a workspace", ("demo",), DATA, ("already holds a workspace", "--force")),
    Bad("frozen clock not an instant", ("feeds", "list"), DATA, ("SMTUI_NOW",),
        env=(("SMTUI_NOW", "yesterday"),)),
]  # fmt: skip


def row_counts(db: Path) -> dict[str, int]:
    connection = sqlite3.connect(db)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in COUNTED
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo workspace for the whole table: no case may change it (checked each time)."""
    db = tmp_path_factory.mktemp("workspace") / "demo.sqlite"
    result = CliRunner().invoke(cli, ["--db", str(db), "demo"], env={"SMTUI_NOW": NOW})
    assert result.exit_code == 0, result.output
    return db


def invoke(db: Path, case: Bad, folder: Path) -> Result:
    for name, content in case.files:
        (folder / name).write_bytes(content)
    args = [part.replace("{dir}", str(folder)) for part in case.args]
    return CliRunner().invoke(cli, ["--db", str(db), *args], env=dict(case.env))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_answered_by_name(demo_db: Path, tmp_path: Path, case: Bad) -> None:
    before = row_counts(demo_db)
    result = invoke(demo_db, case, tmp_path)
    output = result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    assert result.exit_code == case.status, output
    for words in case.says:
        assert words in output, output
    if case.status == USAGE:
        assert "Invalid value" in output or "Error:" in output
    else:
        assert "smtui: " in result.stderr, output  # after the bad lines, when there are some
    assert row_counts(demo_db) == before, "a refused command wrote to the workspace"
    assert not any(path.suffix in (".ics", ".md") for path in tmp_path.iterdir())


def test_every_command_has_a_bad_input_case() -> None:
    """A new sub-command joins the table, or this fails: the table is the audit."""
    found: list[str] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found.append(" ".join(path))

    walk(cli, ())
    covered = {" ".join(case.args[:2]) for case in CASES} | {case.args[0] for case in CASES}
    # The database commands (``db ...``) take the workspace itself as their input; their bad
    # files and paths are the subject of test_cli.py, test_db_files.py and test_backups.py.
    missing = [name for name in found if name not in covered and not name.startswith("db ")]
    assert not missing, f"add bad-input cases for: {missing}"


@pytest.mark.parametrize(
    "args",
    [
        ("export", "posts", "--csv", "o.csv", "--from", "2026-02-30"),
        ("import", "posts", "nowhere.csv"),
    ],
)
def test_the_installed_command_answers_without_a_traceback(
    demo_db: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """The same through the console script, as a shell sees it: status and stderr."""
    script = Path(sys.executable).parent / "smtui"
    result = subprocess.run(
        [str(script), "--db", str(demo_db), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == USAGE, result.stderr
    assert "Traceback" not in result.stderr
    assert "Invalid value for" in result.stderr
    assert result.stdout == ""
