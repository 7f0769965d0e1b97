"""Provides the reader of Metricool's planner CSV (its bulk-upload template).

The header holds ``Text``, ``Date``, ``Time``, ``Draft``, one TRUE/FALSE column per network
(``Facebook``, ``Twitter``, ``LinkedIn``, ``Instagram``, ...) and ``Picture Url 1`` to
``Picture Url N``; other columns (alt texts, first comment, post types) are ignored. A line
marked TRUE for several networks becomes one post on each matching channel of the brand.
With ``--channel``, only the lines marked for that channel's network (or for none) come in,
on that channel. Dates are read year first (``2026-11-24``) or month first
(``11/24/2026``; day first with ``--day-first``); times are ``HH:MM`` (seconds ignored) in
the brand's zone. ``Draft`` TRUE makes a draft, otherwise the post is scheduled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.domain.validation import check_url
from smtui.io.hootsuite import parse_stamp
from smtui.io.post_source import BrandLookup, Draft, FileFormatError, cell, header_index, read_rows

REQUIRED = ("text", "date", "time")
NETWORKS: dict[str, Platform] = {
    "facebook": Platform.FACEBOOK,
    "twitter": Platform.X,
    "x": Platform.X,
    "linkedin": Platform.LINKEDIN,
    "instagram": Platform.INSTAGRAM,
    "pinterest": Platform.PINTEREST,
    "tiktok": Platform.TIKTOK,
    "youtube": Platform.YOUTUBE,
    "threads": Platform.THREADS,
    "bluesky": Platform.BLUESKY,
}
_PICTURE = re.compile(r"^picture url (\d+)$")
_SECONDS = re.compile(r"^(\d{1,2}:\d{2}):\d{2}$")
_TRUE = frozenset({"true", "yes", "1", "vrai", "oui"})
_FALSE = frozenset({"false", "no", "0", "faux", "non", ""})


def looks_like(header: list[str]) -> bool:
    names = set(header_index(header))
    return set(REQUIRED) <= names and bool(names & set(NETWORKS))


def _flag(draft: Draft, column: str, text: str) -> bool:
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value not in _FALSE:
        draft.fail(column, _("{value!r} is neither TRUE nor FALSE").format(value=text))
    return False


class _Layout:
    """Where each column of this file is, named as the header wrote it (for messages)."""

    def __init__(self, header: list[str]) -> None:
        self.names = {position: cell(name) for position, name in enumerate(header)}
        index = header_index(header)
        if missing := [name for name in REQUIRED if name not in index]:
            raise FileFormatError(
                _("the Metricool header lacks {missing}").format(missing=", ".join(missing))
            )
        self.text, self.date, self.time = (index[name] for name in REQUIRED)
        self.draft = index.get("draft")
        self.networks = [
            (index[key], platform) for key, platform in NETWORKS.items() if key in index
        ]
        pictures = [
            (int(match[1]), position)
            for name, position in index.items()
            if (match := _PICTURE.match(name))
        ]
        self.pictures = [position for _number, position in sorted(pictures)]


def _targets(
    draft: Draft, marked: list[tuple[str, Platform]], lookup: BrandLookup, given: Channel | None
) -> list[Channel]:
    """The channels a line goes to; records an error or a reason to skip it otherwise."""
    if given is not None:
        if not marked or any(platform is given.platform for _name, platform in marked):
            return [given]
        draft.skip = _("marked for {networks}, not for {channel}").format(
            networks=", ".join(name for name, _platform in marked), channel=given.label
        )
        return []
    if not marked:
        draft.fail("", _("no network is marked TRUE; mark one or name the channel with --channel"))
        return []
    channels: list[Channel] = []
    for name, platform in marked:
        found = lookup.channels_on(platform)
        if len(found) == 1:
            channels.append(found[0])
        elif not found:
            draft.fail(
                name, _("the brand has no {platform} channel").format(platform=platform.label)
            )
        else:
            draft.fail(
                name,
                _("the brand has several {platform} channels; name one with --channel").format(
                    platform=platform.label
                ),
            )
    return channels


def read(
    path: Path, lookup: BrandLookup, given: Channel | None, day_first: bool = False
) -> Iterator[Draft]:
    rows = read_rows(path)
    first = next(rows, None)
    if first is None:
        raise FileFormatError(_("the file is empty"))
    layout = _Layout(first[1])
    for line, record in rows:
        cells = {position: cell(value) for position, value in enumerate(record)}
        base = Draft(line=line, channel=None)
        text_day, text_time = cells.get(layout.date, ""), cells.get(layout.time, "")
        text_time = _SECONDS.sub(r"\1", text_time)
        try:
            base.local = parse_stamp(f"{text_day} {text_time}", day_first)
        except ValueError as error:
            base.fail("Date", str(error))
        is_draft = layout.draft is not None and _flag(base, "Draft", cells.get(layout.draft, ""))
        marked = [
            (layout.names[position], platform)
            for position, platform in layout.networks
            if _flag(base, layout.names[position], cells.get(position, ""))
        ]
        pictures: list[str] = []
        for position in layout.pictures:
            if url := cells.get(position, ""):
                try:
                    pictures.append(check_url(url))
                except ValueError as error:
                    base.fail(layout.names[position], str(error))
        kind = "carousel" if len(pictures) > 1 else "image" if pictures else "text"
        base.values = {
            "body": cells.get(layout.text, ""),
            "visual": "\n".join(pictures),
            "post_type": kind,
            "status": "draft" if is_draft else "scheduled",
        }
        targets = _targets(base, marked, lookup, given)
        if base.errors or base.skip or not targets:
            yield base
            continue
        for channel in targets:
            yield Draft(
                line=line,
                channel=channel.label,
                resolved=channel,
                local=base.local,
                values=dict(base.values),
            )
