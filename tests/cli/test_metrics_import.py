"""Tests of ``smtui import metrics`` with the sample exports in tests/data: each format read
as downloaded (BOM, thousands separators, "-" cells, YouTube's Total row, LinkedIn's sheet),
posts matched or created, re-import adding nothing, a bad file importing nothing."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from paths import DATA
from sqlalchemy import func, select

from smtui.cli import cli
from smtui.commands.metrics_io import FORMAT_NAMES
from smtui.domain.enums import MetricFrequency, Platform, PostStatus
from smtui.domain.models import Brand, Channel, Metric
from smtui.domain.post import Post
from smtui.io.metric_formats import FORMAT_NAMES as READER_NAMES
from smtui.store import Store
from smtui.store.tables import MetricValueRow, PostMetricRow, PostRow


def run(db: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "import", "metrics", *map(str, args)])


def counts(store: Store) -> tuple[int, int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(PostRow)) or 0,
            session.scalar(select(func.count()).select_from(PostMetricRow)) or 0,
            session.scalar(select(func.count()).select_from(MetricValueRow)) or 0,
        )


@pytest.fixture
def brand(store: Store) -> Brand:
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    assert brand.id is not None
    for platform, handle in (
        (Platform.X, "@mapleandgrain"),
        (Platform.FACEBOOK, "Maple & Grain Boulangerie"),
        (Platform.INSTAGRAM, "@maple.ig"),
        (Platform.YOUTUBE, "Maple TV"),
        (Platform.LINKEDIN, "Maple & Grain"),
    ):
        store.channels.add(Channel(brand_id=brand.id, platform=platform, handle=handle))
    return brand


def channel(store: Store, brand: Brand, platform: Platform) -> Channel:
    assert brand.id is not None
    return next(item for item in store.channels.list(brand.id) if item.platform is platform)


def posts(store: Store, brand: Brand) -> dict[str, Post]:
    assert brand.id is not None
    start, end = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    return {post.external_id or "": post for post in store.posts.in_range(brand.id, start, end)}


def test_the_command_lists_every_reader() -> None:
    assert FORMAT_NAMES == READER_NAMES


def test_x_tweet_activity_matches_a_planned_post_and_creates_the_others(
    store: Store, brand: Brand, db_path: Path
) -> None:
    assert brand.id is not None
    x = channel(store, brand, Platform.X)
    planned = store.posts.add(
        Post(
            brand_id=brand.id,
            channel_id=x.id,
            title="Cardamom buns",
            status=PostStatus.SCHEDULED,
            scheduled_at=datetime(2026, 11, 10, 12, 40, tzinfo=UTC),
            published_url="https://twitter.com/mapleandgrain/status/1859273645012345678",
        )
    )
    store.metrics.add(
        Metric(
            brand_id=brand.id,
            name="X impressions",
            channel_id=x.id,
            frequency=MetricFrequency.DAILY,
        )
    )
    result = run(db_path, DATA / "metrics_x_tweet_activity.csv")
    assert result.exit_code == 0, result.output
    assert "x-tweet-activity" in result.output and "1 matched, 2 created" in result.output
    found = posts(store, brand)
    assert set(found) == {"1859273645012345678", "1859999000111222333", "1860400000000000001"}
    matched = found["1859273645012345678"]
    assert matched.id == planned.id and matched.status is PostStatus.PUBLISHED
    # The id comes from the permalink even when the cell says 1.85927E+18.
    created = found["1859999000111222333"]
    assert created.status is PostStatus.PUBLISHED and created.channel_id == x.id
    assert created.published_at == datetime(2026, 11, 12, 15, 5, tzinfo=UTC)
    assert created.body.startswith("Our miller") and "| read on the blog" in created.body
    numbers = store.post_metrics.for_post(created.id)[0]  # type: ignore[arg-type]
    assert (numbers.impressions, numbers.engagements, numbers.likes, numbers.shares) == (
        2210,
        64,
        38,
        9,
    )
    assert numbers.date == date(2026, 11, 12)
    # Daily totals went into the channel's "X impressions" metric.
    impressions = store.metrics.list(brand.id)[0]
    assert impressions.id is not None
    values = store.metric_values.series(impressions.id, date(2026, 11, 1), date(2026, 11, 30))
    assert [(value.date, value.value) for value in values] == [
        (date(2026, 11, 10), 1843),
        (date(2026, 11, 12), 2210),
        (date(2026, 11, 15), 980),
    ]
    before = counts(store)
    again = run(db_path, DATA / "metrics_x_tweet_activity.csv")
    assert again.exit_code == 0, again.output
    assert "3 matched, 0 created" in again.output and "Nothing new" in again.output
    assert counts(store) == before


def test_older_tweet_activity_files_say_favorites(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    text = (DATA / "metrics_x_tweet_activity.csv").read_text().replace(",likes,", ",favorites,", 1)
    older = tmp_path / "tweet_activity_metrics_old.csv"
    older.write_text(text)
    result = run(db_path, older, "--channel", "@mapleandgrain")
    assert result.exit_code == 0, result.output
    found = posts(store, brand)["1860400000000000001"]
    assert store.post_metrics.for_post(found.id)[0].likes == 15  # type: ignore[arg-type]


def test_x_content_reads_thousands_separators(store: Store, brand: Brand, db_path: Path) -> None:
    result = run(db_path, DATA / "metrics_x_content.csv")
    assert result.exit_code == 0, result.output
    post = posts(store, brand)["1861000000000000002"]
    numbers = store.post_metrics.for_post(post.id)[0]  # type: ignore[arg-type]
    assert (numbers.impressions, numbers.engagements, numbers.shares, numbers.saves) == (
        12480,
        2015,
        55,
        22,
    )
    # A date without a time: the post is placed at local noon (17:00 UTC in November).
    assert post.published_at == datetime(2026, 11, 19, 17, 0, tzinfo=UTC)


def test_meta_facebook_with_bom_dashes_and_lifetime(
    store: Store, brand: Brand, db_path: Path
) -> None:
    assert (DATA / "metrics_meta_facebook.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = run(db_path, DATA / "metrics_meta_facebook.csv")
    assert result.exit_code == 0, result.output
    assert "meta-facebook" in result.output
    found = posts(store, brand)
    first = found["1083456712345678_1234567890123456"]
    assert first.channel_id == channel(store, brand, Platform.FACEBOOK).id
    assert first.post_type == "photos"
    # 21:00 in Toronto on 10 November 2025 (EST) is 02:00 UTC the next day.
    assert first.published_at == datetime(2025, 11, 11, 2, 0, tzinfo=UTC)
    numbers = store.post_metrics.for_post(first.id)[0]  # type: ignore[arg-type]
    assert (numbers.impressions, numbers.reach, numbers.likes, numbers.clicks) == (
        4512,
        3020,
        150,
        41,
    )
    assert numbers.engagements == 150 + 22 + 15
    second = store.post_metrics.for_post(found["1083456712345678_1234567890999999"].id)[0]  # type: ignore[arg-type]
    assert second.clicks is None  # empty and "-" cells are unknown, not zero
    assert "Léa" in found["1083456712345678_1234567890999999"].body


def test_youtube_skips_the_total_row(store: Store, brand: Brand, db_path: Path) -> None:
    result = run(db_path, DATA / "metrics_youtube_table_data.csv")
    assert result.exit_code == 0, result.output
    found = posts(store, brand)
    assert set(found) == {"dQw4w9WgXcQ", "aB3dE5fG7hI"}
    video = found["dQw4w9WgXcQ"]
    assert video.published_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    numbers = store.post_metrics.for_post(video.id)[0]  # type: ignore[arg-type]
    assert (numbers.video_views, numbers.impressions, numbers.engagements) == (3120, 30100, 321)


def test_linkedin_xlsx_finds_its_header_under_the_description(
    store: Store, brand: Brand, db_path: Path
) -> None:
    result = run(db_path, DATA / "metrics_linkedin.xlsx", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "0 matched, 2 created" in result.output and "Dry run" in result.output
    assert counts(store) == (0, 0, 0)
    result = run(db_path, DATA / "metrics_linkedin.xlsx")
    assert result.exit_code == 0, result.output
    found = posts(store, brand)
    hiring = found["urn:li:activity:7265000000000000002"]
    assert hiring.post_type == "text"
    assert hiring.published_at == datetime(2026, 11, 16, 17, 0, tzinfo=UTC)
    numbers = store.post_metrics.for_post(hiring.id)[0]  # type: ignore[arg-type]
    assert (numbers.impressions, numbers.clicks, numbers.engagements) == (
        1310,
        22,
        22 + 35 + 9 + 7 + 5,
    )


def test_our_own_csv_logs_values_and_creates_unknown_metrics(
    store: Store, brand: Brand, db_path: Path
) -> None:
    assert brand.id is not None
    store.metrics.add(Metric(brand_id=brand.id, name="Instagram followers"))
    result = run(db_path, DATA / "metrics_smtui.csv")
    assert result.exit_code == 0, result.output
    assert "New metrics: Website visits from social" in result.output
    metrics = {item.name: item for item in store.metrics.list(brand.id)}
    visits = metrics["Website visits from social"]
    assert visits.frequency is MetricFrequency.DAILY and visits.channel_id is None
    followers = metrics["Instagram followers"]
    assert followers.id is not None
    assert [value.value for value in store.metric_values.recent(followers.id)] == [2151, 2140]
    again = run(db_path, DATA / "metrics_smtui.csv")
    assert "0 added, 0 updated, 3 unchanged" in again.output


def test_a_bad_file_imports_nothing_and_names_each_bad_line(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "content.csv"
    text = (DATA / "metrics_x_content.csv").read_text().splitlines()
    text[1] = text[1].replace('"1,234"', "lots")
    text.append(
        '1861000000000000003,"31/02/2026",Oops,https://x.com/m/status/1861000000000000003,1,1,1,0,0,0,0,0,0,0,0,0,0'
    )
    bad.write_text("\n".join(text) + "\n")
    result = run(db_path, bad)
    assert result.exit_code == 1
    assert "2 bad lines; nothing was imported" in result.stderr
    assert "line 2: impressions: 'lots' is not a number" in result.stderr
    assert "line 4: Date:" in result.stderr
    assert "Traceback" not in result.output
    assert counts(store) == (0, 0, 0)


def test_unknown_header_and_channel_errors(
    store: Store, brand: Brand, db_path: Path, tmp_path: Path
) -> None:
    strange = tmp_path / "strange.csv"
    strange.write_text("a,b,c\n1,2,3\n")
    result = run(db_path, strange)
    assert result.exit_code == 1 and "does not look like a known export" in result.stderr
    wrong = run(db_path, DATA / "metrics_x_content.csv", "--channel", "linkedin")
    assert wrong.exit_code == 2 and "not on it" in wrong.output
    assert counts(store) == (0, 0, 0)


def test_format_can_be_named(store: Store, brand: Brand, db_path: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "Table data.csv"
    shutil.copy(DATA / "metrics_youtube_table_data.csv", renamed)
    assert run(db_path, renamed, "--format", "youtube").exit_code == 0
    mismatch = run(db_path, renamed, "--format", "x-content")
    assert mismatch.exit_code == 1 and "does not look like" in mismatch.stderr
