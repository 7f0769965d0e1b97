"""Provides the list of screens and the number key of each.

The keys are fixed for the whole product (1 Today, 2 Calendar, 3 Queue, 4 KPIs, 5 Strategy,
6 Audit) so that muscle memory survives as screens land; a screen joins by adding its entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from textual.screen import Screen

from smtui.domain.i18n import N_


@dataclass(frozen=True, slots=True)
class ScreenEntry:
    key: str
    mode: str
    title: str  # an N_ marked source string: translate when shown
    factory: Callable[[], Screen[None]]


def _lazy(module: str, name: str) -> Callable[[], Screen[None]]:
    """A factory that imports its screen on first use: the app starts on Today, and the
    other screens' modules (and the domain code behind them) wait until their key is pressed."""

    def make() -> Screen[None]:
        screen_type: type[Screen[None]] = getattr(import_module(module), name)
        return screen_type()

    return make


SCREENS = [
    ("1", "today", N_("Today"), "today", "TodayScreen"),
    ("2", "calendar", N_("Calendar"), "calendar", "CalendarScreen"),
    ("3", "queue", N_("Queue"), "queue", "QueueScreen"),
    ("4", "kpis", N_("KPIs"), "kpi", "KpiScreen"),
    ("5", "strategy", N_("Strategy"), "strategy", "StrategyScreen"),
    ("6", "audit", N_("Audit"), "audit", "AuditScreen"),
]

START_MODE = min(SCREENS)[1]  # the app opens on the screen of key 1


def screen_entries() -> list[ScreenEntry]:
    entries = [
        ScreenEntry(key, mode, title, _lazy(f"smtui.screens.{package}.screen", name))
        for key, mode, title, package, name in SCREENS
    ]
    return sorted(entries, key=lambda entry: entry.key)
