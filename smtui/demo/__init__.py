"""Provides the demo workspace behind ``smtui demo``: a small business whose strategy, and
later its calendar, reply queue, numbers and audit, show every screen with living data.

Each part is a function ``(store, demo, clock) -> None`` in its own module; :data:`PARTS`
runs them in order, so that a later part can link its rows to what an earlier one made
(posts to channels and objectives, KPI values to metrics). Parts write only through the
store's repositories, like the app does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smtui.demo.audit import fill_audit
from smtui.demo.calendar import fill_calendar
from smtui.demo.kpi import fill_kpis
from smtui.demo.queue import fill_queue
from smtui.demo.strategy import demo_brand, fill_strategy
from smtui.demo.workspace import DemoPart, DemoWorkspace, is_blank, remove_brands
from smtui.domain.clock import Clock
from smtui.domain.models import Brand

if TYPE_CHECKING:
    from smtui.store import Store

PARTS: tuple[DemoPart, ...] = (fill_strategy, fill_audit, fill_calendar, fill_kpis, fill_queue)


def fill_demo(store: Store, clock: Clock) -> Brand:
    """Add the demo brand and everything it holds; the caller decides what it replaces."""
    demo = DemoWorkspace(store.brands.add(demo_brand()))
    for part in PARTS:
        part(store, demo, clock)
    return demo.brand


__all__ = [
    "PARTS",
    "DemoPart",
    "DemoWorkspace",
    "demo_brand",
    "fill_calendar",
    "fill_demo",
    "fill_kpis",
    "fill_strategy",
    "is_blank",
    "remove_brands",
]
