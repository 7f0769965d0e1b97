"""Provides the Queue screen and its Listening view."""

from smtui.screens.queue.listening import ListeningScreen
from smtui.screens.queue.screen import QueueScreen

__all__ = ["ListeningScreen", "QueueScreen"]
