"""Provides smtui's screens, one module (or package) per screen."""

from smtui.screens.base import SmtuiScreen
from smtui.screens.registry import START_MODE, ScreenEntry, screen_entries

__all__ = ["START_MODE", "ScreenEntry", "SmtuiScreen", "screen_entries"]
