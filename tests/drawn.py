"""Provides what the Pilot tests read of the terminal: the screen as drawn, not as laid out
(a widget can have a region and still be clipped by its dialog)."""

from __future__ import annotations

from typing import Any


def screen_text(app: Any) -> str:
    """What the terminal shows, line by line: the compositor's strips, as the snapshots
    render them (Textual is pinned)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
