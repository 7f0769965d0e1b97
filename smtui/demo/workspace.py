"""Provides what the demo parts share: the workspace being built, and the checks that keep
the demo from landing on top of someone's real work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from smtui.domain.clock import Clock
from smtui.domain.enums import ObjectiveType, Platform
from smtui.domain.models import Brand, Channel, Objective, Persona, Pillar
from smtui.store.tables import Base

if TYPE_CHECKING:
    from smtui.store import Store

# Tables that a freshly opened database already fills, or that hold no workspace data.
_BOOKKEEPING = frozenset({"brand", "setting", "alembic_version"})


@dataclass
class DemoWorkspace:
    """The demo brand and what each part has made so far, so that later parts (calendar,
    queue, KPIs, audit) can link their rows to the strategy's channels and objectives."""

    brand: Brand
    channels: dict[Platform, Channel] = field(default_factory=dict)
    objectives: dict[ObjectiveType, Objective] = field(default_factory=dict)
    personas: list[Persona] = field(default_factory=list)
    pillars: list[Pillar] = field(default_factory=list)

    @property
    def brand_id(self) -> int:
        assert self.brand.id is not None, "the demo brand is stored before any part runs"
        return self.brand.id


DemoPart = Callable[["Store", DemoWorkspace, Clock], None]


def is_blank(store: Store) -> bool:
    """Whether the database holds nothing a user wrote: no brand, or only the empty brand
    smtui creates on first run. The demo may fill such a database without ``--force``."""
    brands = store.brands.list()
    if len(brands) > 1:
        return False
    if brands and any(
        (brands[0].description, brands[0].voice_tone, brands[0].dos, brands[0].donts)
    ):
        return False
    with store.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in _BOOKKEEPING:
                continue
            if session.scalar(select(func.count()).select_from(table)):
                return False
    return True


def remove_brands(store: Store) -> None:
    """Delete every brand; the database cascades the deletion to everything they own."""
    for brand in store.brands.list():
        assert brand.id is not None
        store.brands.delete(brand.id)
