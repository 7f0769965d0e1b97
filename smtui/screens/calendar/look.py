"""Provides how the calendar marks posts: a colour per platform and a mark per status.

Colours are Rich colour names that read on dark and light themes; a channel whose platform
has none gets the neutral one. Marks are single cells, so a month cell stays one line a post.
"""

from __future__ import annotations

from rich.cells import cell_len

from smtui.domain.enums import Platform, PostStatus
from smtui.domain.i18n import _

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


def legend(width: int) -> str:
    """The status marks in one line of at most ``width`` cells, for the foot of the grids:
    spaced out where there is room, then closer, then as many whole ones as fit (the last,
    ✓ and ✗, say what they mean by themselves). The help screen lists every mark."""
    entries = [f"{mark} {status.label}" for status, mark in STATUS_MARKS.items()]
    for gap in ("  ", " "):
        line = gap.join(entries)
        if cell_len(line) <= width:
            return line
    shown = ""
    for entry in entries:
        longer = f"{shown} {entry}" if shown else entry
        if cell_len(longer) > width:
            break
        shown = longer
    return shown


def post_marks() -> list[tuple[str, str]]:
    """The marks of a post's status and of an open slot, as every screen draws them."""
    found = [(mark, status.label) for status, mark in STATUS_MARKS.items()]
    found.append((SLOT_MARK, _("an open slot of a cadence: nothing planned there yet")))
    return found


def marks() -> list[tuple[str, str]]:
    """Every mark the calendar draws, with what it means, for the help screen."""
    found = post_marks()
    found.append((MISSED_MARK, _("missed: its time passed and it is not published")))
    found.append(("+n", _("more posts than the cell shows: see the day's list")))
    return found
