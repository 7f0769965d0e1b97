"""Provides what a post looks like when it goes out: its tagged link, the text to paste into
the platform, and whether it is ready (within the limit, a visual, a tagged link).

Publishing is done by hand in each platform, so smtui's part is to hand over the exact
text; the editor, the calendar's copy key and the Today screen all build it here.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.domain.post import Post
from smtui.domain.text_length import limit_for, post_length, published_text
from smtui.domain.utm import tagged_for

# Platforms where a post is mostly a picture or a video: a missing visual is a problem.
VISUAL_FIRST = frozenset(
    {Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE, Platform.PINTEREST}
)


def tagged_link(post: Post, platform: Platform) -> str | None:
    """The post's link with the channel's UTM tags; the campaign defaults to the post's."""
    if not post.link_url:
        return None
    return tagged_for(post.link_url, platform, post.utm_campaign or post.campaign, post.utm_content)


def text_to_publish(post: Post, platform: Platform) -> str:
    """Body, hashtags and tagged link, as they are pasted into the platform."""
    return published_text(post.body, post.hashtags, tagged_link(post, platform))


def length_of(post: Post, platform: Platform) -> int:
    return post_length(platform, post.body, post.hashtags, tagged_link(post, platform))


@dataclass(frozen=True, slots=True)
class Readiness:
    length: int
    limit: int | None
    problems: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.problems


def readiness(post: Post, channel: Channel | None) -> Readiness:
    """What still stops the post from going out, in words (empty when it is ready)."""
    if channel is None:
        return Readiness(0, None, (_("no channel"),))
    length = length_of(post, channel.platform)
    limit = limit_for(channel.platform, channel.char_limit)
    problems: list[str] = []
    if not post.body.strip() and not post.title.strip():
        problems.append(_("no text"))
    if limit is not None and length > limit:
        problems.append(_("{over} characters too long").format(over=length - limit))
    if channel.platform in VISUAL_FIRST and not post.visual.strip():
        problems.append(_("no visual"))
    return Readiness(length, limit, tuple(problems))
