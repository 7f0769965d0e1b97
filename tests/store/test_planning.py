"""Brand working rules and recurring posting slots: validation, storage, expansion in time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from pydantic import ValidationError

from smtui.domain.enums import Platform
from smtui.domain.models import Brand, Channel
from smtui.domain.planning import BrandSettings, RecurringSlot, occurrences, open_slots
from smtui.domain.validation import DomainError, field_errors
from smtui.store import Store


@pytest.fixture
def brand_channel(store: Store) -> tuple[Brand, Channel]:
    brand = store.brands.add(Brand(name="Slots", timezone="America/Toronto"))
    assert brand.id is not None
    channel = store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.LINKEDIN, handle="slots")
    )
    return brand, channel


def test_settings_default_until_saved_then_kept(
    store: Store, brand_channel: tuple[Brand, Channel]
) -> None:
    brand, _channel = brand_channel
    assert brand.id is not None
    assert store.brand_settings.get(brand.id) == BrandSettings(brand_id=brand.id)
    saved = store.brand_settings.save(
        BrandSettings(
            brand_id=brand.id,
            working_hours_enabled=True,
            work_days="0,1,2,3",
            work_start="08:30",
            work_end="16:00",
            conflict_gap_minutes=90,
        )
    )
    assert store.brand_settings.get(brand.id) == saved
    assert saved.work_days == (0, 1, 2, 3)
    assert saved.work_start == time(8, 30)
    assert saved.conflict_gap == timedelta(minutes=90)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"work_start": "9h"}, "work_start"),
        ({"work_days": "0,9"}, "work_days"),
        ({"work_days": "", "working_hours_enabled": True}, "work_days"),
        ({"work_start": "17:00", "work_end": "09:00", "working_hours_enabled": True}, "work_end"),
    ],
)
def test_bad_settings_name_their_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        BrandSettings(brand_id=1, **changes)  # type: ignore[arg-type]
    assert list(field_errors(caught.value)) == [field]


def test_a_slot_is_unique_per_channel_day_and_time(
    store: Store, brand_channel: tuple[Brand, Channel]
) -> None:
    brand, channel = brand_channel
    assert brand.id is not None and channel.id is not None
    slot = RecurringSlot(brand_id=brand.id, channel_id=channel.id, weekday=1, time_local="9:30")
    assert store.slots.add(slot).time_local == "09:30"
    with pytest.raises(DomainError) as caught:
        store.slots.add(slot)
    assert caught.value.field == "time_local"
    assert len(store.slots.list(brand.id)) == 1


def test_slots_expand_in_the_brand_zone_across_dst() -> None:
    slot = RecurringSlot(brand_id=1, channel_id=7, weekday=6, time_local="09:30")
    # Toronto leaves DST on Sunday 1 November 2026: 09:30 stays 09:30 local.
    found = occurrences([slot], date(2026, 10, 25), date(2026, 11, 1), "America/Toronto")
    assert [item.at for item in found] == [
        datetime(2026, 10, 25, 13, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 14, 30, tzinfo=UTC),
    ]


def test_a_post_near_a_slot_fills_it_another_channel_does_not() -> None:
    slot = RecurringSlot(brand_id=1, channel_id=7, weekday=1, time_local="09:30")
    found = occurrences([slot], date(2026, 11, 24), date(2026, 12, 1), "UTC")
    tuesday = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    gap = timedelta(minutes=60)
    empty = open_slots(found, [(7, tuesday), (8, datetime(2026, 12, 1, 9, 30, tzinfo=UTC))], gap)
    assert [item.day for item in empty] == [date(2026, 12, 1)]
