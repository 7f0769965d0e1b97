"""Provides ``smtui import inbox`` and the ``smtui feeds`` commands (fetch, add, list).

Like every command module it imports only click at the top; the store and the readers are
imported inside the commands, so that ``smtui --version`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from smtui.commands.common import (
    CliError,
    SmtuiCommand,
    brand_option,
    checked_clock,
    open_store,
    pick_brand,
    workspace_of,
)
from smtui.domain.i18n import _

FORMAT_CHOICES = ("auto", "csv", "json", "mastodon")
PROGRESS_FROM = 500


@contextmanager
def _progress(length: int, label: str) -> Iterator[Callable[[int], object]]:
    """A bar on stderr for a long file read by a person; silent in scripts and pipes."""
    if length < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda _count: None
        return
    # Drawn at most every 1/200th of the way: drawing after each row costs a tenth of the import.
    with click.progressbar(
        length=length, label=label, file=sys.stderr, update_min_steps=max(1, length // 200)
    ) as bar:
        yield bar.update


@click.command("inbox", cls=SmtuiCommand)
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default="auto",
    show_default=True,
    help=_("The file's format; auto tells CSV, our JSON and Mastodon notifications apart."),
)
@click.option(
    "--channel",
    "channel_name",
    metavar="CHANNEL",
    help=_("The channel (handle or platform) of rows that do not name one."),
)
@click.option("--dry-run", is_flag=True, help=_("Check the file and count; write nothing."))
@brand_option
@click.pass_context
def import_inbox(
    ctx: click.Context,
    file: Path,
    fmt: str,
    channel_name: str | None,
    dry_run: bool,
    brand_name: str | None,
) -> None:
    """Add the comments, mentions and messages of FILE to the reply queue: smtui's CSV or
    JSON, or a Mastodon notifications list. A file with a bad line adds nothing; every bad
    line is listed. Items already imported (same channel and id) are skipped."""
    from smtui.domain.validation import DomainError
    from smtui.io.inbox_formats import InboxFormat, check_rows, load_rows, resolve_channel

    with open_store(workspace_of(ctx), checked_clock()) as store:
        brand = pick_brand(store, brand_name)
        assert brand.id is not None
        channels = store.channels.list(brand.id)
        given = None
        if channel_name is not None:
            try:
                given = resolve_channel(channel_name, channels)
            except DomainError as error:
                raise click.BadParameter(error.message, param_hint="--channel") from None
        parsed, rows = load_rows(file, InboxFormat(fmt))
        with _progress(len(rows), _("Checking")) as tick:
            check_rows(
                parsed,
                rows,
                brand_id=brand.id,
                timezone=brand.timezone,
                channels=channels,
                default_channel=given,
                tick=tick,
            )
        # The rows' cells are done with: freed now, their memory serves the import's rows.
        del rows
        if parsed.errors:
            for line in parsed.errors:
                click.echo(f"{file}: {line}", err=True)
            raise CliError(
                _("{count} bad lines in {file}; nothing was imported").format(
                    count=len(parsed.errors), file=file
                )
            )
        with _progress(len(parsed.items), _("Importing")) as tick:
            result = store.inbox.import_items(
                brand.id,
                parsed.items,
                keep_priority=parsed.kept_priority,
                dry_run=dry_run,
                progress=tick,
            )
        left_out = ", ".join(f"{count} {kind}" for kind, count in sorted(parsed.notes.items()))
        message = (
            _("Dry run: would add {added} items from {file} ({format}); {skipped} already there.")
            if dry_run
            else _(
                "Imported {added} items from {file} ({format}); skipped {skipped} already there."
            )
        )
        click.echo(
            message.format(
                added=result.added, file=file, format=parsed.format.value, skipped=result.duplicates
            )
        )
        if left_out:
            click.echo(_("Not queue items, left out: {what}.").format(what=left_out))


@click.command("fetch", cls=SmtuiCommand)
@brand_option
@click.pass_context
def fetch_feeds(ctx: click.Context, brand_name: str | None) -> None:
    """Fetch the brand's feeds (conditional requests: unchanged feeds cost nothing)."""
    from smtui.io.feeds import fetch_all

    with open_store(workspace_of(ctx), checked_clock()) as store:
        brand = pick_brand(store, brand_name)
        assert brand.id is not None
        results = fetch_all(store, brand.id)
        if not results:
            click.echo(_("The brand follows no feed yet; add one with smtui feeds add URL."))
            return
        for result in results:
            click.echo(result.message, err=result.error is not None)
        if all(result.error for result in results):
            raise CliError(_("no feed could be fetched"))


@click.command("add", cls=SmtuiCommand)
@click.argument("url")
@click.option("--title", default="", help=_("A name for the feed (default: its address)."))
@brand_option
@click.pass_context
def add_feed(ctx: click.Context, url: str, title: str, brand_name: str | None) -> None:
    """Follow the RSS or Atom feed at URL (http(s), file:// or a local file)."""
    from smtui.domain.inbox import Feed
    from smtui.domain.validation import DomainError
    from smtui.io.feeds import check_feed_url

    try:
        checked = check_feed_url(url)
    except DomainError as error:
        raise click.BadParameter(error.message, param_hint="URL") from None
    with open_store(workspace_of(ctx), checked_clock()) as store:
        brand = pick_brand(store, brand_name)
        assert brand.id is not None
        feed = store.feeds.add(Feed(brand_id=brand.id, url=checked, title=title))
        click.echo(_("Added feed {feed}; fetch it with smtui feeds fetch.").format(feed=feed.label))


@click.command("list", cls=SmtuiCommand)
@brand_option
@click.pass_context
def list_feeds(ctx: click.Context, brand_name: str | None) -> None:
    """List the brand's feeds, with when each was last fetched."""
    with open_store(workspace_of(ctx), checked_clock()) as store:
        brand = pick_brand(store, brand_name)
        assert brand.id is not None
        feeds = store.feeds.list(brand.id)
        if not feeds:
            click.echo(_("The brand follows no feed yet; add one with smtui feeds add URL."))
        for feed in feeds:
            when = (
                feed.last_fetched_at.strftime("%Y-%m-%d %H:%M UTC")
                if feed.last_fetched_at
                else _("never fetched")
            )
            click.echo(f"{feed.id}\t{feed.title or '-'}\t{feed.url}\t{when}")
