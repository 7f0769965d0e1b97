"""Provides ``smtui import metrics`` (the platforms' own exports and smtui's CSV of values)
and ``smtui export report`` (the KPI report in Markdown).

Like :mod:`smtui.cli`, it imports only click and the translation function at the top, so
that registering these commands costs the start-up nothing; the format names are listed
here as text, and a test checks them against the readers.
"""

from __future__ import annotations

from pathlib import Path

import click

from smtui.commands.common import (
    SmtuiCommand,
    brand_option,
    checked_clock,
    open_store,
    output_option,
    pick_brand,
    workspace_of,
)
from smtui.domain.i18n import _

FORMAT_NAMES = (
    "x-tweet-activity",
    "x-content",
    "meta-facebook",
    "meta-instagram",
    "youtube",
    "linkedin",
    "smtui",
)


@click.command("metrics", cls=SmtuiCommand)
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--channel",
    "channel",
    metavar="C",
    help=_("The channel the file is from: its platform or handle (needed when several match)."),
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(FORMAT_NAMES),
    help=_("The file's format, when the header alone does not tell."),
)
@click.option("--dry-run", is_flag=True, help=_("Check the file and say what would change."))
@brand_option
@click.pass_context
def import_metrics_command(
    ctx: click.Context,
    file: Path,
    channel: str | None,
    format_name: str | None,
    dry_run: bool,
    brand_name: str | None,
) -> None:
    """Import numbers from FILE: a platform's export as downloaded, or smtui's CSV.

    Understood: X tweet_activity_metrics CSV, X account_analytics_content CSV, Meta
    Business Suite post exports (Facebook, Instagram), YouTube Studio's Table data.csv,
    LinkedIn's page content export (.xlsx), and smtui's own CSV (metric,channel,date,value).
    """
    from smtui.domain.validation import DomainError
    from smtui.io.metrics_import import import_metrics

    clock = checked_clock()
    with open_store(workspace_of(ctx), clock) as store:
        brand = pick_brand(store, brand_name)
        try:
            result = import_metrics(store, brand, file, channel, format_name, dry_run)
        except DomainError as error:
            if error.field == "--channel":
                raise click.BadParameter(error.message, param_hint="--channel") from error
            raise
    summary = result.summary
    where = result.channel.label if result.channel else brand.name
    click.echo(
        _("{file}: {format} export for {where}, {posts} posts and {values} values read.").format(
            file=file.name,
            format=result.format.name,
            where=where,
            posts=len(result.parsed.posts),
            values=len(result.parsed.values),
        )
    )
    click.echo(
        _(
            "Posts: {matched} matched, {created} created. Post numbers: {added} added, "
            "{updated} updated, {same} unchanged. Metric values: {vadded} added, "
            "{vupdated} updated, {vsame} unchanged."
        ).format(
            matched=summary.posts_matched,
            created=summary.posts_created,
            added=summary.post_metrics_added,
            updated=summary.post_metrics_updated,
            same=summary.post_metrics_unchanged,
            vadded=summary.values_added,
            vupdated=summary.values_updated,
            vsame=summary.values_unchanged,
        )
    )
    if summary.metrics_created:
        click.echo(_("New metrics: {names}").format(names=", ".join(summary.metrics_created)))
    if dry_run:
        click.echo(_("Dry run: nothing was written."))
    elif not summary.changed:
        click.echo(_("Nothing new: the workspace already held these numbers."))


@click.command("report", cls=SmtuiCommand)
@output_option("--md", "markdown", _("Write the report as Markdown to this file."))
@click.option(
    "--period",
    default="4w",
    show_default=True,
    metavar="4w|quarter|year|FROM:TO",
    help=_("The period the report covers, ending today (or FROM:TO dates)."),
)
@brand_option
@click.pass_context
def export_report_command(
    ctx: click.Context, markdown: Path, period: str, brand_name: str | None
) -> None:
    """Write the KPI report: objectives and their pace, KPIs, top posts, what worked, and
    what to adjust."""
    from smtui.domain.kpi import kpi_period
    from smtui.domain.validation import DomainError
    from smtui.io.files import atomic_write
    from smtui.io.kpi_report import build_report, local_today

    clock = checked_clock()
    with open_store(workspace_of(ctx), clock) as store:
        brand = pick_brand(store, brand_name)
        try:
            chosen = kpi_period(period, local_today(brand, clock()))
        except DomainError as error:
            raise click.BadParameter(error.message, param_hint="--period") from error
        text = build_report(store, brand, chosen, clock())
    with atomic_write(markdown) as handle:
        handle.write(text)
    click.echo(
        _("Wrote the KPI report of {brand} for {period} to {path}.").format(
            brand=brand.name, period=chosen.label, path=markdown
        )
    )
