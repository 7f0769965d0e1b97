"""Tests of ``smtui import posts`` on real SQLite files, with each format read from the small
files in tests/data: good imports, files with bad lines (nothing imported, every bad line
listed), re-imports (no duplicates), dry runs, DST gaps and usage errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from paths import DATA
from sqlalchemy import select

from smtui.cli import cli
from smtui.domain.enums import ObjectiveType, Platform, PostStatus
from smtui.domain.models import Brand, Channel, Objective
from smtui.domain.post import Post
from smtui.store import Store
from smtui.store.tables import PostRow

TORONTO = "America/Toronto"


def run(db_path: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db_path), *[str(arg) for arg in args]])


def all_posts(store: Store) -> list[Post]:
    """Every post, scheduled or not (an import may bring ideas with no time)."""
    with store.read() as session:
        rows = session.scalars(select(PostRow).order_by(PostRow.id))
        return [store.posts.to_model(row) for row in rows]


@pytest.fixture
def brand(store: Store) -> Brand:
    brand = store.brands.add(Brand(name="Maple & Grain", timezone=TORONTO))
    assert brand.id is not None
    for platform, handle in (
        (Platform.LINKEDIN, "Maple & Grain"),
        (Platform.INSTAGRAM, "@mapleandgrain"),
        (Platform.FACEBOOK, "Maple & Grain Boulangerie"),
        (Platform.X, "@maplegrain_mtl"),
    ):
        store.channels.add(Channel(brand_id=brand.id, platform=platform, handle=handle))
    store.pillars.apply_preset(brand.id, "80-20")
    store.objectives.add(
        Objective(
            brand_id=brand.id,
            statement="Win 10 catering quotes a month from offices in Mile End",
            type=ObjectiveType.ACQUISITION,
        )
    )
    return brand


def channel_of(store: Store, brand: Brand, platform: Platform) -> Channel:
    assert brand.id is not None
    return next(item for item in store.channels.list(brand.id) if item.platform is platform)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def assert_nothing_imported(result: Result, store: Store, *lines: int) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "nothing was imported" in result.stderr
    for line in lines:
        assert f": line {line}: " in result.stderr, result.stderr
    assert all_posts(store) == []


# --- smtui's own CSV -------------------------------------------------------------------------


def test_smtui_csv_imports_every_column(store: Store, brand: Brand, db_path: Path) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_smtui.csv")
    assert result.exit_code == 0, result.output
    assert "Imported 3 posts" in result.output
    catering, buns, reel = all_posts(store)
    linkedin = channel_of(store, brand, Platform.LINKEDIN)
    assert catering.channel_id == linkedin.id
    assert catering.scheduled_at == utc(2026, 11, 24, 14, 30)  # 09:30 in Toronto (EST)
    assert catering.status is PostStatus.SCHEDULED
    assert catering.link_url == "https://mapleandgrain.ca/traiteur"
    assert catering.hashtags == "#catering #montreal"
    assert catering.campaign == "fetes-2026"
    assert catering.post_type == "link"
    assert brand.id is not None
    pillars = {pillar.name: pillar.id for pillar in store.pillars.list(brand.id)}
    assert catering.pillar_id == pillars["Promote"]
    assert catering.objective_id == store.objectives.list(brand.id)[0].id
    # A handle names the channel; a quoted cell may span lines.
    assert buns.channel_id == channel_of(store, brand, Platform.INSTAGRAM).id
    assert buns.body == "Les brioches à la cardamome sortent du four à 7 h.\nKnotted by hand."
    assert buns.notes == "Photo to take Tuesday"
    assert buns.pillar_id == pillars["Inform, educate, entertain"]
    # No date: an idea off the calendar, keeping the file's own id.
    assert reel.scheduled_at is None
    assert reel.status is PostStatus.IDEA
    assert reel.external_id == "tool-42"


def test_reimporting_the_same_file_adds_nothing(store: Store, brand: Brand, db_path: Path) -> None:
    assert run(db_path, "import", "posts", DATA / "posts_smtui.csv").exit_code == 0
    before = all_posts(store)
    again = run(db_path, "import", "posts", DATA / "posts_smtui.csv")
    assert again.exit_code == 0, again.output
    assert "Imported 0 posts" in again.output
    assert "skipped 3" in again.output
    assert all_posts(store) == before


def test_dry_run_writes_nothing_and_says_what_would_happen(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_smtui.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "line 2: would add: 2026-11-24 09:30 LinkedIn Maple & Grain: Holiday catering" in (
        result.output
    )
    assert "line 5: would add: unscheduled Instagram @mapleandgrain: Sourdough reel" in (
        result.output
    )
    assert "would add 3 posts and skip 0; nothing was written" in result.output
    assert all_posts(store) == []
    assert run(db_path, "import", "posts", DATA / "posts_smtui.csv").exit_code == 0
    again = run(db_path, "import", "posts", DATA / "posts_smtui.csv", "--dry-run")
    assert "would skip (already in the workspace)" in again.output
    assert "would add 0 posts and skip 3" in again.output


def test_smtui_csv_with_bad_lines_imports_nothing_and_lists_each(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_smtui_bad.csv")
    assert_nothing_imported(result, store, 3, 4, 5, 6, 7, 8)
    assert ": line 2: " not in result.stderr  # the good line is not blamed
    errors = {line.split(": ", 2)[1]: line for line in result.stderr.splitlines()}
    assert "no channel Tumblr" in errors["line 3"]
    assert "'2026-02-30' is not a day" in errors["line 4"]
    assert "02:30 does not exist on 2027-03-14 in America/Toronto" in errors["line 5"]
    assert "over X @maplegrain_mtl's limit of 280" in errors["line 6"]
    assert "link: enter a full web address" in errors["line 7"]
    assert "status: choose one of" in errors["line 8"]
    assert "smtui: 6 bad lines" in result.stderr


def test_unknown_column_refuses_the_file(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("channel,date,time,body,tilte\nLinkedIn,2026-11-24,09:30,Text,Oops\n")
    result = run(db_path, "import", "posts", path)
    assert result.exit_code == 1
    assert "unknown columns tilte" in result.stderr
    assert all_posts(store) == []


# --- Hootsuite -------------------------------------------------------------------------------


def test_hootsuite_file_comes_in_on_the_named_channel(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_hootsuite.csv", "--channel", "x")
    assert result.exit_code == 0, result.output
    assert "(hootsuite)" in result.output
    posts = all_posts(store)
    x = channel_of(store, brand, Platform.X)
    assert [post.channel_id for post in posts] == [x.id] * 3
    assert [post.scheduled_at for post in posts] == [
        utc(2026, 11, 24, 14, 30),
        utc(2026, 11, 26, 22, 5),
        utc(2026, 12, 1, 13, 0),
    ]
    assert posts[0].link_url == "https://mapleandgrain.ca/fetes"
    assert posts[0].post_type == "link"
    assert posts[1].body == "Brunch this Sunday: a few tables left."
    assert all(post.status is PostStatus.SCHEDULED for post in posts)
    assert all(post.external_id and post.external_id.startswith("hootsuite:") for post in posts)
    again = run(db_path, "import", "posts", DATA / "posts_hootsuite.csv", "--channel", "X")
    assert "Imported 0 posts" in again.output
    assert len(all_posts(store)) == 3


def test_hootsuite_day_first(store: Store, brand: Brand, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "hootsuite.csv"
    path.write_text("24/11/2026 09:30,Day first,\n")
    result = run(db_path, "import", "posts", path, "--channel", "linkedin", "--day-first")
    assert result.exit_code == 0, result.output
    assert [post.scheduled_at for post in all_posts(store)] == [utc(2026, 11, 24, 14, 30)]


def test_hootsuite_without_a_channel_blames_every_line(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_hootsuite.csv")
    assert_nothing_imported(result, store, 1, 2, 3)
    assert "channel: empty; name the channel in the file or with --channel" in result.stderr


def test_hootsuite_bad_lines(store: Store, brand: Brand, db_path: Path) -> None:
    result = run(
        db_path, "import", "posts", DATA / "posts_hootsuite_bad.csv", "--channel", "linkedin"
    )
    assert_nothing_imported(result, store, 2, 3, 4, 5, 6)
    assert ": line 1: " not in result.stderr
    assert "'13/24/2026 09:30' is not a real date and time" in result.stderr
    assert "'11/24/2026 9h30' is not a date and time" in result.stderr
    assert "02:15 does not exist on 2027-03-14" in result.stderr
    assert "column 3 (link): enter a full web address" in result.stderr
    assert "2 or 3 columns" in result.stderr


def test_time_in_a_dst_gap_is_refused(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    """2027-03-14 02:30 never happens in Toronto: the clocks go from 02:00 to 03:00."""
    path = tmp_path / "gap.csv"
    path.write_text("channel,date,time,body\nLinkedIn,2027-03-14,02:30,Spring forward\n")
    result = run(db_path, "import", "posts", path)
    assert_nothing_imported(result, store, 2)
    assert "time: 02:30 does not exist on 2027-03-14 in America/Toronto" in result.stderr
    path.write_text("channel,date,time,body\nLinkedIn,2027-03-14,03:30,Spring forward\n")
    assert run(db_path, "import", "posts", path).exit_code == 0
    assert [post.scheduled_at for post in all_posts(store)] == [utc(2027, 3, 14, 7, 30)]


# --- Metricool -------------------------------------------------------------------------------


def test_metricool_line_becomes_one_post_per_network(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_metricool.csv")
    assert result.exit_code == 0, result.output
    assert "Imported 4 posts" in result.output
    posts = all_posts(store)
    by_channel = {(post.channel_id, post.scheduled_at): post for post in posts}
    facebook = channel_of(store, brand, Platform.FACEBOOK)
    instagram = channel_of(store, brand, Platform.INSTAGRAM)
    linkedin = channel_of(store, brand, Platform.LINKEDIN)
    brunch_at = utc(2026, 11, 27, 15, 0)
    assert by_channel[(facebook.id, brunch_at)].body == by_channel[(instagram.id, brunch_at)].body
    assert by_channel[(facebook.id, brunch_at)].visual == "https://mapleandgrain.ca/img/brunch.jpg"
    assert by_channel[(facebook.id, brunch_at)].post_type == "image"
    catering = by_channel[(linkedin.id, utc(2026, 11, 30, 14, 30))]
    assert catering.status is PostStatus.DRAFT
    carousel = by_channel[(instagram.id, utc(2026, 12, 2, 17, 0))]
    assert carousel.post_type == "carousel"
    assert carousel.visual.splitlines() == [
        "https://mapleandgrain.ca/img/c1.jpg",
        "https://mapleandgrain.ca/img/c2.jpg",
    ]
    assert run(db_path, "import", "posts", DATA / "posts_metricool.csv").output.startswith(
        "Imported 0 posts"
    )
    assert len(all_posts(store)) == 4


def test_metricool_with_a_channel_takes_only_its_lines(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_metricool.csv", "--channel", "instagram")
    assert result.exit_code == 0, result.output
    assert "1 for other channels" in result.output
    instagram = channel_of(store, brand, Platform.INSTAGRAM)
    assert [post.channel_id for post in all_posts(store)] == [instagram.id, instagram.id]


def test_metricool_bad_lines(store: Store, brand: Brand, db_path: Path) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_metricool_bad.csv")
    assert_nothing_imported(result, store, 3, 4, 5, 6)
    assert "Pinterest: the brand has no Pinterest channel" in result.stderr
    assert "Draft: 'maybe' is neither TRUE nor FALSE" in result.stderr
    assert "Picture Url 1: enter a full web address" in result.stderr
    assert "no network is marked TRUE" in result.stderr


# --- usage -----------------------------------------------------------------------------------


def test_unknown_channel_is_a_usage_error(store: Store, brand: Brand, db_path: Path) -> None:
    result = run(db_path, "import", "posts", DATA / "posts_hootsuite.csv", "--channel", "tiktok")
    assert result.exit_code == 2
    assert "--channel" in result.output
    assert "no channel tiktok" in result.output
    assert all_posts(store) == []


def test_a_file_of_no_known_format_is_refused(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("just,some,words\n")
    result = run(db_path, "import", "posts", path)
    assert result.exit_code == 1
    assert "cannot tell the format" in result.stderr
    assert "--format" in result.stderr


def test_forced_format_reads_a_file_as_told(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    """A Hootsuite file whose first message looks like nothing still imports when named."""
    path = tmp_path / "hoot.csv"
    path.write_text("2026-11-24 09:30,Hello,\n")
    result = run(db_path, "import", "posts", path, "--format", "hootsuite", "--channel", "facebook")
    assert result.exit_code == 0, result.output
    assert len(all_posts(store)) == 1


def test_an_unreadable_file_is_refused_whole(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("channel,date,time,body\nLinkedIn,2026-11-24,09:30,Crème\n".encode("latin-1"))
    result = run(db_path, "import", "posts", latin)
    assert result.exit_code == 1
    assert result.stderr == f"smtui: {latin}: not UTF-8 text; save it as CSV UTF-8\n"
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert "the file is empty" in run(db_path, "import", "posts", empty).stderr
    assert all_posts(store) == []
