"""Provides the UTM builder: the tagged link a post carries, so that analytics can tell
which channel and campaign brought each click (the "clicks via UTM links" KPI).

Source and medium follow Google Analytics' default channel grouping, so that clicks land
in the expected group without a custom rule:

- social networks: ``utm_source`` is the platform ("linkedin", "x", ...), medium
  ``social`` (GA groups it as Organic Social);
- newsletter: source ``newsletter``, medium ``email`` (GA's Email group);
- blog: source ``blog``, medium ``referral`` (a link from the brand's own articles to
  another page is a referral, not a social visit);
- other: source ``other``, medium ``referral`` rather than a guess.

Values are lower-cased and trimmed: GA treats "LinkedIn" and "linkedin" as two sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from smtui.domain.enums import Platform

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content")

_MEDIUM: dict[Platform, str] = {
    Platform.NEWSLETTER: "email",
    Platform.BLOG: "referral",
    Platform.OTHER: "referral",
}


@dataclass(frozen=True, slots=True)
class UtmDefaults:
    """The source and medium a channel's links are tagged with unless the user says otherwise."""

    source: str
    medium: str


def utm_defaults(platform: Platform) -> UtmDefaults:
    """Source and medium for a platform, per the choices in this module's docstring."""
    return UtmDefaults(source=platform.value, medium=_MEDIUM.get(platform, "social"))


def _clean(value: str | None) -> str:
    return (value or "").strip().lower()


def tagged_url(
    url: str,
    source: str,
    medium: str,
    campaign: str = "",
    content: str = "",
) -> str:
    """``url`` with its utm_* parameters set to these values.

    Other query parameters keep their order and value, the fragment stays at the end, and
    any utm_* already present is replaced (not repeated), so tagging twice is harmless.
    An empty value removes that parameter instead of writing ``utm_content=``.
    """
    parts = urlsplit(url.strip())
    kept = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in UTM_KEYS
    ]
    values = dict(zip(UTM_KEYS, (source, medium, campaign, content), strict=True))
    tags = [(key, _clean(value)) for key, value in values.items() if _clean(value)]
    query = urlencode(kept + tags)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def tagged_for(url: str, platform: Platform, campaign: str = "", content: str = "") -> str:
    """``url`` tagged with the platform's default source and medium."""
    defaults = utm_defaults(platform)
    return tagged_url(url, defaults.source, defaults.medium, campaign, content)
