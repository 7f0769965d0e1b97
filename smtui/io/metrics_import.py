"""Provides ``smtui import metrics``'s work apart from the command line: read the file, tell
its format, find the channel, check every line, then hand the rows to the store, which
applies them in one transaction.

A file with one bad line imports nothing: every bad line is reported with its number and
reason. Daily totals feed the channel's own metrics: a metric of the channel whose name
says which figure it counts ("X impressions", "Instagram reach", "LinkedIn clicks"; not a
"rate") gets, for each day, the sum of that figure over the file's posts published that day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedPost, ImportedValue, ImportSummary
from smtui.domain.models import Brand, Channel, Metric
from smtui.domain.validation import DomainError
from smtui.io.metric_formats import Format, ParseContext, Parsed, RowError, by_name, read_table
from smtui.io.metric_formats.smtui_csv import find_channel
from smtui.io.metric_ranges import range_errors

if TYPE_CHECKING:
    from smtui.store import Store

# Words in a metric's name that say which post figure it totals.
_FIGURES: tuple[tuple[str, str], ...] = (
    ("impression", "impressions"),
    ("reach", "reach"),
    ("engagement", "engagements"),
    ("click", "clicks"),
    ("like", "likes"),
    ("comment", "comments"),
    ("share", "shares"),
    ("save", "saves"),
    ("view", "video_views"),
)


class ImportRejected(DomainError):
    """The file has bad lines; nothing was imported."""

    def __init__(self, path: Path, errors: Sequence[RowError]) -> None:
        lines = "\n".join(
            _("  line {line}: {message}").format(line=error.line, message=error.message)
            for error in errors
        )
        message = _("{path} has {count} bad lines; nothing was imported:").format(
            path=path.name, count=len(errors)
        )
        super().__init__(f"{message}\n{lines}")
        self.errors = list(errors)


@dataclass(frozen=True, slots=True)
class ImportResult:
    format: Format
    channel: Channel | None
    parsed: Parsed
    summary: ImportSummary


def pick_channel(
    channels: Sequence[Channel], platform: str | None, hint: str | None
) -> Channel | None:
    """The channel a file's posts belong to: the one named, else the brand's only one on
    the file's platform."""
    if hint:
        found = find_channel(tuple(channels), hint)
        if found is None:
            raise DomainError(
                _("no single channel named {name}; the channels are: {names}").format(
                    name=hint, names=", ".join(item.label for item in channels) or _("(none)")
                ),
                "--channel",
            )
        if platform and found.platform.value != platform:
            raise DomainError(
                _("this file comes from {platform}, and {channel} is not on it").format(
                    platform=Platform(platform).label, channel=found.label
                ),
                "--channel",
            )
        return found
    if platform is None:
        return None
    matching = [item for item in channels if item.platform.value == platform]
    if len(matching) == 1:
        return matching[0]
    label = Platform(platform).label
    if not matching:
        raise DomainError(
            _("the brand has no {platform} channel; add one in Strategy first").format(
                platform=label
            )
        )
    raise DomainError(
        _("the brand has several {platform} channels; name one with --channel: {names}").format(
            platform=label, names=", ".join(item.handle for item in matching)
        ),
        "--channel",
    )


def _figure(metric: Metric) -> str | None:
    name = metric.name.casefold()
    if "rate" in name or "taux" in name:
        return None
    for word, figure in _FIGURES:
        if word in name:
            return figure
    return None


def channel_totals(
    posts: Sequence[ImportedPost], metrics: Sequence[Metric], channel: Channel, timezone: str
) -> list[ImportedValue]:
    """Per local day, the file's totals for each channel metric named after a figure."""
    zone = ZoneInfo(timezone)
    values: list[ImportedValue] = []
    for metric in metrics:
        figure = _figure(metric)
        if metric.channel_id != channel.id or figure is None:
            continue
        sums: dict[object, int] = defaultdict(int)
        for post in posts:
            number = post.numbers.get(figure)
            if number is not None and post.published_at is not None:
                sums[post.published_at.astimezone(zone).date()] += number
        values.extend(
            ImportedValue(0, metric.name, channel.id, day, float(amount))  # type: ignore[arg-type]
            for day, amount in sorted(sums.items())  # type: ignore[type-var]
        )
    return values


def import_metrics(
    store: Store,
    brand: Brand,
    path: Path,
    channel_hint: str | None = None,
    format_name: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Read, check and apply ``path``; raises :class:`ImportRejected` when a line is bad."""
    assert brand.id is not None
    channels = store.channels.list(brand.id)
    wanted = by_name(format_name) if format_name else None
    chosen, table = read_table(path, wanted)
    channel = pick_channel(channels, chosen.platform, channel_hint)
    parsed = chosen.parse(table, ParseContext(brand.timezone, tuple(channels)))
    if parsed.errors:
        raise ImportRejected(path, parsed.errors)
    values = list(parsed.values)
    if channel is not None and chosen.platform is None:
        values = [
            value
            if value.channel_id is not None
            else ImportedValue(value.line, value.metric, channel.id, value.date, value.value)
            for value in values
        ]
    if channel is not None and parsed.posts:
        metrics = store.metrics.list(brand.id)
        values.extend(channel_totals(parsed.posts, metrics, channel, brand.timezone))
    out_of_range = range_errors(values, store.metrics.list(brand.id))
    if out_of_range:
        raise ImportRejected(path, out_of_range)
    summary = store.post_metrics.import_batch(
        brand.id,
        channel.id if channel and chosen.platform else None,
        brand.timezone,
        parsed.posts,
        values,
        dry_run=dry_run,
    )
    return ImportResult(chosen, channel, parsed, summary)
