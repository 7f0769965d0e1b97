"""Provides the Today screen: the morning review of every brand."""

from smtui.screens.today.screen import TodayScreen

__all__ = ["TodayScreen"]
