"""Provides what Pilot lacks for text a person pastes rather than types."""

from __future__ import annotations

from typing import Any

from textual import events


async def paste(pilot: Any, text: str) -> None:
    """Paste ``text`` as a terminal does (a bracketed paste reaches the app as one Paste
    event, which the app hands to the focused widget): one event, not a key per character,
    which would take Pilot about 60 ms each."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
