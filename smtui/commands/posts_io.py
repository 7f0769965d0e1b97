"""Provides ``smtui import posts``, ``smtui export calendar`` and ``smtui export posts``.

Like every command module it imports only click at the top; the store and the readers are
imported inside the commands, so that ``smtui --version`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from smtui.commands.common import (
    CliError,
    SmtuiCommand,
    brand_option,
    checked_clock,
    open_store,
    output_option,
    pick_brand,
    workspace_of,
)
from smtui.domain.i18n import _

if TYPE_CHECKING:
    from smtui.domain.models import Brand
    from smtui.domain.post import Post
    from smtui.io.post_import import ImportPlan, Planned
    from smtui.io.post_source import BrandLookup
    from smtui.store import Store

FORMAT_CHOICES = ("auto", "smtui", "hootsuite", "metricool")
# Below this many lines a file is checked faster than a bar can be drawn.
PROGRESS_FROM = 500
# The window an export covers when --from or --to is left out, in days around today.
DAYS_BACK = 30
DAYS_AHEAD = 90


def _lookup(store: Store, brand: Brand) -> BrandLookup:
    from smtui.io.post_source import BrandLookup

    assert brand.id is not None
    return BrandLookup(
        brand,
        store.channels.list(brand.id),
        store.pillars.list(brand.id),
        store.objectives.list(brand.id),
    )


@contextmanager
def _progress(length: int) -> Iterator[Callable[[int], object]]:
    """A bar on stderr for a long file read by a person; silent in scripts and pipes."""
    if length < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda _count: None
        return
    with click.progressbar(length=length, label=_("Checking"), file=sys.stderr) as bar:
        yield bar.update


def _describe(item: Planned, timezone: str) -> str:
    from smtui.domain.local_time import local
    from smtui.domain.text import one_line

    post = item.post
    when = (
        local(post.scheduled_at, timezone).strftime("%Y-%m-%d %H:%M")
        if post.scheduled_at
        else _("unscheduled")
    )
    return f"{when} {item.channel.label}: {one_line(post.title or post.body, 60)}"


def _report_dry_run(plan: ImportPlan, timezone: str) -> None:
    for item in plan.planned:
        what = (
            _("would add")
            if item.skip is None
            else _("would skip ({reason})").format(reason=item.skip)
        )
        click.echo(
            _("line {line}: {what}: {post}").format(
                line=item.line, what=what, post=_describe(item, timezone)
            )
        )
    for line, reason in plan.left_out:
        click.echo(_("line {line}: left out: {reason}").format(line=line, reason=reason))
    click.echo(
        _("Dry run: would add {added} posts and skip {skipped}; nothing was written.").format(
            added=len(plan.to_add), skipped=len(plan.skipped) + len(plan.left_out)
        )
    )


@click.command("posts", cls=SmtuiCommand)
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--channel",
    "channel_name",
    metavar="CHANNEL",
    help=_("The channel (platform name or handle) for files that do not name one."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default="auto",
    show_default=True,
    help=_("The file's format; auto reads it from the first line."),
)
@click.option(
    "--day-first", is_flag=True, help=_("Dates are written DD/MM/YYYY rather than MM/DD/YYYY.")
)
@click.option("--dry-run", is_flag=True, help=_("Show what would be added; write nothing."))
@brand_option
@click.pass_context
def import_posts(
    ctx: click.Context,
    file: Path,
    channel_name: str | None,
    fmt: str,
    day_first: bool,
    dry_run: bool,
    brand_name: str | None,
) -> None:
    """Add the posts of FILE to the calendar: smtui's CSV, Hootsuite's bulk CSV or
    Metricool's planner CSV. A file with a bad line adds nothing; every bad line is listed.
    Importing the same file again adds nothing."""
    from smtui.domain.validation import DomainError
    from smtui.io.post_import import check_drafts, detect, mark_present, read_drafts
    from smtui.io.post_source import FileFormatError

    with open_store(workspace_of(ctx), checked_clock()) as store:
        brand = pick_brand(store, brand_name)
        lookup = _lookup(store, brand)
        given = None
        if channel_name is not None:
            try:
                given = lookup.channel(channel_name)
            except DomainError as error:
                raise click.BadParameter(error.message, param_hint="--channel") from None
        try:
            chosen = detect(file) if fmt == "auto" else fmt
            drafts = read_drafts(file, chosen, lookup, given, day_first)
        except FileFormatError as error:
            raise CliError(f"{file}: {error}") from None
        with _progress(len(drafts)) as tick:
            plan = check_drafts(chosen, drafts, lookup, given, tick)
        if plan.errors:
            for line in plan.bad_lines():
                click.echo(f"{file}: {line}", err=True)
            raise CliError(
                _("{count} bad lines in {file}; nothing was imported").format(
                    count=len(plan.bad_lines()), file=file
                )
            )
        brand_id = brand.id
        assert brand_id is not None
        mark_present(plan, lambda keys: store.post_imports.present(brand_id, keys))
        if dry_run:
            _report_dry_run(plan, brand.timezone)
            return
        added, skipped = store.post_imports.add_new(brand_id, [item.post for item in plan.to_add])
        click.echo(
            _(
                "Imported {added} posts from {file} ({format}); skipped {skipped} already "
                "there and {left_out} for other channels."
            ).format(
                added=len(added),
                file=file,
                format=chosen,
                skipped=skipped + len(plan.skipped),
                left_out=len(plan.left_out),
            )
        )


def _window(
    first: date | None, last: date | None, today: date, timezone: str
) -> tuple[date, date, datetime, datetime]:
    """The local days an export covers and their UTC bounds (see DAYS_BACK/DAYS_AHEAD)."""
    from smtui.domain.local_time import days_bounds

    start_day = first or today - timedelta(days=DAYS_BACK)
    end_day = last or today + timedelta(days=DAYS_AHEAD)
    if end_day < start_day:
        raise click.BadParameter(
            _("{last} is before {first}").format(last=end_day, first=start_day), param_hint="--to"
        )
    start, end = days_bounds(start_day, end_day, timezone)
    return start_day, end_day, start, end


@dataclass(frozen=True, slots=True)
class _Export:
    """What both exports need: the posts of the chosen days (read page by page while the
    store is open, so use them inside the ``with``), names to show, and now."""

    first: date
    last: date
    posts: Iterator[Post]
    lookup: BrandLookup
    now: datetime


@contextmanager
def _export(
    ctx: click.Context, brand_name: str | None, first: date | None, last: date | None
) -> Iterator[_Export]:
    """The brand's posts in the days asked (default: DAYS_BACK to DAYS_AHEAD around today)."""
    from smtui.domain.local_time import local

    clock = checked_clock()
    with open_store(workspace_of(ctx), clock) as store:
        brand = pick_brand(store, brand_name)
        assert brand.id is not None
        today = local(clock(), brand.timezone).date()
        start_day, end_day, start, end = _window(first, last, today, brand.timezone)
        posts = store.post_imports.in_window(brand.id, start, end)
        yield _Export(start_day, end_day, posts, _lookup(store, brand), clock())


class _Day(click.ParamType):
    """A day written YYYY-MM-DD. Click's own DateTime type answers 2026-02-30 with "does not
    match the format", which sends the user looking for a typo that is not there."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        from smtui.domain.local_time import parse_day
        from smtui.domain.validation import DomainError

        if isinstance(value, date):
            return value
        try:
            return parse_day(str(value))
        except DomainError as error:
            self.fail(error.message, param, ctx)


_DAY = _Day()
_from_option = click.option(
    "--from", "first", type=_DAY, help=_("First day (default: 30 days ago).")
)
_to_option = click.option("--to", "last", type=_DAY, help=_("Last day (default: in 90 days)."))


@click.command("calendar", cls=SmtuiCommand)
@output_option("--ics", "target", _("The iCalendar file to write."))
@_from_option
@_to_option
@brand_option
@click.pass_context
def export_calendar(
    ctx: click.Context,
    target: Path,
    first: date | None,
    last: date | None,
    brand_name: str | None,
) -> None:
    """Write the calendar's posts between two days as an iCalendar file (.ics)."""
    from smtui.io.ics import write_ics

    with _export(ctx, brand_name, first, last) as job:
        count = write_ics(target, job.posts, job.lookup, job.now)
    click.echo(
        _("Wrote {count} events from {first} to {last} to {path}.").format(
            count=count, first=job.first, last=job.last, path=target
        )
    )


@click.command("posts", cls=SmtuiCommand)
@output_option("--csv", "target", _("The CSV file to write (smtui's import format)."))
@_from_option
@_to_option
@brand_option
@click.pass_context
def export_posts(
    ctx: click.Context,
    target: Path,
    first: date | None,
    last: date | None,
    brand_name: str | None,
) -> None:
    """Write the plan between two days as CSV, in the columns smtui import posts reads."""
    from smtui.io import post_csv
    from smtui.io.files import atomic_write

    with (
        _export(ctx, brand_name, first, last) as job,
        atomic_write(target, newline="") as handle,
    ):
        count = post_csv.write(handle, job.posts, job.lookup)
    click.echo(
        _("Wrote {count} posts from {first} to {last} to {path}.").format(
            count=count, first=job.first, last=job.last, path=target
        )
    )
