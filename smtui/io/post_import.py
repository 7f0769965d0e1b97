"""Provides ``smtui import posts``'s engine: find the file's format, read it into drafts,
check every draft against the brand, and plan what an import adds and skips.

Nothing is written here. Every line is checked (channel known, day real, time not in the
hour a DST change skips, text within the channel's limit, addresses valid) before the
command decides; a file with any bad line imports nothing. Each post gets a stable
``external_id``, the file's own id when it has one, else one derived from the format, the
channel, the time and the text, so that importing the same file again adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from smtui.domain.enums import PostStatus
from smtui.domain.i18n import _
from smtui.domain.local_time import parse_clock, parse_day, to_utc
from smtui.domain.models import Channel
from smtui.domain.post import Post
from smtui.domain.publishing import tagged_link
from smtui.domain.text_length import limit_for, over_limit, post_length, published_text
from smtui.domain.validation import DomainError, field_errors
from smtui.io import hootsuite, metricool, post_csv
from smtui.io.post_source import BrandLookup, Draft, FileFormatError, RowError, read_rows

FORMATS: tuple[str, ...] = ("smtui", "hootsuite", "metricool")
# How each format names the columns a message may blame (smtui's own names otherwise).
_COLUMN_NAMES: dict[str, dict[str, str]] = {
    "hootsuite": {
        "date": "column 1 (date and time)",
        "body": "column 2 (message)",
        "link": "column 3 (link)",
        "time": "column 1 (date and time)",
    },
    "metricool": {"body": "Text", "date": "Date", "time": "Time", "visual": "Picture Url"},
}
_MODEL_TO_COLUMN = {"link_url": "link", "external_id": "id", "scheduled_at": "date"}

Present = Callable[[Iterable[tuple[int, str]]], set[tuple[int, str]]]


def detect(path: Path) -> str:
    """The format of a file, from its first line; a file it cannot place is refused."""
    first = next(read_rows(path), None)
    if first is None:
        raise FileFormatError(_("the file is empty"))
    record = first[1]
    if metricool.looks_like(record):
        return "metricool"
    if post_csv.looks_like(record):
        return "smtui"
    if hootsuite.looks_like(record):
        return "hootsuite"
    raise FileFormatError(
        _("cannot tell the format from the first line; name it with --format ({formats})").format(
            formats=", ".join(FORMATS)
        )
    )


def read_drafts(
    path: Path, fmt: str, lookup: BrandLookup, given: Channel | None, day_first: bool = False
) -> list[Draft]:
    if fmt == "hootsuite":
        return list(hootsuite.read(path, day_first))
    if fmt == "metricool":
        return list(metricool.read(path, lookup, given, day_first))
    return list(post_csv.read(path, channel_given=given is not None))


@dataclass
class Planned:
    """One post the file holds, checked; ``skip`` says why it will not be added."""

    line: int
    post: Post
    channel: Channel
    skip: str | None = None


@dataclass
class ImportPlan:
    format: str
    planned: list[Planned] = field(default_factory=list)
    left_out: list[tuple[int, str]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def to_add(self) -> list[Planned]:
        return [item for item in self.planned if item.skip is None]

    @property
    def skipped(self) -> list[Planned]:
        return [item for item in self.planned if item.skip is not None]

    def bad_lines(self) -> list[str]:
        """One line of text per bad line of the file, its reasons joined, in file order."""
        by_line: dict[int, list[RowError]] = {}
        for error in self.errors:
            by_line.setdefault(error.line, []).append(error)
        lines = []
        for line in sorted(by_line):
            reasons = "; ".join(
                f"{error.field}: {error.message}" if error.field else error.message
                for error in by_line[line]
            )
            lines.append(_("line {line}: {reasons}").format(line=line, reasons=reasons))
        return lines


def external_id(fmt: str, channel: Channel, post: Post) -> str:
    """A stable id for a post whose file gave none: the same line imports to the same id."""
    text = published_text(post.body, post.hashtags, post.link_url)
    when = post.scheduled_at.isoformat() if post.scheduled_at else ""
    key = "\x1f".join((fmt, str(channel.id), when, post.title, text))
    return f"{fmt}:{hashlib.sha256(key.encode()).hexdigest()[:24]}"


class _Checker:
    def __init__(self, fmt: str, lookup: BrandLookup, given: Channel | None) -> None:
        self.fmt = fmt
        self.lookup = lookup
        self.given = given
        self.names = _COLUMN_NAMES.get(fmt, {})

    def column(self, name: str) -> str:
        name = _MODEL_TO_COLUMN.get(name, name)
        return self.names.get(name, name)

    def _instant(self, text: str, column: str) -> datetime:
        day_text, _sep, time_text = text.strip().partition(" ")
        day = parse_day(day_text, column)
        return to_utc(day, parse_clock(time_text or "", column), self.lookup.timezone, column)

    def check(self, draft: Draft) -> Planned | list[RowError]:
        errors = [RowError(e.line, self.column(e.field), e.message) for e in draft.errors]

        def fail(column: str, message: str) -> None:
            errors.append(RowError(draft.line, self.column(column), message))

        values = draft.values
        channel = draft.resolved
        if channel is None and draft.channel:
            try:
                channel = self.lookup.channel(draft.channel)
            except DomainError as error:
                fail("channel", error.message)
        elif channel is None:
            channel = self.given
            if channel is None:
                fail("channel", _("empty; name the channel in the file or with --channel"))
        refs: dict[str, int | None] = {"pillar_id": None, "objective_id": None}
        try:
            scheduled = (
                to_utc(draft.local.date(), draft.local.time(), self.lookup.timezone, "time")
                if draft.local is not None
                else None
            )
        except DomainError as error:
            fail("time", error.message)
            scheduled = None
        try:
            if values.get("pillar"):
                refs["pillar_id"] = self.lookup.pillar(values["pillar"]).id
        except DomainError as error:
            fail("pillar", error.message)
        try:
            if values.get("objective"):
                refs["objective_id"] = self.lookup.objective(values["objective"]).id
        except DomainError as error:
            fail("objective", error.message)
        status_text = values.get("status", "").casefold()
        try:
            status = (
                PostStatus(status_text)
                if status_text
                else (PostStatus.DRAFT if draft.local else PostStatus.IDEA)
            )
        except ValueError:
            fail(
                "status",
                _("choose one of: {names}").format(
                    names=", ".join(item.value for item in PostStatus)
                ),
            )
            status = PostStatus.IDEA
        published_at = None
        if values.get("published_at"):
            try:
                published_at = self._instant(values["published_at"], "published_at")
            except DomainError as error:
                fail("published_at", error.message)
        elif status is PostStatus.PUBLISHED:
            published_at = scheduled
        if not values.get("body") and not values.get("title"):
            fail("body", _("empty: a post needs a text"))
        if errors or channel is None:
            return errors
        try:
            post = Post(
                brand_id=self.lookup.brand.id,
                channel_id=channel.id,
                title=values.get("title", ""),
                body=values.get("body", ""),
                visual=values.get("visual", ""),
                call_to_action=values.get("call_to_action", ""),
                hashtags=values.get("hashtags", ""),
                link_url=values.get("link") or None,
                utm_campaign=values.get("utm_campaign", ""),
                utm_content=values.get("utm_content", ""),
                scheduled_at=scheduled,
                status=status,
                published_at=published_at,
                published_url=values.get("published_url") or None,
                campaign=values.get("campaign", ""),
                notes=values.get("notes", ""),
                post_type=values.get("post_type", ""),
                external_id=draft.file_id,
                **refs,
            )
        except ValidationError as error:
            for name, message in field_errors(error).items():
                fail(name, message)
            return errors
        if length_error := self._length(post, channel):
            fail("body", length_error)
            return errors
        if post.external_id is None:
            post = post.model_copy(update={"external_id": external_id(self.fmt, channel, post)})
        return Planned(draft.line, post, channel)

    @staticmethod
    def _length(post: Post, channel: Channel) -> str | None:
        link = tagged_link(post, channel.platform)
        over = over_limit(channel.platform, post.body, post.hashtags, link, channel.char_limit)
        if not over:
            return None
        return _(
            "{count} characters with hashtags and link, {over} over {channel}'s limit of {limit}"
        ).format(
            count=post_length(channel.platform, post.body, post.hashtags, link),
            over=over,
            channel=channel.label,
            limit=limit_for(channel.platform, channel.char_limit),
        )


def check_drafts(
    fmt: str,
    drafts: Iterable[Draft],
    lookup: BrandLookup,
    given: Channel | None,
    tick: Callable[[int], object] | None = None,
) -> ImportPlan:
    """Check every draft; the plan holds the good posts, the lines left out and every error."""
    checker = _Checker(fmt, lookup, given)
    plan = ImportPlan(fmt)
    first_line: dict[tuple[int, str], int] = {}
    for draft in drafts:
        if tick is not None:
            tick(1)
        if draft.skip is not None:
            plan.left_out.append((draft.line, draft.skip))
            continue
        result = checker.check(draft)
        if isinstance(result, list):
            plan.errors.extend(result)
            continue
        key = (result.channel.id, result.post.external_id)
        if key in first_line:
            result.skip = _("repeats line {line}").format(line=first_line[key])
        else:
            first_line[key] = result.line  # type: ignore[index]
        plan.planned.append(result)
    return plan


def mark_present(plan: ImportPlan, present: Present) -> None:
    """Mark the posts the workspace already holds (a dry run's view; the write re-checks)."""
    keys = [(item.channel.id, item.post.external_id) for item in plan.to_add]
    found = present(keys)  # type: ignore[arg-type]
    for item in plan.to_add:
        if (item.channel.id, item.post.external_id) in found:
            item.skip = _("already in the workspace")
