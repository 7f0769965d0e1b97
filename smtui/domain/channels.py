"""Provides the defaults a new channel starts from: character limits and cadence per platform.

Figures come from DESIGN.md ("Facts to build on") and the seeds' cadence advice: four blog
articles a month, two or three LinkedIn posts a week.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtui.domain.enums import CadencePeriod, Platform

CHAR_LIMITS: dict[Platform, int | None] = {
    Platform.X: 280,
    Platform.BLUESKY: 300,
    Platform.THREADS: 500,
    Platform.MASTODON: 500,
    Platform.LINKEDIN: 3000,
    Platform.INSTAGRAM: 2200,
    Platform.TIKTOK: 2200,
    Platform.FACEBOOK: 63206,
    Platform.YOUTUBE: 5000,
    Platform.PINTEREST: 500,
    Platform.SNAPCHAT: 250,
    Platform.BLOG: None,
    Platform.NEWSLETTER: None,
    Platform.OTHER: None,
}

# X counts every link as 23 characters, whatever its length.
LINK_LENGTH: dict[Platform, int] = {Platform.X: 23}


@dataclass(frozen=True, slots=True)
class Cadence:
    """How many posts a channel should carry per period: "2-3 a week"."""

    minimum: int | None
    maximum: int | None
    period: CadencePeriod


DEFAULT_CADENCE: dict[Platform, Cadence] = {
    Platform.BLOG: Cadence(4, 4, CadencePeriod.MONTH),
    Platform.LINKEDIN: Cadence(2, 3, CadencePeriod.WEEK),
    Platform.FACEBOOK: Cadence(3, 5, CadencePeriod.WEEK),
    Platform.INSTAGRAM: Cadence(3, 5, CadencePeriod.WEEK),
    Platform.NEWSLETTER: Cadence(1, 2, CadencePeriod.MONTH),
    Platform.YOUTUBE: Cadence(2, 4, CadencePeriod.MONTH),
}


def default_char_limit(platform: Platform) -> int | None:
    """The platform's own limit on a post's text, or None where it has none that matters."""
    return CHAR_LIMITS[platform]


def default_cadence(platform: Platform) -> Cadence:
    """A sensible starting cadence; X and the like are "as often as wanted" (no target)."""
    return DEFAULT_CADENCE.get(platform, Cadence(None, None, CadencePeriod.WEEK))
