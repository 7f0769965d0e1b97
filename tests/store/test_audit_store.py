"""Tests of the audit and competitor repositories on a real, migrated SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from smtui.domain.audit import (
    AuditItem,
    CompetitorObservation,
    FrequencyVerdict,
    compare,
    compare_frequency,
    load_template,
    progress,
)
from smtui.domain.enums import Platform
from smtui.domain.models import Brand, Channel
from smtui.domain.validation import DomainError, field_errors
from smtui.store import Store


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple Bakery", timezone="America/Toronto"))


@pytest.fixture
def channels(store: Store, brand: Brand) -> list[Channel]:
    assert brand.id is not None
    return [
        store.channels.add(Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="@maple")),
        store.channels.add(Channel(brand_id=brand.id, platform=Platform.X, handle="@maplebakes")),
    ]


def _item(items: list[AuditItem], key: str, channel_id: int | None = None) -> AuditItem:
    return next(item for item in items if item.key == key and item.channel_id == channel_id)


def test_start_run_copies_the_template_expanded_for_the_brands_channels(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    assert brand.id is not None
    run = store.audits.start_run(brand.id, "Q1 2027 audit", date(2027, 1, 4))
    assert run.id is not None
    assert run.template_version == "1"
    assert run.finished_at is None
    items = store.audits.items(run.id)
    template = load_template()
    per_channel = sum(item.per_channel for item in template.items)
    assert len(items) == len(template.items) + per_channel * (len(channels) - 1)
    # Template order: sections as in the template, positions increasing.
    titles = [section.title for section in template.sections]
    seen = list(dict.fromkeys(item.section for item in items))
    assert seen == titles
    assert [item.position for item in items] == sorted(item.position for item in items)
    inventory = [item for item in items if item.key == "inventory.manager"]
    assert {item.channel_id for item in inventory} == {channel.id for channel in channels}
    assert all(item.source for item in items)


def test_tick_note_due_date_make_an_action_until_done(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    assert brand.id is not None
    run = store.audits.start_run(brand.id, "Q1 2027 audit", date(2027, 1, 4))
    assert run.id is not None
    items = store.audits.items(run.id)
    ticked = items[0].model_copy(update={"done": True, "note": "site, blog and newsletter"})
    store.audits.update_item(ticked)
    action = _item(items, "inventory.decision", channels[1].id).model_copy(
        update={
            "due_date": date(2027, 1, 15),
            "owner": "Léa",
            "evidence_url": "https://x.com/maplebakes",
        }
    )
    saved = store.audits.update_item(action)
    assert saved.owner == "Léa" and saved.evidence_url == "https://x.com/maplebakes"

    reloaded = store.audits.items(run.id)
    assert reloaded[0].done and reloaded[0].note == "site, blog and newsletter"
    assert progress(reloaded).overall.done == 1

    assert store.audits.actions_due(brand.id, date(2027, 1, 14)) == []
    due = store.audits.actions_due(brand.id, date(2027, 1, 15))
    assert [(found.item.id, found.run_title, found.brand_id) for found in due] == [
        (action.id, "Q1 2027 audit", brand.id)
    ]

    store.audits.update_item(saved.model_copy(update={"done": True}))
    assert store.audits.actions_due(brand.id, date(2027, 12, 31)) == []


def test_update_item_cannot_rewrite_the_runs_text(store: Store, brand: Brand) -> None:
    assert brand.id is not None
    run = store.audits.start_run(brand.id, "Q1", date(2027, 1, 4))
    assert run.id is not None
    first = store.audits.items(run.id)[0]
    store.audits.update_item(first.model_copy(update={"text": "something else", "done": True}))
    again = store.audits.items(run.id)[0]
    assert again.text == first.text and again.done


def test_finish_then_second_run_compares_and_keeps_history(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    assert brand.id is not None
    first = store.audits.start_run(brand.id, "Q1 2027 audit", date(2027, 1, 4))
    assert first.id is not None
    first_items = store.audits.items(first.id)
    for key, channel_id in (
        ("situation.web_presence", None),
        ("objectives.smart", None),
        ("inventory.manager", channels[0].id),
    ):
        item = _item(first_items, key, channel_id)
        store.audits.update_item(item.model_copy(update={"done": True}))
    finished_at = datetime(2027, 1, 20, 16, 0, tzinfo=UTC)
    finished = store.audits.finish_run(first.id, finished_at)
    assert finished.finished_at == finished_at and finished.finished

    second = store.audits.start_run(brand.id, "Q2 2027 audit", date(2027, 4, 5))
    assert second.id is not None and second.id != first.id
    second_items = store.audits.items(second.id)
    assert not any(item.done for item in second_items)
    store.audits.update_item(
        _item(second_items, "situation.web_presence").model_copy(update={"done": True})
    )
    store.audits.update_item(
        _item(second_items, "calendar.cadence", channels[1].id).model_copy(update={"done": True})
    )

    assert store.audits.previous_run(second.id) == finished
    assert store.audits.previous_run(first.id) is None
    assert [run.id for run in store.audits.list_runs(brand.id)] == [second.id, first.id]

    result = compare(store.audits.items(first.id), store.audits.items(second.id))
    changed = {(change.current.key, change.current.channel_id) for change in result.changed}
    assert changed == {
        ("objectives.smart", None),
        ("inventory.manager", channels[0].id),
        ("calendar.cadence", channels[1].id),
    }
    assert result.added == [] and result.removed == []

    # The first run is history: its ticks are untouched by the second.
    old = store.audits.items(first.id)
    assert sum(item.done for item in old) == 3
    assert store.audits.get(first.id).finished_at == finished_at


def test_a_new_channel_shows_as_added_in_the_comparison(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    assert brand.id is not None
    first = store.audits.start_run(brand.id, "Q1", date(2027, 1, 4))
    tiktok = store.channels.add(Channel(brand_id=brand.id, platform=Platform.TIKTOK, handle="@m"))
    second = store.audits.start_run(brand.id, "Q2", date(2027, 4, 5))
    assert first.id is not None and second.id is not None
    result = compare(store.audits.items(first.id), store.audits.items(second.id))
    assert result.added and {item.channel_id for item in result.added} == {tiktok.id}
    assert all("TikTok @m" in item.text for item in result.added)


def test_bad_item_values_name_the_field(store: Store, brand: Brand) -> None:
    assert brand.id is not None
    run = store.audits.start_run(brand.id, "Q1", date(2027, 1, 4))
    assert run.id is not None
    item = store.audits.items(run.id)[0]
    with pytest.raises(ValidationError) as caught:
        AuditItem.model_validate({**item.model_dump(), "evidence_url": "not a url"})
    assert "evidence_url" in field_errors(caught.value)
    with pytest.raises(ValidationError) as caught:
        store.audits.start_run(brand.id, "  ", date(2027, 1, 4))
    assert "title" in field_errors(caught.value)
    assert len(store.audits.list_runs(brand.id)) == 1


def test_competitor_change_since_last_observation(store: Store, brand: Brand) -> None:
    assert brand.id is not None
    add = store.competitors.add
    add(
        CompetitorObservation(
            brand_id=brand.id,
            name="Birch Café",
            platform=Platform.INSTAGRAM,
            handle="@birch",
            followers=1000,
            posts_per_week=3,
            content_types="photos, reels",
            observed_on=date(2026, 9, 1),
        )
    )
    add(
        CompetitorObservation(
            brand_id=brand.id,
            name="Birch Café",
            platform=Platform.INSTAGRAM,
            followers=1200,
            posts_per_week=4.5,
            observed_on=date(2026, 10, 1),
        )
    )
    latest = add(
        CompetitorObservation(
            brand_id=brand.id,
            name="Birch Café",
            platform=Platform.INSTAGRAM,
            followers=1150,
            posts_per_week=5,
            observed_on=date(2026, 11, 1),
        )
    )
    only = add(
        CompetitorObservation(
            brand_id=brand.id,
            name="Oak Bakery",
            platform=Platform.LINKEDIN,
            followers=300,
            observed_on=date(2026, 11, 2),
        )
    )
    other = store.brands.add(Brand(name="Elsewhere"))
    assert other.id is not None
    add(
        CompetitorObservation(
            brand_id=other.id, name="Birch Café", platform="instagram", observed_on=date(2027, 1, 1)
        )
    )

    changes = store.competitors.latest_with_change(brand.id)
    assert [change.latest.id for change in changes] == [latest.id, only.id]
    birch, oak = changes
    assert birch.previous_on == date(2026, 10, 1)
    assert birch.followers_change == -50
    assert birch.posts_per_week_change == pytest.approx(0.5)
    assert oak.previous_on is None and oak.followers_change is None

    assert len(store.competitors.list(brand.id)) == 4
    store.competitors.delete(latest.id or 0)
    birch_again = store.competitors.latest_with_change(brand.id)[0]
    assert birch_again.latest.observed_on == date(2026, 10, 1)
    assert birch_again.followers_change == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [("followers", -1), ("posts_per_week", -0.5), ("name", ""), ("platform", "myspace")],
)
def test_bad_competitor_values_name_the_field(field: str, value: object) -> None:
    values: dict[str, object] = {
        "brand_id": 1,
        "name": "Birch Café",
        "platform": "instagram",
        "observed_on": date(2026, 11, 1),
        field: value,
    }
    with pytest.raises(ValidationError) as caught:
        CompetitorObservation.model_validate(values)
    assert field in field_errors(caught.value)


def test_actions_due_across_brands_soonest_first_with_a_limit(store: Store, brand: Brand) -> None:
    other = store.brands.add(Brand(name="Birch Café"))
    assert brand.id is not None and other.id is not None
    mine = store.audits.start_run(brand.id, "Q4 2026 audit", date(2026, 11, 2))
    theirs = store.audits.start_run(other.id, "Birch Q4", date(2026, 11, 3))
    assert mine.id is not None and theirs.id is not None
    due_dates = {
        mine.id: (date(2026, 11, 20), date(2026, 11, 25), date(2026, 12, 31)),
        theirs.id: (date(2026, 11, 22),),
    }
    for run_id, dates in due_dates.items():
        for item, due in zip(store.audits.items(run_id), dates, strict=False):
            store.audits.update_item(item.model_copy(update={"due_date": due, "owner": "Léa"}))

    everyone = store.audits.actions_due(None, date(2026, 11, 30))
    assert [(a.item.due_date, a.run_title) for a in everyone] == [
        (date(2026, 11, 20), "Q4 2026 audit"),
        (date(2026, 11, 22), "Birch Q4"),
        (date(2026, 11, 25), "Q4 2026 audit"),
    ]
    assert [a.brand_id for a in everyone] == [brand.id, other.id, brand.id]
    assert len(store.audits.actions_due(None, date(2026, 11, 30), limit=2)) == 2
    assert [a.item.due_date for a in store.audits.actions_due(other.id, date(2027, 1, 1))] == [
        date(2026, 11, 22)
    ]
    # An action of a finished run stays due until it is done.
    store.audits.finish_run(mine.id, datetime(2026, 11, 23, tzinfo=UTC))
    assert len(store.audits.actions_due(brand.id, date(2026, 11, 30))) == 2


def test_progress_and_run_summaries_are_counted_in_sql(
    store: Store, brand: Brand, channels: list[Channel]
) -> None:
    assert brand.id is not None
    first = store.audits.start_run(brand.id, "Q3 2026 audit", date(2026, 8, 3))
    second = store.audits.start_run(brand.id, "Q4 2026 audit", date(2026, 11, 2))
    assert first.id is not None and second.id is not None
    items = store.audits.items(second.id)
    for item in items[:5]:
        store.audits.update_item(item.model_copy(update={"done": True}))
    store.audits.update_item(items[7].model_copy(update={"due_date": date(2026, 12, 1)}))

    counted = store.audits.progress(second.id)
    assert counted == progress(store.audits.items(second.id))
    assert counted.overall.done == 5 and counted.overall.total == len(items)
    assert [s.section for s in counted.sections][:2] == ["Situation analysis", "Objectives"]

    newest, oldest = store.audits.run_summaries(brand.id)
    assert (newest.run.id, newest.done, newest.total, newest.open_actions) == (
        second.id,
        5,
        len(items),
        1,
    )
    assert (oldest.run.id, oldest.done, oldest.percent) == (first.id, 0, 0)
    assert store.audits.latest_run(brand.id) == newest.run
    section = items[0].section
    assert [i.id for i in store.audits.items(second.id, section)] == [
        i.id for i in items if i.section == section
    ]


def test_a_finished_run_is_history_and_cannot_change(store: Store, brand: Brand) -> None:
    assert brand.id is not None
    run = store.audits.start_run(brand.id, "Q3 2026 audit", date(2026, 8, 3))
    assert run.id is not None
    at = datetime(2026, 8, 20, tzinfo=UTC)
    store.audits.finish_run(run.id, at)
    item = store.audits.items(run.id)[0]
    with pytest.raises(DomainError, match="finished"):
        store.audits.update_item(item.model_copy(update={"done": True}))
    assert not store.audits.get_item(item.id or 0).done
    # Finishing again keeps the first date.
    later = datetime(2026, 9, 1, tzinfo=UTC)
    assert store.audits.finish_run(run.id, later).finished_at == at


def test_a_competitors_frequency_against_the_brands_planned_cadence() -> None:
    def channel(platform: Platform, low: int | None, high: int | None, period: str) -> Channel:
        return Channel(
            brand_id=1,
            platform=platform,
            handle="@m",
            cadence_min=low,
            cadence_max=high,
            cadence_period=period,
        )

    def seen(platform: Platform, posts: float | None) -> CompetitorObservation:
        return CompetitorObservation(
            brand_id=1,
            name="Birch",
            platform=platform,
            posts_per_week=posts,
            observed_on=date(2026, 11, 1),
        )

    channels = [
        channel(Platform.INSTAGRAM, 3, 5, "week"),
        channel(Platform.BLOG, 4, 4, "month"),
        channel(Platform.X, None, None, "week"),
    ]
    verdicts = {
        (Platform.INSTAGRAM, 6): FrequencyVerdict.MORE,
        (Platform.INSTAGRAM, 5): FrequencyVerdict.WITHIN,
        (Platform.INSTAGRAM, 2.5): FrequencyVerdict.FEWER,
        (Platform.INSTAGRAM, None): FrequencyVerdict.UNKNOWN,
        (Platform.X, 20): FrequencyVerdict.NO_PLAN,  # a channel, but no cadence set
        (Platform.TIKTOK, 7): FrequencyVerdict.NO_PLAN,  # no channel at all
        # 4 a month is about 0.92 a week; 10% either side reads as the same.
        (Platform.BLOG, 1): FrequencyVerdict.WITHIN,
        (Platform.BLOG, 0.8): FrequencyVerdict.FEWER,
        (Platform.BLOG, 1.1): FrequencyVerdict.MORE,
        (Platform.INSTAGRAM, 5.5): FrequencyVerdict.WITHIN,
        (Platform.INSTAGRAM, 2.7): FrequencyVerdict.WITHIN,
    }
    for (platform, posts), verdict in verdicts.items():
        assert compare_frequency(seen(platform, posts), channels).verdict is verdict
    blog = compare_frequency(seen(Platform.BLOG, 1), channels)
    assert blog.planned_low == pytest.approx(4 * 7 / (365.25 / 12))
    # Two accounts on one platform: the brand plans the posts of both.
    both = [*channels, channel(Platform.INSTAGRAM, 1, 2, "week")]
    total = compare_frequency(seen(Platform.INSTAGRAM, 6), both)
    assert (total.planned_low, total.planned_high, total.verdict) == (4, 7, FrequencyVerdict.WITHIN)
