"""Provides the Strategy screen and its tabs."""

from smtui.screens.strategy.screen import StrategyScreen

__all__ = ["StrategyScreen"]
