"""Provides the character count of a post as the platform will count it, so that the editor
can warn before the platform refuses the text.

What is counted is what gets pasted: body, then hashtags, then the tagged link, each on its
own line (see :func:`published_text`). X counts every web address as 23 characters whatever
its length (``LINK_LENGTH``); other platforms count the characters as they are.
"""

from __future__ import annotations

import re

from smtui.domain.channels import CHAR_LIMITS, LINK_LENGTH
from smtui.domain.enums import Platform

# A web address as platforms detect them in text: a scheme, then anything but whitespace.
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def published_text(body: str, hashtags: str = "", link: str | None = None) -> str:
    """The text as it will be copied to the platform: body, hashtags, link, one per line."""
    parts = [part.strip() for part in (body, hashtags, link or "") if part and part.strip()]
    return "\n\n".join(parts)


def count_chars(text: str, platform: Platform) -> int:
    """How many characters ``platform`` counts in ``text``.

    Counts code points (what a user sees as characters in most scripts); X's weighting of
    CJK characters as two is not modelled, the link rule is.
    """
    link_length = LINK_LENGTH.get(platform)
    if link_length is None:
        return len(text)
    links = _URL.findall(text)
    return len(_URL.sub("", text)) + link_length * len(links)


def post_length(platform: Platform, body: str, hashtags: str = "", link: str | None = None) -> int:
    """The count of the whole post as published (body + hashtags + tagged link)."""
    return count_chars(published_text(body, hashtags, link), platform)


def limit_for(platform: Platform, char_limit: int | None = None) -> int | None:
    """The channel's own limit when set, else the platform's default (None: no limit)."""
    return char_limit if char_limit is not None else CHAR_LIMITS.get(platform)


def over_limit(
    platform: Platform,
    body: str,
    hashtags: str = "",
    link: str | None = None,
    char_limit: int | None = None,
) -> int:
    """By how many characters the post is too long; 0 when it fits or there is no limit."""
    limit = limit_for(platform, char_limit)
    if limit is None:
        return 0
    return max(post_length(platform, body, hashtags, link) - limit, 0)
