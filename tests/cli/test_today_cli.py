"""Tests of ``smtui today``: the brief as text and as JSON (checked against the documented
schema) at a fixed instant, on the demo workspace, an empty one and a quiet day; bad
options; and a start that never imports Textual."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from smtui.cli import cli
from smtui.domain.enums import Platform, PostStatus
from smtui.domain.models import Brand, Channel
from smtui.domain.planning import RecurringSlot
from smtui.domain.post import Post
from smtui.resources import resource
from smtui.store import Store

SCHEMA = json.loads((resource("today") / "brief.schema.json").read_text(encoding="utf-8"))


def run(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "today", *args])
    return result.exit_code, result.output


def test_text_brief_of_the_demo(db_path: Path, demo: Brand) -> None:
    code, out = run(db_path)
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == "Today, Monday 23 November 2026 · Maple & Grain"
    assert "To post (4) · 1 overdue" in lines
    overdue = next(line for line in lines if line.startswith(" ! 07:00"))
    assert "Fresh croissants this morning" in overdue
    assert "To reply: 24 left to zero, 6 past target" in out
    assert "Numbers to log (5)" in out
    assert "LinkedIn: 1 planned, 0 published, target 2-3 · below target" in out
    assert "Actions due (1)" in out
    assert "\x1b" not in out  # piped output is plain, and no control character gets through


def test_json_brief_matches_the_documented_shape(db_path: Path, demo: Brand) -> None:
    code, out = run(db_path, "--json")
    assert code == 0, out
    brief = json.loads(out)
    jsonschema.validate(brief, SCHEMA)
    assert brief["date"] == "2026-11-23"
    assert brief["generated_at"] == "2026-11-23T13:30:00Z"
    assert [post["overdue"] for post in brief["to_post"]] == [True, False, False, False]
    assert brief["to_post"][0]["time"] == "2026-11-23T07:00-05:00"
    assert brief["to_reply"]["left"] == 24 and brief["to_reply"]["past_target"] == 6
    assert len(brief["to_reply"]["items"]) == 24
    assert brief["to_reply"]["items"][0]["past_target"] is True
    assert {metric["metric"] for metric in brief["numbers_to_log"]} >= {"Instagram followers"}
    assert brief["actions_due"][0]["overdue"] is True
    assert brief["nothing_due"] is False


def test_another_day_and_one_brand(db_path: Path, demo: Brand, store: Store) -> None:
    store.brands.add(Brand(name="Atelier Nord", timezone="Europe/Paris"))
    code, out = run(db_path, "--json", "--date", "tomorrow", "--brand", "maple & grain")
    assert code == 0, out
    brief = json.loads(out)
    jsonschema.validate(brief, SCHEMA)
    assert brief["date"] == "2026-11-24"
    assert [brand["name"] for brand in brief["brands"]] == ["Maple & Grain"]
    assert brief["to_post"] and all(
        post["time"].startswith("2026-11-24") and not post["overdue"] for post in brief["to_post"]
    )
    code, out = run(db_path, "--date", "2026-11-24")
    assert code == 0
    assert out.splitlines()[0] == "Today, Tuesday 24 November 2026 · Atelier Nord, Maple & Grain"


def test_empty_workspace_says_so(db_path: Path, store: Store) -> None:
    store.brands.ensure_one("UTC")
    code, out = run(db_path)
    assert code == 0
    assert "Nothing here yet" in out and "smtui demo" in out
    code, out = run(db_path, "--json")
    brief = json.loads(out)
    jsonschema.validate(brief, SCHEMA)
    assert brief["nothing_due"] is True and brief["to_post"] == []


def test_a_day_with_nothing_due(db_path: Path, store: Store) -> None:
    brand = store.brands.add(Brand(name="Quiet", timezone="Europe/Paris"))
    store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="quiet", cadence_min=1)
    )
    code, out = run(db_path, "--date", "2026-12-01")
    assert code == 0
    assert "Nothing due: no post to publish, no reply owed, no number to log." in out
    assert "To reply  inbox zero" in out
    assert "LinkedIn: 0 planned, 0 published, target 1+ · below target" in out
    brief = json.loads(run(db_path, "--json", "--date", "2026-12-01")[1])
    jsonschema.validate(brief, SCHEMA)
    assert brief["nothing_due"] is True


def test_empty_slots_are_listed_among_the_posts_by_time(db_path: Path, store: Store) -> None:
    brand = store.brands.add(Brand(name="Quiet", timezone="Europe/Paris"))
    channel = store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="quiet")
    )
    for at in ("09:00", "15:00"):  # 1 December 2026 is a Tuesday
        store.slots.add(
            RecurringSlot(brand_id=brand.id, channel_id=channel.id, weekday=1, time_local=at)
        )
    store.posts.add(
        Post(
            brand_id=brand.id,
            channel_id=channel.id,
            title="Midday piece",
            status=PostStatus.DRAFT,
            scheduled_at=datetime(2026, 12, 1, 11, 0, tzinfo=UTC),  # 12:00 in Paris
        )
    )

    code, out = run(db_path, "--date", "2026-12-01")

    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("   ")]
    times = [line.split()[0] for line in lines[:3]]
    assert times == ["09:00", "12:00", "15:00"], out
    assert "nothing planned" in lines[0] and "Midday piece" in lines[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "2026-02-30"), "--date"),
        (("--date", "next week"), "--date"),
        (("--brand", "Nobody"), "--brand"),
    ],
)
def test_bad_options_name_the_option(
    db_path: Path, demo: Brand, args: tuple[str, ...], message: str
) -> None:
    code, out = run(db_path, *args)
    assert code == 2
    assert message in out
    assert "Traceback" not in out


def test_hostile_text_is_printed_without_escapes(db_path: Path, store: Store, now) -> None:  # type: ignore[no-untyped-def]
    from smtui.domain.enums import InboxKind
    from smtui.domain.inbox import InboxItem

    brand = store.brands.add(Brand(name="B\x1b[2Jrand", timezone="UTC"))
    store.inbox.add(
        InboxItem(
            brand_id=brand.id,
            kind=InboxKind.COMMENT,
            author_name="\x1b]52;c;ZXZpbA==\x07Eve",
            text="[bold]hi[/] \x9b31m",
            received_at=now - timedelta(hours=1),
        )
    )
    code, out = run(db_path)
    assert code == 0
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "[bold]hi[/]" in out and "Eve" in out


def test_today_starts_without_textual(db_path: Path, demo: Brand) -> None:
    """The command is for scripts and prompts: it must not pay for the UI's imports."""
    probe = (
        "import sys; from smtui.cli import cli\n"
        "try:\n"
        f"    cli.main(['--db', {str(db_path)!r}, 'today', '--json'], prog_name='smtui')\n"
        "except SystemExit as done:\n"
        "    assert done.code in (0, None), done.code\n"
        "heavy = sorted(m for m in ('textual', 'rich') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "SMTUI_NOW": "2026-11-23T13:30:00Z"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-11-23"
