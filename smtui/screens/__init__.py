"""Provides smtui's screens, one module (or package) per screen."""

from smtui.screens.base import SmtuiScreen
from smtui.screens.registry import ScreenEntry, screen_entries

__all__ = ["ScreenEntry", "SmtuiScreen", "screen_entries"]
