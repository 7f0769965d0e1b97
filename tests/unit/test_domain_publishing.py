"""Local times in the brand's zone (DST gaps refused) and the text a post is published with."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from smtui.domain.enums import Platform
from smtui.domain.local_time import day_bounds, parse_clock, parse_day, to_utc
from smtui.domain.models import Channel
from smtui.domain.post import Post
from smtui.domain.publishing import readiness, tagged_link, text_to_publish
from smtui.domain.validation import DomainError

TORONTO = "America/Toronto"


def test_a_local_time_becomes_utc() -> None:
    assert to_utc(date(2026, 11, 24), time(9, 30), TORONTO) == datetime(
        2026, 11, 24, 14, 30, tzinfo=UTC
    )


def test_a_time_in_the_spring_gap_is_refused_with_the_field_named() -> None:
    with pytest.raises(DomainError) as caught:
        to_utc(date(2027, 3, 14), time(2, 30), TORONTO, field="time")
    assert caught.value.field == "time"
    assert "02:30 does not exist on 2027-03-14" in caught.value.message


def test_an_autumn_time_that_happens_twice_takes_the_first() -> None:
    assert to_utc(date(2026, 11, 1), time(1, 30), TORONTO) == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


@pytest.mark.parametrize("text", ["2026-02-30", "24/11/2026", "", "tomorrow"])
def test_days_that_do_not_exist_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_day(text, "day")
    assert caught.value.field == "day"


@pytest.mark.parametrize("text", ["25:00", "9h30", "", "09:60"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(DomainError):
        parse_clock(text)


def test_a_dst_day_is_25_hours_long() -> None:
    start, end = day_bounds(date(2026, 11, 1), TORONTO)
    assert (end - start).total_seconds() == 25 * 3600


def test_text_to_publish_carries_the_tagged_link() -> None:
    post = Post(
        brand_id=1,
        body="New bread",
        hashtags="#pain",
        link_url="https://maple.example.com/?ref=1",
        campaign="Winter",
        utm_content="photo",
    )
    link = tagged_link(post, Platform.X)
    assert link == (
        "https://maple.example.com/?ref=1&utm_source=x&utm_medium=social"
        "&utm_campaign=winter&utm_content=photo"
    )
    assert text_to_publish(post, Platform.X) == f"New bread\n\n#pain\n\n{link}"


def test_readiness_names_what_is_missing() -> None:
    instagram = Channel(brand_id=1, platform=Platform.INSTAGRAM, handle="@m")
    x = Channel(brand_id=1, platform=Platform.X, handle="@m")
    assert readiness(Post(brand_id=1, body="Hello"), instagram).problems == ("no visual",)
    long = Post(brand_id=1, body="a" * 270, link_url="https://example.com/" + "b" * 100)
    check = readiness(long, x)
    assert (check.length, check.limit) == (270 + 2 + 23, 280)
    assert check.problems == ("15 characters too long",)
    assert readiness(Post(brand_id=1, body="Hi"), x).ready
