"""Tests of ``smtui export calendar`` and ``smtui export posts`` on the demo workspace: the
iCalendar file parsed back with icalendar, the CSV safe against formula injection, and the
export -> import round trip."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner, Result
from icalendar import Calendar
from sqlalchemy import func, select

from smtui.cli import cli
from smtui.domain.clock import Clock
from smtui.domain.enums import Platform, PostStatus
from smtui.domain.local_time import days_bounds, local
from smtui.domain.models import Brand, Channel
from smtui.domain.post import Post
from smtui.io.post_csv import COLUMNS
from smtui.store import Store
from smtui.store.tables import PostRow


def run(db_path: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db_path), *[str(arg) for arg in args]])


def post_count(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(PostRow)) or 0


def window(store: Store, brand: Brand, first: date, last: date) -> list[Post]:
    assert brand.id is not None
    start, end = days_bounds(first, last, brand.timezone)
    return store.posts.in_range(brand.id, start, end)


def read_ics(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


# --- iCalendar -------------------------------------------------------------------------------


def test_ics_events_match_the_posts(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    result = run(
        db_path, "export", "calendar", "--ics", target, "--from", "2026-11-16", "--to", "2026-11-29"
    )
    assert result.exit_code == 0, result.output
    posts = window(store, demo, date(2026, 11, 16), date(2026, 11, 29))
    assert posts
    calendar = read_ics(target)
    assert str(calendar["VERSION"]) == "2.0"
    assert "smtui" in str(calendar["PRODID"])
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {f"post-{post.id}@smtui" for post in posts}
    assert f"Wrote {len(posts)} events from 2026-11-16 to 2026-11-29" in result.output
    assert demo.id is not None
    channels = {channel.id: channel for channel in store.channels.list(demo.id)}
    for post in posts:
        event = events[f"post-{post.id}@smtui"]
        channel = channels[post.channel_id]
        assert event.decoded("DTSTART") == post.scheduled_at
        assert event.decoded("DTSTART").tzinfo is not None
        assert event.decoded("DURATION") == timedelta(minutes=30)
        assert event.decoded("DTSTAMP") == post.updated_at
        assert str(event["SUMMARY"]).startswith(f"{channel.platform.label}: ")
        assert post.body.splitlines()[0] in str(event["DESCRIPTION"])
        expected = {"skipped": "CANCELLED", "idea": "TENTATIVE", "draft": "TENTATIVE"}
        assert str(event["STATUS"]) == expected.get(post.status.value, "CONFIRMED")
        if post.link_url and post.status is not PostStatus.PUBLISHED:
            assert str(event["URL"]).startswith(post.link_url)
            assert f"utm_source={channel.platform.value}" in str(event["URL"])
            assert str(event["URL"]) in str(event["DESCRIPTION"])
        if post.published_url:
            assert str(event["URL"]) == post.published_url


def test_ics_is_stable_across_exports(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run(db_path, "export", "calendar", "--ics", first).exit_code == 0
    assert run(db_path, "export", "calendar", "--ics", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_ics_default_range_is_30_days_back_to_90_ahead(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path, clock: Clock
) -> None:
    target = tmp_path / "plan.ics"
    result = run(db_path, "export", "calendar", "--ics", target)
    assert result.exit_code == 0, result.output
    today = local(clock(), demo.timezone).date()
    first, last = today - timedelta(days=30), today + timedelta(days=90)
    assert f"from {first} to {last}" in result.output
    posts = window(store, demo, first, last)
    assert len(read_ics(target).walk("VEVENT")) == len(posts) == post_count(store)


def test_ics_range_backwards_is_a_usage_error(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    result = run(
        db_path, "export", "calendar", "--ics", target, "--from", "2026-12-01", "--to", "2026-11-01"
    )
    assert result.exit_code == 2
    assert "--to" in result.output
    assert not target.exists()


def test_ics_replaces_an_old_export_whole(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "plan.ics"
    target.write_text("old content")
    assert run(db_path, "export", "calendar", "--ics", target).exit_code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert [path.name for path in folder.iterdir()] == ["plan.ics"]  # no temporary left


# --- CSV -------------------------------------------------------------------------------------


def test_csv_export_neutralises_formulas(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    assert demo.id is not None
    channel = next(
        item for item in store.channels.list(demo.id) if item.platform is Platform.LINKEDIN
    )
    planted = store.posts.add(
        Post(
            brand_id=demo.id,
            channel_id=channel.id,
            title="@SUM(A1:A9)",
            body="=1+1",
            hashtags="-2+3",
            scheduled_at=window(store, demo, date(2026, 11, 24), date(2026, 11, 24))[
                0
            ].scheduled_at,
        )
    )
    target = tmp_path / "plan.csv"
    result = run(db_path, "export", "posts", "--csv", target)
    assert result.exit_code == 0, result.output
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == post_count(store)
    row = next(item for item in rows if item["id"] == f"smtui:{planted.id}")
    assert row["body"] == "'=1+1"
    assert row["title"] == "'@SUM(A1:A9)"
    assert row["hashtags"] == "'-2+3"
    assert row["channel"] == channel.label
    for item in rows:
        for value in item.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_export_then_import_adds_nothing(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.csv"
    assert run(db_path, "export", "posts", "--csv", target).exit_code == 0
    before = post_count(store)
    result = run(db_path, "import", "posts", target)
    assert result.exit_code == 0, result.output
    assert "Imported 0 posts" in result.output
    assert f"skipped {before} already there" in result.output
    assert post_count(store) == before


def test_export_imports_into_another_workspace_unchanged(
    store: Store, demo: Brand, tmp_path: Path, clock: Clock
) -> None:
    """The plan moves to a workspace with the same channel names, formulas and all."""
    assert demo.id is not None
    linkedin = next(c for c in store.channels.list(demo.id) if c.platform is Platform.LINKEDIN)
    store.posts.add(
        Post(
            brand_id=demo.id,
            channel_id=linkedin.id,
            body="=1+1 is how we price a dozen",
            scheduled_at=window(store, demo, date(2026, 11, 24), date(2026, 11, 24))[
                0
            ].scheduled_at,
        )
    )
    target = tmp_path / "plan.csv"
    assert run(tmp_path / "workspace.sqlite", "export", "posts", "--csv", target).exit_code == 0
    other_path = tmp_path / "other.sqlite"
    other, _result = Store.open(other_path, clock)
    try:
        brand = other.brands.add(Brand(name="Copy", timezone=demo.timezone))
        assert brand.id is not None
        for channel in store.channels.list(demo.id):
            other.channels.add(
                Channel(brand_id=brand.id, platform=channel.platform, handle=channel.handle)
            )
        for pillar in store.pillars.list(demo.id):
            other.pillars.add(pillar.model_copy(update={"id": None, "brand_id": brand.id}))
        for objective in store.objectives.list(demo.id):
            other.objectives.add(objective.model_copy(update={"id": None, "brand_id": brand.id}))
        result = run(other_path, "import", "posts", target)
        assert result.exit_code == 0, result.output
        first, last = date(2026, 10, 1), date(2027, 3, 1)
        mine = window(store, demo, first, last)
        theirs = window(other, brand, first, last)
        assert [(p.scheduled_at, p.title, p.body, p.status, p.published_at) for p in theirs] == [
            (p.scheduled_at, p.title, p.body, p.status, p.published_at) for p in mine
        ]
        assert any(post.body.startswith("=1+1") for post in theirs)
        assert run(other_path, "import", "posts", target).output.startswith("Imported 0 posts")
    finally:
        other.close()


def test_export_to_a_missing_folder_names_the_folder(
    store: Store, demo: Brand, db_path: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    for args in (
        ("calendar", "--ics", missing / "plan.ics"),
        ("posts", "--csv", missing / "p.csv"),
    ):
        result = run(db_path, "export", *args)
        assert result.exit_code == 2
        assert f"Invalid value for '{args[1]}': the folder {missing} does not exist" in (
            result.stderr
        )
