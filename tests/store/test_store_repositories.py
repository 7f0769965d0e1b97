"""Tests of every repository on a real, migrated SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from smtui.domain.clock import Clock
from smtui.domain.enums import (
    CadencePeriod,
    ChannelStatus,
    MetricFrequency,
    ObjectiveStatus,
    ObjectiveType,
    Platform,
)
from smtui.domain.models import Brand, Channel, Metric, Objective, Persona, Pillar
from smtui.domain.validation import DomainError
from smtui.store import NotFoundError, Store
from smtui.store.engine import make_engine, sqlite_url
from smtui.store.tables import (
    BrandRow,
    ChannelRow,
    MetricRow,
    ObjectiveRow,
    PersonaRow,
    PillarRow,
)


@pytest.fixture
def brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Maple Bakery", timezone="America/Toronto"))


@pytest.fixture
def other_brand(store: Store) -> Brand:
    return store.brands.add(Brand(name="Birch Café", timezone="Europe/Paris"))


@pytest.fixture
def second_store(db_path: Path, store: Store, clock: Clock) -> Iterator[Store]:
    """Another engine on the same file, as a second window or process would have."""
    opened = Store(make_engine(sqlite_url(db_path)), clock)
    yield opened
    opened.close()


def linkedin(brand_id: int, **changes: Any) -> Channel:
    values: dict[str, Any] = {
        "brand_id": brand_id,
        "platform": Platform.LINKEDIN,
        "handle": "@maple",
        "url": "https://www.linkedin.com/company/maple",
        "manager": "Sam",
        "mission": "Show the bakery's craft to local businesses",
        "status": ChannelStatus.ACTIVE,
        "char_limit": 3000,
        "cadence_min": 2,
        "cadence_max": 3,
        "cadence_period": CadencePeriod.WEEK,
    }
    values.update(changes)
    return Channel(**values)


def goal(brand_id: int, **changes: Any) -> Objective:
    values: dict[str, Any] = {
        "brand_id": brand_id,
        "statement": "Grow LinkedIn followers among local offices",
        "type": ObjectiveType.AWARENESS,
        "metric_name": "LinkedIn followers",
        "baseline": 400.0,
        "target": 600.0,
        "start_date": date(2026, 11, 1),
        "due_date": date(2027, 2, 28),
    }
    values.update(changes)
    return Objective(**values)


def count(store: Store, row_type: type[Any]) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(row_type)) or 0


# --- Brands -------------------------------------------------------------------------------


def test_brand_round_trip(store: Store) -> None:
    added = store.brands.add(
        Brand(
            name="Maple Bakery",
            timezone="America/Toronto",
            description="Sourdough in Verdun",
            voice_tone="Warm, plain, a little funny",
            dos="Thank every customer",
            donts="No discounts talk on LinkedIn",
        )
    )

    assert added.id is not None
    assert store.brands.get(added.id) == added
    assert added.voice_tone == "Warm, plain, a little funny"


def test_brands_are_listed_by_name_and_counted(store: Store) -> None:
    for name in ("Oak", "Birch", "Maple"):
        store.brands.add(Brand(name=name))

    assert [brand.name for brand in store.brands.list()] == ["Birch", "Maple", "Oak"]
    assert store.brands.count() == 3


def test_a_duplicate_brand_name_is_a_domain_error_on_the_name(store: Store, brand: Brand) -> None:
    with pytest.raises(DomainError) as caught:
        store.brands.add(Brand(name="Maple Bakery"))

    assert caught.value.field == "name"
    assert "already exists" in caught.value.message
    assert store.brands.count() == 1


def test_renaming_onto_another_brand_is_refused_and_changes_nothing(
    store: Store, brand: Brand, other_brand: Brand
) -> None:
    with pytest.raises(DomainError) as caught:
        store.brands.update(other_brand.model_copy(update={"name": brand.name}))

    assert caught.value.field == "name"
    assert store.brands.get(other_brand.id).name == "Birch Café"


def test_brand_update_persists(store: Store, brand: Brand) -> None:
    store.brands.update(brand.model_copy(update={"voice_tone": "Cheerful", "timezone": "UTC"}))

    again = store.brands.get(brand.id)
    assert (again.voice_tone, again.timezone) == ("Cheerful", "UTC")


def test_ensure_one_creates_the_first_brand_once(store: Store) -> None:
    first = store.brands.ensure_one("America/Toronto")
    second = store.brands.ensure_one("Europe/Paris")

    assert first.id == second.id
    assert first.timezone == "America/Toronto"
    assert first.name
    assert store.brands.count() == 1


def test_ensure_one_keeps_existing_brands(store: Store, brand: Brand, other_brand: Brand) -> None:
    assert store.brands.ensure_one("UTC") == other_brand  # the first by name
    assert store.brands.count() == 2


# --- Channels -----------------------------------------------------------------------------


def test_channel_round_trip(store: Store, brand: Brand) -> None:
    added = store.channels.add(linkedin(brand.id))

    fetched = store.channels.get(added.id)
    assert fetched == added
    assert fetched.platform is Platform.LINKEDIN
    assert fetched.status is ChannelStatus.ACTIVE
    assert (fetched.cadence_min, fetched.cadence_max) == (2, 3)
    assert fetched.url == "https://www.linkedin.com/company/maple"


def test_channels_are_listed_for_their_brand_only(
    store: Store, brand: Brand, other_brand: Brand
) -> None:
    store.channels.add(linkedin(brand.id, handle="@maple-b"))
    store.channels.add(linkedin(brand.id, platform=Platform.BLOG, handle="blog", url=None))
    store.channels.add(linkedin(brand.id, handle="@maple-a"))
    store.channels.add(linkedin(other_brand.id, handle="@birch"))

    listed = store.channels.list(brand.id)

    assert [(item.platform, item.handle) for item in listed] == [
        (Platform.BLOG, "blog"),
        (Platform.LINKEDIN, "@maple-a"),
        (Platform.LINKEDIN, "@maple-b"),
    ]


def test_channel_update_and_delete(store: Store, brand: Brand) -> None:
    added = store.channels.add(linkedin(brand.id))

    updated = store.channels.update(added.model_copy(update={"mission": "Hire bakers"}))
    assert store.channels.get(added.id).mission == "Hire bakers"
    assert updated.mission == "Hire bakers"

    store.channels.delete(added.id)
    assert store.channels.list(brand.id) == []


def test_set_status_marks_the_channel(store: Store, brand: Brand) -> None:
    added = store.channels.add(linkedin(brand.id))

    marked = store.channels.set_status(added.id, ChannelStatus.FRAUDULENT)

    assert marked.status is ChannelStatus.FRAUDULENT
    assert store.channels.get(added.id).status is ChannelStatus.FRAUDULENT
    assert store.channels.get(added.id).mission == added.mission


def test_set_status_of_a_missing_channel_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.channels.set_status(404, ChannelStatus.TO_DELETE)


def test_a_channel_of_no_brand_is_refused_by_the_foreign_key(store: Store) -> None:
    with pytest.raises(IntegrityError):
        store.channels.add(linkedin(9999))
    assert count(store, ChannelRow) == 0


# --- Objectives and metrics -----------------------------------------------------------------


def test_objective_round_trip_creates_its_metric_by_name(store: Store, brand: Brand) -> None:
    added = store.objectives.add(goal(brand.id))

    fetched = store.objectives.get(added.id)
    assert fetched == added
    assert fetched.metric_name == "LinkedIn followers"
    assert fetched.metric_id is not None
    assert fetched.type is ObjectiveType.AWARENESS
    assert fetched.status is ObjectiveStatus.ACTIVE
    assert (fetched.start_date, fetched.due_date) == (date(2026, 11, 1), date(2027, 2, 28))
    (metric,) = store.metrics.list(brand.id)
    assert (metric.id, metric.name) == (fetched.metric_id, "LinkedIn followers")


def test_the_same_metric_name_is_reused(store: Store, brand: Brand) -> None:
    first = store.objectives.add(goal(brand.id))
    second = store.objectives.add(goal(brand.id, statement="Keep followers engaged all winter"))

    assert first.metric_id == second.metric_id
    assert len(store.metrics.list(brand.id)) == 1


def test_metric_names_belong_to_their_brand(store: Store, brand: Brand, other_brand: Brand) -> None:
    mine = store.objectives.add(goal(brand.id))
    theirs = store.objectives.add(goal(other_brand.id))

    assert mine.metric_id != theirs.metric_id
    assert store.metrics.get(theirs.metric_id).brand_id == other_brand.id


def test_changing_the_metric_name_links_another_metric(store: Store, brand: Brand) -> None:
    added = store.objectives.add(goal(brand.id))

    updated = store.objectives.update(added.model_copy(update={"metric_name": "Reach"}))

    assert updated.metric_name == "Reach"
    assert updated.metric_id != added.metric_id
    assert store.objectives.get(added.id) == updated
    assert [metric.name for metric in store.metrics.list(brand.id)] == [
        "LinkedIn followers",
        "Reach",
    ]


def test_a_metric_can_be_named_on_an_objective_that_had_none(store: Store, brand: Brand) -> None:
    added = store.objectives.add(goal(brand.id, metric_name=None))
    assert (added.metric_id, added.metric_name) == (None, None)

    updated = store.objectives.update(added.model_copy(update={"metric_name": "Reach"}))

    assert updated.metric_name == "Reach"
    assert updated.metric_id is not None
    assert store.objectives.get(added.id) == updated


def test_no_metric_name_clears_the_link(store: Store, brand: Brand) -> None:
    added = store.objectives.add(goal(brand.id))

    cleared = store.objectives.update(
        added.model_copy(update={"metric_name": None, "metric_id": added.metric_id})
    )

    assert (cleared.metric_id, cleared.metric_name) == (None, None)
    fetched = store.objectives.get(added.id)
    assert (fetched.metric_id, fetched.metric_name) == (None, None)
    assert len(store.metrics.list(brand.id)) == 1  # the metric stays


def test_objectives_are_listed_by_due_date(store: Store, brand: Brand) -> None:
    for due in (date(2027, 6, 1), date(2027, 1, 1), date(2027, 3, 1)):
        store.objectives.add(goal(brand.id, due_date=due))

    assert [item.due_date for item in store.objectives.list(brand.id)] == [
        date(2027, 1, 1),
        date(2027, 3, 1),
        date(2027, 6, 1),
    ]


def test_deleting_a_metric_unlinks_its_objectives(store: Store, brand: Brand) -> None:
    added = store.objectives.add(goal(brand.id))

    store.metrics.delete(added.metric_id)

    fetched = store.objectives.get(added.id)
    assert (fetched.metric_id, fetched.metric_name) == (None, None)


def test_metric_round_trip_with_a_channel(store: Store, brand: Brand) -> None:
    channel = store.channels.add(linkedin(brand.id))
    added = store.metrics.add(
        Metric(
            brand_id=brand.id,
            name="Quote requests",
            unit="requests",
            channel_id=channel.id,
            frequency=MetricFrequency.MONTHLY,
            higher_is_better=True,
        )
    )

    assert store.metrics.get(added.id) == added
    assert added.frequency is MetricFrequency.MONTHLY

    store.metrics.update(added.model_copy(update={"unit": "quotes", "higher_is_better": False}))
    again = store.metrics.get(added.id)
    assert (again.unit, again.higher_is_better) == ("quotes", False)

    store.channels.delete(channel.id)
    assert store.metrics.get(added.id).channel_id is None


def test_a_metric_name_is_unique_within_a_brand(store: Store, brand: Brand) -> None:
    store.metrics.add(Metric(brand_id=brand.id, name="Reach"))

    with pytest.raises(IntegrityError):
        store.metrics.add(Metric(brand_id=brand.id, name="Reach"))
    assert len(store.metrics.list(brand.id)) == 1


# --- Personas -------------------------------------------------------------------------------


def test_persona_round_trip_keeps_its_platforms(store: Store, brand: Brand) -> None:
    added = store.personas.add(
        Persona(
            brand_id=brand.id,
            name="Office manager Olivia",
            summary="Orders for meetings",
            demographics="30-45, Montréal",
            interests="Team events",
            pain_points="Late deliveries",
            platforms=[Platform.LINKEDIN, Platform.INSTAGRAM],
        )
    )

    fetched = store.personas.get(added.id)
    assert fetched == added
    assert fetched.platforms == [Platform.LINKEDIN, Platform.INSTAGRAM]

    store.personas.update(fetched.model_copy(update={"platforms": []}))
    assert store.personas.get(added.id).platforms == []

    store.personas.update(fetched.model_copy(update={"platforms": [Platform.X]}))
    assert store.personas.get(added.id).platforms == [Platform.X]


def test_personas_are_listed_by_name(store: Store, brand: Brand) -> None:
    for name in ("Zoe", "Ana", "Marc"):
        store.personas.add(Persona(brand_id=brand.id, name=name))

    assert [item.name for item in store.personas.list(brand.id)] == ["Ana", "Marc", "Zoe"]

    store.personas.delete(store.personas.list(brand.id)[0].id)
    assert [item.name for item in store.personas.list(brand.id)] == ["Marc", "Zoe"]


# --- Pillars --------------------------------------------------------------------------------


def test_pillar_round_trip(store: Store, brand: Brand) -> None:
    added = store.pillars.add(
        Pillar(brand_id=brand.id, name="Behind the oven", target_share=40, colour="#c08040")
    )

    assert store.pillars.get(added.id) == added
    store.pillars.update(added.model_copy(update={"target_share": 45}))
    assert store.pillars.get(added.id).target_share == 45


def test_apply_preset_replaces_the_old_set(store: Store, brand: Brand, other_brand: Brand) -> None:
    old = [
        store.pillars.add(Pillar(brand_id=brand.id, name=name, target_share=50))
        for name in ("Bread", "People")
    ]
    theirs = store.pillars.add(Pillar(brand_id=other_brand.id, name="Coffee", target_share=100))

    applied = store.pillars.apply_preset(brand.id, "50-25-20-5")

    listed = store.pillars.list(brand.id)
    assert listed == applied
    assert [item.target_share for item in listed] == [50, 25, 20, 5]
    assert {item.name for item in listed}.isdisjoint({"Bread", "People"})
    for item in old:
        with pytest.raises(NotFoundError):
            store.pillars.get(item.id)
    assert store.pillars.list(other_brand.id) == [theirs]


def test_apply_preset_is_one_transaction(store: Store, brand: Brand) -> None:
    store.pillars.add(Pillar(brand_id=brand.id, name="Bread", target_share=100))
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split()[0].upper())

    def record_commit(_conn: Any) -> None:
        statements.append("COMMIT")

    event.listen(store.engine, "before_cursor_execute", record)
    event.listen(store.engine, "commit", record_commit)
    try:
        store.pillars.apply_preset(brand.id, "80-20")
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
        event.remove(store.engine, "commit", record_commit)

    assert statements[0] == "BEGIN"
    assert statements[-1] == "COMMIT"
    assert statements.count("BEGIN") == statements.count("COMMIT") == 1
    assert "DELETE" in statements
    assert statements.index("DELETE") < statements.index("INSERT")


def test_apply_preset_that_fails_half_way_keeps_the_old_set(store: Store, brand: Brand) -> None:
    old = store.pillars.add(Pillar(brand_id=brand.id, name="Bread", target_share=100))
    with store.write() as session:
        # The database itself refuses the preset's second pillar, after the delete ran.
        session.execute(
            text(
                "CREATE TRIGGER refuse_promote BEFORE INSERT ON pillar "
                "WHEN NEW.name = 'Promote' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )

    with pytest.raises(DBAPIError, match="refused"):
        store.pillars.apply_preset(brand.id, "80-20")

    assert store.pillars.list(brand.id) == [old]


def test_apply_preset_with_an_unknown_key_changes_nothing(store: Store, brand: Brand) -> None:
    old = store.pillars.add(Pillar(brand_id=brand.id, name="Bread", target_share=100))

    with pytest.raises(KeyError):
        store.pillars.apply_preset(brand.id, "90-10")

    assert store.pillars.list(brand.id) == [old]


# --- Settings -------------------------------------------------------------------------------


def test_settings_get_set_and_overwrite(store: Store) -> None:
    assert store.settings.get("last_brand") is None
    assert store.settings.get("last_brand", "1") == "1"

    store.settings.set("last_brand", "2")
    store.settings.set("backups_to_keep", "5")
    assert store.settings.get("last_brand") == "2"

    store.settings.set("last_brand", "3")
    assert store.settings.get("last_brand", "1") == "3"
    assert store.settings.get("backups_to_keep") == "5"


# --- Across repositories --------------------------------------------------------------------


def test_deleting_a_brand_cascades_to_what_it_owns(
    store: Store, brand: Brand, other_brand: Brand
) -> None:
    channel = store.channels.add(linkedin(brand.id))
    objective = store.objectives.add(goal(brand.id))
    persona = store.personas.add(Persona(brand_id=brand.id, name="Olivia"))
    pillars = store.pillars.apply_preset(brand.id, "thirds")
    kept = store.channels.add(linkedin(other_brand.id, handle="@birch"))

    store.brands.delete(brand.id)

    for repository, row_id in [
        (store.channels, channel.id),
        (store.objectives, objective.id),
        (store.metrics, objective.metric_id),
        (store.personas, persona.id),
        (store.pillars, pillars[0].id),
    ]:
        with pytest.raises(NotFoundError):
            repository.get(row_id)
    for row_type in (ObjectiveRow, MetricRow, PersonaRow, PillarRow):
        assert count(store, row_type) == 0
    assert store.channels.list(other_brand.id) == [kept]
    assert [item.name for item in store.brands.list()] == ["Birch Café"]


def test_foreign_keys_are_on(store: Store) -> None:
    with store.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.parametrize("repository", ["brands", "channels", "objectives", "personas", "pillars"])
def test_a_deleted_item_is_not_found(store: Store, brand: Brand, repository: str) -> None:
    made = {
        "brands": lambda: store.brands.add(Brand(name="Short-lived")),
        "channels": lambda: store.channels.add(linkedin(brand.id)),
        "objectives": lambda: store.objectives.add(goal(brand.id)),
        "personas": lambda: store.personas.add(Persona(brand_id=brand.id, name="Olivia")),
        "pillars": lambda: store.pillars.add(Pillar(brand_id=brand.id, name="Bread")),
    }[repository]()
    repo = getattr(store, repository)

    repo.delete(made.id)

    with pytest.raises(NotFoundError) as caught:
        repo.get(made.id)
    assert caught.value.message
    with pytest.raises(NotFoundError):
        repo.update(made)
    with pytest.raises(NotFoundError):
        repo.delete(made.id)


def test_update_needs_an_id(store: Store, brand: Brand) -> None:
    with pytest.raises(ValueError, match="id"):
        store.channels.update(linkedin(brand.id))


def test_instants_come_back_aware_in_utc(store: Store, brand: Brand, clock: Clock) -> None:
    with store.read() as session:
        created = session.scalar(select(BrandRow.created_at).where(BrandRow.id == brand.id))

    assert created == clock()
    assert created is not None
    assert created.tzinfo is UTC


def test_an_instant_in_another_zone_is_stored_as_utc(store: Store, brand: Brand) -> None:
    montreal = timezone(timedelta(hours=-5))
    with store.write() as session:
        row = session.get(BrandRow, brand.id)
        assert row is not None
        row.created_at = datetime(2026, 11, 23, 8, 30, tzinfo=montreal)

    with store.read() as session:
        created = session.scalar(select(BrandRow.created_at).where(BrandRow.id == brand.id))
        raw = session.execute(
            text("SELECT created_at FROM brand WHERE id = :id"), {"id": brand.id}
        ).scalar()

    assert created == datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
    assert created is not None and created.tzinfo is UTC
    assert str(raw).startswith("2026-11-23 13:30:00")


def test_a_naive_instant_is_refused(store: Store, brand: Brand) -> None:
    with pytest.raises(StatementError, match="naive"), store.write() as session:
        row = session.get(BrandRow, brand.id)
        assert row is not None
        row.created_at = datetime(2026, 11, 23, 8, 30)
        session.flush()


def test_a_second_store_sees_committed_writes(
    store: Store, second_store: Store, brand: Brand
) -> None:
    assert second_store.engine is not store.engine
    assert [item.name for item in second_store.brands.list()] == ["Maple Bakery"]

    channel = second_store.channels.add(linkedin(brand.id))
    assert store.channels.get(channel.id) == channel

    store.settings.set("last_brand", str(brand.id))
    assert second_store.settings.get("last_brand") == str(brand.id)

    second_store.channels.set_status(channel.id, ChannelStatus.TO_UPDATE)
    assert store.channels.get(channel.id).status is ChannelStatus.TO_UPDATE


def test_repositories_hand_out_models_not_rows(store: Store, brand: Brand) -> None:
    store.channels.add(linkedin(brand.id))
    store.objectives.add(goal(brand.id))
    store.pillars.apply_preset(brand.id, "80-20")

    handed = [
        *store.brands.list(),
        *store.channels.list(brand.id),
        *store.objectives.list(brand.id),
        *store.metrics.list(brand.id),
        *store.pillars.list(brand.id),
    ]

    assert {type(item) for item in handed} == {Brand, Channel, Objective, Metric, Pillar}
