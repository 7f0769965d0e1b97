"""Provides the list of screens and the number key of each.

The keys are fixed for the whole product (1 Today, 2 Calendar, 3 Queue, 4 KPIs, 5 Strategy,
6 Audit) so that muscle memory survives as screens land; a screen joins by adding its entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from smtui.domain.i18n import N_


@dataclass(frozen=True, slots=True)
class ScreenEntry:
    key: str
    mode: str
    title: str  # an N_ marked source string: translate when shown
    factory: Callable[[], Screen[None]]


def screen_entries() -> list[ScreenEntry]:
    """Imported lazily so that the CLI never pays for Textual."""
    from smtui.screens.audit import AuditScreen
    from smtui.screens.calendar import CalendarScreen
    from smtui.screens.kpi import KpiScreen
    from smtui.screens.queue import QueueScreen
    from smtui.screens.strategy import StrategyScreen
    from smtui.screens.today import TodayScreen

    entries = [
        ScreenEntry("1", "today", N_("Today"), TodayScreen),
        ScreenEntry("2", "calendar", N_("Calendar"), CalendarScreen),
        ScreenEntry("3", "queue", N_("Queue"), QueueScreen),
        ScreenEntry("4", "kpis", N_("KPIs"), KpiScreen),
        ScreenEntry("5", "strategy", N_("Strategy"), StrategyScreen),
        ScreenEntry("6", "audit", N_("Audit"), AuditScreen),
    ]
    return sorted(entries, key=lambda entry: entry.key)
