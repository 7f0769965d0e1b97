"""Provides how the calendar marks posts: a colour per platform and a mark per status.

Colours are Rich colour names that read on dark and light themes; a channel whose platform
has none gets the neutral one. Marks are single cells, so a month cell stays one line a post.
"""

from __future__ import annotations

from smtui.domain.enums import Platform, PostStatus

PLATFORM_COLOURS: dict[Platform, str] = {
    Platform.FACEBOOK: "dodger_blue1",
    Platform.INSTAGRAM: "magenta",
    Platform.X: "grey70",
    Platform.LINKEDIN: "deep_sky_blue1",
    Platform.YOUTUBE: "red1",
    Platform.TIKTOK: "cyan",
    Platform.THREADS: "grey70",
    Platform.BLUESKY: "sky_blue1",
    Platform.MASTODON: "medium_purple1",
    Platform.PINTEREST: "indian_red1",
    Platform.SNAPCHAT: "yellow1",
    Platform.BLOG: "green3",
    Platform.NEWSLETTER: "orange1",
}
NEUTRAL = "white"

STATUS_MARKS: dict[PostStatus, str] = {
    PostStatus.IDEA: "·",
    PostStatus.DRAFT: "○",
    PostStatus.READY: "◐",
    PostStatus.SCHEDULED: "●",
    PostStatus.PUBLISHED: "✓",
    PostStatus.SKIPPED: "✗",
}
SLOT_MARK = "┄"
MISSED_MARK = "!"


def colour_of(platform: Platform | None) -> str:
    return PLATFORM_COLOURS.get(platform, NEUTRAL) if platform else NEUTRAL


def legend() -> str:
    """The marks in one line, for the footer of the grids."""
    return "  ".join(f"{mark} {status.label}" for status, mark in STATUS_MARKS.items())
