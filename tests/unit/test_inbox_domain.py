"""Tests of the queue's pure rules: due times in working hours (weekends, DST), targets,
priority rules, saved-reply placeholders and HTML to text."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pendulum
import pytest

from smtui.domain.enums import InboxKind, Priority
from smtui.domain.inbox import InboxItem, PriorityRule, ResponseTarget, parse_tags, tags_column
from smtui.domain.intake import IntakeRules
from smtui.domain.planning import BrandSettings
from smtui.domain.priority import priority_for
from smtui.domain.replies import SavedReply, fill_placeholders
from smtui.domain.response_time import (
    DEFAULT_TARGET_MINUTES,
    due_at,
    next_week_start,
    next_work_start,
    target_minutes,
)
from smtui.io.html_text import html_to_text

TZ = "America/Toronto"
OFFICE = BrandSettings(brand_id=1, working_hours_enabled=True)  # Mon-Fri 09:00-17:00


def local(*parts: int) -> datetime:
    moment = pendulum.datetime(*parts, tz=TZ)
    return datetime.fromtimestamp(moment.timestamp(), UTC)


def test_without_working_hours_a_target_is_elapsed_time() -> None:
    received = local(2026, 10, 31, 12, 0)  # Saturday, EDT
    due = due_at(received, 24 * 60, BrandSettings(brand_id=1), TZ)
    assert due == datetime(2026, 11, 1, 16, 0, tzinfo=UTC)  # 24 real hours, across DST


def test_friday_afternoon_item_is_due_monday_morning_across_dst() -> None:
    # Friday 30 October 16:30 EDT; DST ends Sunday 1 November; Monday is EST (UTC-5).
    received = local(2026, 10, 30, 16, 30)
    due = due_at(received, 60, OFFICE, TZ)
    assert due == local(2026, 11, 2, 9, 30)
    assert due == datetime(2026, 11, 2, 14, 30, tzinfo=UTC)


def test_spring_forward_weekend() -> None:
    received = local(2026, 3, 6, 16, 0)  # Friday EST; DST starts Sunday 8 March
    due = due_at(received, 120, OFFICE, TZ)
    assert due == local(2026, 3, 9, 10, 0)
    assert due == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)  # EDT


def test_item_received_at_night_starts_counting_at_opening() -> None:
    received = local(2026, 11, 24, 3, 0)  # Tuesday 03:00
    assert due_at(received, 4 * 60, OFFICE, TZ) == local(2026, 11, 24, 13, 0)


def test_a_long_target_spans_several_working_days() -> None:
    received = local(2026, 11, 26, 16, 0)  # Thursday 16:00
    # 1 h Thursday + 8 h Friday + 1 h Monday = 10 working hours.
    assert due_at(received, 10 * 60, OFFICE, TZ) == local(2026, 11, 30, 10, 0)


def test_custom_days_and_hours() -> None:
    bakery = BrandSettings(
        brand_id=1,
        working_hours_enabled=True,
        work_days=(1, 2, 3, 4, 5, 6),
        work_start=time(7, 0),
        work_end=time(18, 0),
    )
    received = local(2026, 11, 23, 10, 0)  # a Monday, closed
    assert due_at(received, 30, bakery, TZ) == local(2026, 11, 24, 7, 30)


def test_snooze_times() -> None:
    friday_evening = local(2026, 10, 30, 20, 0)
    assert next_work_start(friday_evening, OFFICE, TZ) == local(2026, 11, 2, 9, 0)
    assert next_work_start(friday_evening, BrandSettings(brand_id=1), TZ) == local(
        2026, 10, 31, 9, 0
    )
    assert next_week_start(local(2026, 11, 25, 12, 0), OFFICE, TZ) == local(2026, 11, 30, 9, 0)


def test_target_lookup_channel_then_brand_then_default() -> None:
    targets = [
        ResponseTarget(brand_id=1, kind=InboxKind.COMMENT, minutes=120),
        ResponseTarget(brand_id=1, kind=InboxKind.COMMENT, channel_id=7, minutes=30),
    ]
    assert target_minutes(InboxKind.COMMENT, 7, targets) == 30
    assert target_minutes(InboxKind.COMMENT, 8, targets) == 120
    assert target_minutes(InboxKind.DM, 7, targets) == DEFAULT_TARGET_MINUTES[InboxKind.DM] == 60
    assert DEFAULT_TARGET_MINUTES[InboxKind.SHARE] == 72 * 60


RULES = [
    PriorityRule(brand_id=1, keyword="refund", priority=Priority.URGENT),
    PriorityRule(brand_id=1, keyword="Remboursement", priority=Priority.URGENT),
    PriorityRule(brand_id=1, keyword="giveaway", priority=Priority.LOW),
]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (InboxKind.COMMENT, "I want a REFUND now", Priority.URGENT),
        (InboxKind.SHARE, "demande de remboursement", Priority.URGENT),
        (InboxKind.COMMENT, "REMBOURSÉMENT svp", Priority.URGENT),  # accents and case ignored
        (InboxKind.DM, "is this a giveaway?", Priority.LOW),  # the user's rule wins
        (InboxKind.DM, "hello", Priority.HIGH),
        (InboxKind.QUESTION, "open sunday?", Priority.HIGH),
        (InboxKind.REVIEW, "great", Priority.HIGH),
        (InboxKind.COMMENT, "nice", Priority.NORMAL),
        (InboxKind.SHARE, "shared", Priority.LOW),
        (InboxKind.COMMENT, "refund giveaway", Priority.URGENT),  # the most urgent match
    ],
)
def test_priority_rules(kind: InboxKind, text: str, expected: Priority) -> None:
    assert priority_for(kind, text, RULES) is expected


def test_intake_applies_target_and_rules() -> None:
    rules = IntakeRules(OFFICE, TZ, rules=RULES)
    item = InboxItem(
        brand_id=1, kind=InboxKind.DM, text="refund?", received_at=local(2026, 11, 27, 16, 30)
    )
    applied = rules.apply(item)
    assert applied.priority is Priority.URGENT
    assert applied.due_at == local(2026, 11, 30, 9, 30)
    kept = rules.apply(item.model_copy(update={"priority": Priority.LOW}), keep_priority=True)
    assert kept.priority is Priority.LOW


def test_placeholders_filled_unknown_left_visible() -> None:
    text = "Merci {author} ! L'équipe {brand} sur {channel}. {unknown} {author"
    values = {"author": "Zoé", "brand": "Maple & Grain", "channel": "Instagram"}
    assert (
        fill_placeholders(text, values)
        == "Merci Zoé ! L'équipe Maple & Grain sur Instagram. {unknown} {author"
    )
    assert fill_placeholders("Hi {author}", {"author": ""}) == "Hi {author}"


def test_saved_reply_matches_name_and_tags() -> None:
    reply = SavedReply(brand_id=1, name="Heures d'ouverture", tags="hours, FR", text="x")
    assert reply.tags == ("hours", "fr")
    assert reply.matches("heures")
    assert reply.matches("HOURS fr")
    assert not reply.matches("refund")


def test_tags_round_trip() -> None:
    assert parse_tags(" Billing, vip;billing ,,") == ("billing", "vip")
    assert tags_column(("billing", "vip")) == ",billing,vip,"
    assert parse_tags(",billing,vip,") == ("billing", "vip")
    assert tags_column(()) == ""


def test_html_to_text() -> None:
    html = (
        '<p><span class="h-card"><a href="https://m.example/@maple" class="u-url mention">'
        "@<span>maple</span></a></span> Open &amp; warm?<br>Line two</p>"
        "<p>Para &lt;b&gt; 2&#39;s</p><script>alert(1)</script>"
    )
    assert html_to_text(html) == "@maple Open & warm?\nLine two\n\nPara <b> 2's"
    assert html_to_text("plain text") == "plain text"
