"""Tests of the calendar's pure rules: post model and status flow, UTM tagging, character
counts, cadence and mix checks, conflicts, the past, and week/month bounds across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from smtui.domain.cadence import (
    Verdict,
    check_cadence,
    check_channels,
    check_mix,
    conflicts_for,
    in_the_past,
    month_bounds,
    past_posts,
    period_of,
    scaled_target,
    time_conflicts,
    week_bounds,
)
from smtui.domain.channels import Cadence
from smtui.domain.enums import CadencePeriod, Platform, PostStatus
from smtui.domain.models import Channel, Pillar
from smtui.domain.post import Post, can_move, next_statuses
from smtui.domain.text_length import count_chars, over_limit, post_length, published_text
from smtui.domain.utm import tagged_for, tagged_url, utm_defaults
from smtui.domain.validation import field_errors

TORONTO = "America/Toronto"
NOW = datetime(2026, 11, 23, 13, 30, tzinfo=UTC)  # Monday 08:30 in Toronto


def post(**changes: Any) -> Post:
    values: dict[str, Any] = {"brand_id": 1, "channel_id": 1, "status": PostStatus.SCHEDULED}
    values.update(changes)
    return Post(**values)


# --- post model and status flow --------------------------------------------------------


def test_published_post_needs_its_time() -> None:
    with pytest.raises(ValidationError) as error:
        Post(brand_id=1, status=PostStatus.PUBLISHED)
    assert "published_at" in field_errors(error.value)
    assert Post(brand_id=1, status="published", published_at=NOW).published_at == NOW


def test_post_fields_are_checked_and_named() -> None:
    with pytest.raises(ValidationError) as error:
        Post(brand_id=1, title="x" * 201, link_url="example.com")
    errors = field_errors(error.value)
    assert set(errors) == {"title", "link_url"}


def test_post_times_are_aware_utc() -> None:
    paris = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    scheduled = Post(brand_id=1, scheduled_at=paris).scheduled_at
    assert scheduled == paris
    assert scheduled is not None and scheduled.tzinfo is UTC
    with pytest.raises(ValidationError):
        Post(brand_id=1, scheduled_at=datetime(2026, 11, 23, 9, 30))


def test_status_flow() -> None:
    assert next_statuses(PostStatus.IDEA) == (PostStatus.DRAFT, PostStatus.SKIPPED)
    assert PostStatus.PUBLISHED in next_statuses(PostStatus.SCHEDULED)
    assert PostStatus.SKIPPED not in next_statuses(PostStatus.PUBLISHED)
    assert can_move(PostStatus.READY, PostStatus.SKIPPED)
    assert not can_move(PostStatus.IDEA, PostStatus.PUBLISHED)
    assert can_move(PostStatus.SKIPPED, PostStatus.DRAFT)


# --- UTM -------------------------------------------------------------------------------


def test_utm_added_to_a_bare_url() -> None:
    assert tagged_url("https://maple.ca/bread", "linkedin", "social", "spring") == (
        "https://maple.ca/bread?utm_source=linkedin&utm_medium=social&utm_campaign=spring"
    )


def test_utm_keeps_query_and_fragment_and_replaces_old_tags() -> None:
    url = "https://maple.ca/p?id=7&utm_source=old&lang=fr#recipe"
    result = tagged_url(url, "X", "social", "Fall Sale", "v2")
    assert result == (
        "https://maple.ca/p?id=7&lang=fr&utm_source=x&utm_medium=social"
        "&utm_campaign=fall+sale&utm_content=v2#recipe"
    )
    assert tagged_url(result, "x", "social", "fall sale", "v2") == result  # idempotent


def test_utm_encodes_special_characters() -> None:
    result = tagged_url("https://maple.ca/", "newsletter", "email", "café & co")
    assert "utm_campaign=caf%C3%A9+%26+co" in result


def test_utm_defaults_per_platform() -> None:
    assert (utm_defaults(Platform.LINKEDIN).source, utm_defaults(Platform.LINKEDIN).medium) == (
        "linkedin",
        "social",
    )
    assert utm_defaults(Platform.NEWSLETTER).medium == "email"
    assert utm_defaults(Platform.BLOG).medium == "referral"
    assert "utm_source=instagram&utm_medium=social" in tagged_for(
        "https://a.ca", Platform.INSTAGRAM
    )


# --- character counts ------------------------------------------------------------------


def test_x_counts_every_link_as_23() -> None:
    long_link = "https://maple.ca/" + "a" * 100
    text = f"New bread {long_link} and http://b.ca"
    assert count_chars(text, Platform.X) == len("New bread  and ") + 2 * 23
    assert count_chars(text, Platform.LINKEDIN) == len(text)


def test_post_length_counts_what_is_published() -> None:
    link = tagged_url("https://maple.ca/bread", "x", "social", "spring")
    assert published_text("Hello", "#bread", link) == f"Hello\n\n#bread\n\n{link}"
    assert post_length(Platform.X, "Hello", "#bread", link) == 5 + 2 + 6 + 2 + 23
    assert post_length(Platform.LINKEDIN, "Hello", "", None) == 5


def test_over_limit() -> None:
    link = "https://maple.ca/" + "a" * 300
    body = "b" * 255
    # 255 + 2 + 23 = 280: exactly the limit on X, far over on Bluesky's raw count.
    assert over_limit(Platform.X, body, link=link) == 0
    assert over_limit(Platform.X, body + "!", link=link) == 1
    assert over_limit(Platform.BLUESKY, body, link=link) > 0
    assert over_limit(Platform.X, "hi", char_limit=1) == 1  # the channel's own limit wins
    assert over_limit(Platform.BLOG, "x" * 100_000) == 0


# --- periods ---------------------------------------------------------------------------


def test_week_bounds_across_november_dst_in_toronto() -> None:
    # DST ends on Sunday 1 November 2026 at 02:00 in Toronto: that week is 169 hours long.
    start, end = week_bounds(date(2026, 10, 29), TORONTO)
    assert start == datetime(2026, 10, 26, 4, 0, tzinfo=UTC)  # Monday 00:00 EDT
    assert end == datetime(2026, 11, 2, 5, 0, tzinfo=UTC)  # Monday 00:00 EST
    assert end - start == timedelta(hours=169)
    next_start, next_end = week_bounds(date(2026, 11, 2), TORONTO)
    assert next_start == end
    assert next_end - next_start == timedelta(days=7)


def test_period_of_an_instant_uses_the_local_day() -> None:
    sunday_night = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)  # Sunday 23:30 EST
    period = period_of(sunday_night, CadencePeriod.WEEK, TORONTO)
    assert period.first_day == date(2026, 10, 26)
    assert period.contains(sunday_night)
    assert period.shifted(1).first_day == date(2026, 11, 2)
    assert period.shifted(-1).first_day == date(2026, 10, 19)


def test_month_bounds() -> None:
    start, end = month_bounds(date(2026, 11, 15), TORONTO)
    assert start == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)
    assert end == datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    assert period_of(date(2026, 11, 15), CadencePeriod.MONTH, TORONTO).days == 30


# --- cadence ---------------------------------------------------------------------------


WEEK = period_of(NOW, CadencePeriod.WEEK, TORONTO)
MONTH = period_of(NOW, CadencePeriod.MONTH, TORONTO)
LINKEDIN = Cadence(2, 3, CadencePeriod.WEEK)


@pytest.mark.parametrize(
    ("planned", "verdict"),
    [(1, Verdict.BELOW), (2, Verdict.WITHIN), (3, Verdict.WITHIN), (4, Verdict.ABOVE)],
)
def test_cadence_verdicts(planned: int, verdict: Verdict) -> None:
    assert check_cadence("LinkedIn", planned, LINKEDIN, WEEK, NOW).verdict is verdict


def test_cadence_gap_string() -> None:
    check = check_cadence("LinkedIn", 1, LINKEDIN, WEEK, NOW)
    assert check.text == "LinkedIn: 1 of 2-3 this week"
    assert check.gap
    later = check_cadence("LinkedIn", 1, LINKEDIN, WEEK.shifted(1), NOW)
    assert later.text == "LinkedIn: 1 of 2-3 in the week of 2026-11-30"


def test_weekly_target_scaled_over_a_month() -> None:
    # November has 30 days: 2-3 a week is 8.57-12.86, so 8-13 once rounded outward.
    assert scaled_target(LINKEDIN, MONTH) == (8, 13)
    check = check_cadence("LinkedIn", 7, LINKEDIN, MONTH, NOW)
    assert (check.verdict, check.text) == (Verdict.BELOW, "LinkedIn: 7 of 8-13 this month")
    blog = Cadence(4, 4, CadencePeriod.MONTH)
    assert scaled_target(blog, WEEK) == (0, 1)
    assert check_cadence("Blog", 4, blog, MONTH, NOW).text == "Blog: 4 of 4 this month"


def test_no_target() -> None:
    check = check_cadence("X", 12, Cadence(None, None, CadencePeriod.WEEK), WEEK, NOW)
    assert check.verdict is Verdict.NO_TARGET
    assert not check.gap


def test_check_channels_names_by_platform_unless_shared() -> None:
    def channel(channel_id: int, platform: Platform, handle: str) -> Channel:
        return Channel(
            id=channel_id,
            brand_id=1,
            platform=platform,
            handle=handle,
            cadence_min=2,
            cadence_max=3,
        )

    channels = [
        channel(1, Platform.LINKEDIN, "@maple"),
        channel(2, Platform.INSTAGRAM, "@maple"),
        channel(3, Platform.INSTAGRAM, "@maple_pro"),
    ]
    texts = [check.text for check in check_channels(channels, {1: 1, 3: 3}, WEEK, NOW)]
    assert texts == [
        "LinkedIn: 1 of 2-3 this week",
        "Instagram @maple: 0 of 2-3 this week",
        "Instagram @maple_pro: 3 of 2-3 this week",
    ]


# --- mix -------------------------------------------------------------------------------


PILLARS = [
    Pillar(id=1, brand_id=1, name="Value", target_share=80),
    Pillar(id=2, brand_id=1, name="Promotion", target_share=20),
]


def test_mix_gaps_are_named() -> None:
    checks = check_mix(PILLARS, {1: 13, 2: 7})
    assert [check.text for check in checks] == [
        "Value 65% vs 80% target",
        "Promotion 35% vs 20% target",
    ]
    assert [check.verdict for check in checks] == [Verdict.BELOW, Verdict.ABOVE]


def test_mix_tolerance_and_empty_plan() -> None:
    assert not any(check.gap for check in check_mix(PILLARS, {1: 15, 2: 5}))
    assert not any(check.gap for check in check_mix(PILLARS, {1: 3, 2: 1}, tolerance=5))
    assert any(check.gap for check in check_mix(PILLARS, {1: 3, 2: 1}, tolerance=4))
    assert not any(check.gap for check in check_mix(PILLARS, {}))


def test_posts_without_pillar_count_and_show() -> None:
    checks = check_mix(PILLARS, {1: 8, 2: 2, None: 10})
    assert checks[-1].text == "No pillar 50% vs 0% target"
    assert checks[0].text == "Value 40% vs 80% target"


# --- conflicts and the past ------------------------------------------------------------


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=UTC)


def test_time_conflicts_on_the_same_channel_only() -> None:
    a = post(id=1, scheduled_at=at(14))
    b = post(id=2, scheduled_at=at(14, 20))
    c = post(id=3, scheduled_at=at(14, 50))
    other_channel = post(id=4, channel_id=2, scheduled_at=at(14, 5))
    skipped = post(id=5, scheduled_at=at(14, 10), status=PostStatus.SKIPPED)
    conflicts = time_conflicts([c, a, other_channel, b, skipped], gap_minutes=30)
    assert [(item.first.id, item.second.id, item.minutes) for item in conflicts] == [(1, 2, 20)]
    # 14:20 and 14:50 are exactly 30 minutes apart: not a conflict at a 30-minute gap.
    assert [(item.first.id, item.second.id) for item in time_conflicts([b, c], 31)] == [(2, 3)]


def test_conflicts_for_the_post_being_edited() -> None:
    others = [post(id=1, scheduled_at=at(9)), post(id=2, scheduled_at=at(12))]
    edited = post(id=3, scheduled_at=at(9, 45))
    assert [item.id for item in conflicts_for(edited, others, 60)] == [1]
    assert conflicts_for(post(id=1, scheduled_at=at(9)), others, 60) == []  # not with itself


def test_scheduled_in_the_past() -> None:
    missed = post(id=1, scheduled_at=NOW - timedelta(minutes=1))
    done = post(id=2, scheduled_at=NOW - timedelta(days=1), status="published", published_at=NOW)
    coming = post(id=3, scheduled_at=NOW + timedelta(minutes=1))
    assert in_the_past(missed, NOW)
    assert [item.id for item in past_posts([missed, done, coming], NOW)] == [1]
