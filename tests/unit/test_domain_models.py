"""Tests of the domain's models and small rules: validators and their messages, pillar
presets, channel defaults, the clock, control-character stripping and priorities."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from smtui.domain.channels import (
    CHAR_LIMITS,
    LINK_LENGTH,
    default_cadence,
    default_char_limit,
)
from smtui.domain.clock import ClockError, fixed, now, parse_instant
from smtui.domain.enums import (
    CadencePeriod,
    ChannelStatus,
    InboxKind,
    InboxStatus,
    ObjectiveType,
    Platform,
    PostStatus,
    Priority,
)
from smtui.domain.models import Brand, Channel, Objective, Persona, Pillar
from smtui.domain.pillars import PRESETS, preset, share_problem, share_total
from smtui.domain.text import one_line, strip_controls
from smtui.domain.validation import DomainError, check_url, describe, field_errors


def errors_of(model: type[BaseModel], **values: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model(**values)
    return field_errors(caught.value)


def channel(**changes: Any) -> Channel:
    values: dict[str, Any] = {"brand_id": 1, "platform": Platform.LINKEDIN, "handle": "@maple"}
    values.update(changes)
    return Channel(**values)


# --- Brand ----------------------------------------------------------------------------------


def test_brand_accepts_an_iana_zone_and_trims_text() -> None:
    brand = Brand(name="  Maple Bakery  ", timezone=" America/Toronto ")

    assert brand.name == "Maple Bakery"
    assert brand.timezone == "America/Toronto"


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "Paris", "not a zone", ""])
def test_brand_rejects_an_unknown_time_zone(zone: str) -> None:
    errors = errors_of(Brand, name="Maple", timezone=zone)

    assert list(errors) == ["timezone"]
    assert "time zone" in errors["timezone"]
    assert "Value error" not in errors["timezone"]


@pytest.mark.parametrize("name", ["", "   "])
def test_brand_name_is_required(name: str) -> None:
    assert errors_of(Brand, name=name) == {"name": "required"}


def test_a_missing_name_is_required_too() -> None:
    assert errors_of(Brand) == {"name": "required"}


def test_a_too_long_name_says_the_limit() -> None:
    assert errors_of(Brand, name="x" * 121) == {"name": "at most 120 characters"}


# --- Channel --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://www.linkedin.com/company/maple", "http://maple.ca", "http://localhost:8000/feed"],
)
def test_channel_accepts_a_full_web_address(url: str) -> None:
    assert channel(url=url).url == url


def test_channel_without_an_address_stores_none() -> None:
    assert channel(url="").url is None
    assert channel().url is None


@pytest.mark.parametrize(
    "url",
    ["linkedin.com/company/maple", "ftp://maple.ca/file", "https://", "https://maple", "maple"],
)
def test_channel_rejects_an_address_that_cannot_be_opened(url: str) -> None:
    errors = errors_of(Channel, brand_id=1, platform="x", handle="@maple", url=url)

    assert list(errors) == ["url"]
    assert "http://" in errors["url"]


def test_an_address_with_spaces_is_refused_with_its_own_reason() -> None:
    with pytest.raises(ValueError, match="spaces"):
        check_url("https://maple.ca/our menu")


def test_check_url_returns_the_trimmed_address() -> None:
    assert check_url("  https://maple.ca/menu \n") == "https://maple.ca/menu"


def test_channel_rejects_an_unknown_platform_listing_the_choices() -> None:
    errors = errors_of(Channel, brand_id=1, platform="myspace", handle="@maple")

    assert list(errors) == ["platform"]
    assert errors["platform"].startswith("choose one of:")
    assert "'linkedin'" in errors["platform"]


def test_channel_char_limit_must_be_a_positive_whole_number() -> None:
    assert errors_of(Channel, brand_id=1, platform="x", handle="@m", char_limit=0) == {
        "char_limit": "must be at least 1"
    }
    assert errors_of(Channel, brand_id=1, platform="x", handle="@m", char_limit="lots") == {
        "char_limit": "enter a whole number"
    }


def test_cadence_minimum_above_maximum_is_blamed_on_the_maximum() -> None:
    errors = errors_of(
        Channel, brand_id=1, platform="linkedin", handle="@maple", cadence_min=4, cadence_max=2
    )

    assert errors == {"cadence_max": "must be at least the minimum"}


@pytest.mark.parametrize(
    ("low", "high", "period", "text"),
    [
        (2, 3, CadencePeriod.WEEK, "2-3 / week"),
        (4, 4, CadencePeriod.MONTH, "4 / month"),
        (None, 5, CadencePeriod.WEEK, "5 / week"),
        (1, None, CadencePeriod.MONTH, "1 / month"),
        (None, None, CadencePeriod.WEEK, ""),
    ],
)
def test_cadence_in_order_is_accepted_and_described(
    low: int | None, high: int | None, period: CadencePeriod, text: str
) -> None:
    item = channel(cadence_min=low, cadence_max=high, cadence_period=period)

    assert item.cadence_text == text


def test_channel_label_names_the_platform_and_handle() -> None:
    assert channel().label == "LinkedIn @maple"


# --- Objective ------------------------------------------------------------------------------


def test_objective_due_before_start_is_blamed_on_the_due_date() -> None:
    errors = errors_of(
        Objective,
        brand_id=1,
        statement="Grow followers",
        type="awareness",
        start_date=date(2026, 12, 1),
        due_date=date(2026, 11, 30),
    )

    assert errors == {"due_date": "must be on or after the start date"}


def test_objective_may_start_and_end_the_same_day() -> None:
    day = date(2026, 12, 1)
    item = Objective(brand_id=1, statement="Launch", type="leads", start_date=day, due_date=day)

    assert item.due_date == item.start_date == day


def test_objective_reports_every_broken_field_with_our_words() -> None:
    errors = errors_of(
        Objective,
        brand_id=1,
        statement="",
        type="fame",
        target="a lot",
        start_date="2026-13-01",
    )

    assert errors["statement"] == "required"
    assert errors["type"].startswith("choose one of:")
    assert errors["target"] == "enter a number"
    assert errors["start_date"] == "enter a date as YYYY-MM-DD"
    assert set(errors) == {"statement", "type", "target", "start_date"}


# --- Persona and pillar ---------------------------------------------------------------------


def test_persona_platforms_accept_typed_text() -> None:
    persona = Persona(brand_id=1, name="Baker Bea", platforms="LinkedIn, instagram; x,")

    assert persona.platforms == [Platform.LINKEDIN, Platform.INSTAGRAM, Platform.X]
    assert Persona(brand_id=1, name="Nobody", platforms="").platforms == []


def test_persona_rejects_an_unknown_platform() -> None:
    errors = errors_of(Persona, brand_id=1, name="Bea", platforms="linkedin, myspace")

    assert list(errors) == ["platforms"]


@pytest.mark.parametrize(("given", "kept"), [("#A1B2C3", "#a1b2c3"), (" Green ", "green")])
def test_pillar_accepts_hex_or_named_colours(given: str, kept: str) -> None:
    assert Pillar(brand_id=1, name="Promote", colour=given).colour == kept


@pytest.mark.parametrize("colour", ["chartreuse", "#abc", "#gggggg", ""])
def test_pillar_rejects_other_colours_naming_the_choices(colour: str) -> None:
    errors = errors_of(Pillar, brand_id=1, name="Promote", colour=colour)

    assert list(errors) == ["colour"]
    assert "#rrggbb" in errors["colour"]
    assert "green" in errors["colour"]


def test_pillar_share_is_a_percentage() -> None:
    assert errors_of(Pillar, brand_id=1, name="Promote", target_share=101) == {
        "target_share": "must be at most 100"
    }
    assert errors_of(Pillar, brand_id=1, name="Promote", target_share=-1) == {
        "target_share": "must be at least 0"
    }


# --- field_errors and describe ----------------------------------------------------------------


def test_field_errors_keeps_one_message_per_field() -> None:
    errors = errors_of(Pillar, brand_id="one", name="", colour="mauve", target_share=500)

    assert set(errors) == {"brand_id", "name", "colour", "target_share"}
    assert all(isinstance(message, str) and message for message in errors.values())


def test_an_error_type_we_do_not_word_gets_a_generic_message() -> None:
    class Flag(BaseModel):
        on: bool

    assert errors_of(Flag, on="perhaps") == {"on": "invalid value"}


def test_describe_names_each_field_once() -> None:
    text = describe(
        {"name": "required", "url": "a web address cannot contain spaces", "": "too many"},
        labels={"name": "Name"},
    )

    assert text == "Name: required; url: a web address cannot contain spaces; too many"


def test_describe_of_real_errors_mentions_each_field() -> None:
    errors = errors_of(Channel, brand_id=1, platform="x", handle="", url="maple")

    text = describe(errors, {"handle": "Handle", "url": "Web address"})

    assert text.startswith("Handle: required; Web address: ")


def test_domain_error_carries_its_field() -> None:
    error = DomainError("must be at least the minimum", field="cadence_max")

    assert error.field == "cadence_max"
    assert error.message == str(error) == "must be at least the minimum"
    assert isinstance(error, ValueError)


# --- Pillar presets ---------------------------------------------------------------------------


@pytest.mark.parametrize("item", PRESETS, ids=lambda item: item.key)
def test_every_preset_sums_to_a_whole_mix(item: Any) -> None:
    shares = [pillar.share for pillar in item.pillars]

    assert share_total(shares) == 100
    assert share_problem(shares) == ""
    assert len({pillar.name for pillar in item.pillars}) == len(item.pillars)


def test_the_presets_are_the_seeds_mixes() -> None:
    assert [pillar.share for pillar in preset("80-20").pillars] == [80, 20]
    assert [pillar.share for pillar in preset("50-25-20-5").pillars] == [50, 25, 20, 5]
    thirds = [pillar.share for pillar in preset("thirds").pillars]
    assert len(thirds) == 3
    assert max(thirds) - min(thirds) <= 1


def test_an_unknown_preset_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        preset("90-10")


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([50, 30], "shares sum to 80%: 20% unassigned"),
        ([60, 60], "shares sum to 120%: 20% too much"),
        ([], "shares sum to 0%: 100% unassigned"),
        ([25, 25, 25, 25], ""),
    ],
)
def test_share_problem_explains_the_gap(shares: list[int], expected: str) -> None:
    assert share_problem(shares) == expected


# --- Channel defaults -------------------------------------------------------------------------


def test_every_platform_has_a_character_limit_entry() -> None:
    assert set(CHAR_LIMITS) == set(Platform)
    for platform in Platform:
        limit = default_char_limit(platform)
        assert limit is None or limit > 0


@pytest.mark.parametrize(
    ("platform", "limit"),
    [
        (Platform.X, 280),
        (Platform.BLUESKY, 300),
        (Platform.THREADS, 500),
        (Platform.MASTODON, 500),
        (Platform.LINKEDIN, 3000),
        (Platform.INSTAGRAM, 2200),
        (Platform.TIKTOK, 2200),
        (Platform.FACEBOOK, 63206),
        (Platform.YOUTUBE, 5000),
        (Platform.PINTEREST, 500),
    ],
)
def test_character_limits_from_the_design(platform: Platform, limit: int) -> None:
    assert default_char_limit(platform) == limit


def test_x_counts_links_as_23_characters() -> None:
    assert LINK_LENGTH[Platform.X] == 23


@pytest.mark.parametrize("platform", list(Platform))
def test_every_platform_default_makes_a_valid_channel(platform: Platform) -> None:
    cadence = default_cadence(platform)

    item = Channel(
        brand_id=1,
        platform=platform,
        handle="@maple",
        char_limit=default_char_limit(platform),
        cadence_min=cadence.minimum,
        cadence_max=cadence.maximum,
        cadence_period=cadence.period,
    )

    assert item.cadence_period in set(CadencePeriod)


def test_cadence_defaults_follow_the_seeds() -> None:
    blog = default_cadence(Platform.BLOG)
    linkedin = default_cadence(Platform.LINKEDIN)
    x = default_cadence(Platform.X)

    assert (blog.minimum, blog.maximum, blog.period) == (4, 4, CadencePeriod.MONTH)
    assert (linkedin.minimum, linkedin.maximum, linkedin.period) == (2, 3, CadencePeriod.WEEK)
    assert (x.minimum, x.maximum) == (None, None)


# --- Clock -----------------------------------------------------------------------------------


def test_now_honours_smtui_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTUI_NOW", "2026-11-23T08:30:00-05:00")

    instant = now()

    assert instant == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
    assert instant.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text", ["2026-11-23T13:30:00Z", "2026-11-23T13:30:00", " 2026-11-23 13:30:00+00:00 "]
)
def test_instants_without_an_offset_or_with_z_are_utc(text: str) -> None:
    assert parse_instant(text) == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
    assert parse_instant(text).tzinfo is UTC


@pytest.mark.parametrize("garbage", ["tomorrow", "2026-13-45T00:00:00", "now"])
def test_now_rejects_garbage_in_smtui_now(monkeypatch: pytest.MonkeyPatch, garbage: str) -> None:
    monkeypatch.setenv("SMTUI_NOW", garbage)

    with pytest.raises(ClockError, match="SMTUI_NOW"):
        now()


def test_without_smtui_now_the_clock_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMTUI_NOW")

    before = datetime.now(UTC)
    instant = now()
    after = datetime.now(UTC)

    assert before <= instant <= after
    assert instant.utcoffset() == timedelta(0)


def test_a_fixed_clock_answers_its_instant_in_utc() -> None:
    clock = fixed(datetime.fromisoformat("2026-01-01T09:00:00+01:00"))

    assert clock() == clock() == datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    assert clock().utcoffset() == timedelta(0)


# --- Text from outside -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b[31mred\x1b[0m",  # ESC, CSI colour
        "\x1b]52;c;aGVsbG8=\x07",  # OSC 52 clipboard write, BEL-terminated
        "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
        "\x9b2J\x9d0;title\x9c",  # C1 CSI, OSC and ST
        "a\x00b\x08c\x7fd\x85e\re",  # NUL, backspace, DEL, NEL, CR
    ],
)
def test_strip_controls_leaves_no_control_character(hostile: str) -> None:
    cleaned = strip_controls(hostile)

    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)


def test_strip_controls_keeps_text_newlines_and_tabs() -> None:
    text = "Merci 🎉 à tous\n\tvoir « le menu » — 5 €\n"

    assert strip_controls(text) == text
    assert strip_controls("\x1b[1mbold\x1b[0m\tand\nmore") == "[1mbold[0m\tand\nmore"


def test_one_line_cleans_and_cuts() -> None:
    assert one_line("\x07  first\tline  \nsecond", width=8) == "first l…"
    assert one_line("Maple & Grain", width=7) == "Maple…"  # no space before the ellipsis
    assert one_line("short") == "short"


# --- Enumerations ----------------------------------------------------------------------------


def test_priority_rank_round_trip_and_order() -> None:
    ranks = [priority.rank for priority in Priority]

    assert ranks == sorted(set(ranks))
    assert all(Priority.from_rank(priority.rank) is priority for priority in Priority)
    assert Priority.URGENT.rank < Priority.HIGH.rank < Priority.NORMAL.rank < Priority.LOW.rank


def test_an_unknown_priority_rank_is_refused() -> None:
    with pytest.raises(IndexError):
        Priority.from_rank(len(Priority))


@pytest.mark.parametrize(
    "vocabulary",
    [Platform, ChannelStatus, ObjectiveType, PostStatus, InboxKind, InboxStatus, CadencePeriod],
)
def test_every_member_has_a_label(vocabulary: Any) -> None:
    for member in vocabulary:
        assert member.label.strip()
        assert "_" not in member.label


def test_labels_use_the_brand_names() -> None:
    assert Platform.LINKEDIN.label == "LinkedIn"
    assert Platform.YOUTUBE.label == "YouTube"
    assert ChannelStatus.FRAUDULENT.label == "Fraudulent, to report"
    assert ObjectiveType.CUSTOMER_SERVICE.label == "Customer service"
