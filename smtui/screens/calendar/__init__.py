"""Provides the Calendar screen and the post actions other screens reuse."""

from smtui.screens.calendar.actions import PostActions
from smtui.screens.calendar.screen import CalendarScreen

__all__ = ["CalendarScreen", "PostActions"]
