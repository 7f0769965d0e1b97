"""Provides ``smtui export audit``: an audit run as a Markdown report.

Like every command module it imports only click at the top; the store and the report
writer are imported inside the command, so that ``smtui --version`` stays fast.
"""

from __future__ import annotations

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
    from smtui.domain.audit import AuditRun
    from smtui.domain.models import Brand
    from smtui.store import Store


def _run_and_brand(
    store: Store, run_id: int | None, brand_name: str | None
) -> tuple[AuditRun, Brand]:
    """The run asked for (its brand follows from it unless --brand names another), or the
    brand's latest run."""
    from smtui.domain.validation import DomainError

    if run_id is None:
        brand = pick_brand(store, brand_name)
        run = store.audits.latest_run(brand.id or 0)
        if run is None:
            raise CliError(
                _("{brand} has no audit run yet; start one on the Audit screen (6)").format(
                    brand=brand.name
                )
            )
        return run, brand
    try:
        run = store.audits.get(run_id)
    except DomainError as error:
        raise click.BadParameter(
            _("there is no audit run {id}").format(id=run_id), param_hint="--run"
        ) from error
    if brand_name is None:
        return run, store.brands.get(run.brand_id)
    brand = pick_brand(store, brand_name)
    if run.brand_id != brand.id:
        raise click.BadParameter(
            _("audit run {id} belongs to another brand than {brand}").format(
                id=run_id, brand=brand.name
            ),
            param_hint="--run",
        )
    return run, brand


@click.command("audit", cls=SmtuiCommand)
@output_option("--md", "target", _("The Markdown file to write."))
@click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1),
    metavar="ID",
    help=_("The run to write (default: the brand's latest)."),
)
@brand_option
@click.pass_context
def export_audit(
    ctx: click.Context, target: Path, run_id: int | None, brand_name: str | None
) -> None:
    """Write an audit run as a Markdown report: progress, ticks, notes, actions with
    owners and dates, changes since the previous run, and the competitor benchmark."""
    from smtui.io.audit_report import write_audit_report

    clock = checked_clock()
    with open_store(workspace_of(ctx), clock) as store:
        run, brand = _run_and_brand(store, run_id, brand_name)
        report = write_audit_report(target, store, brand, run)
        done = sum(item.done for item in report.items)
        click.echo(
            _("Wrote {title} ({done} of {total} items ticked) to {path}.").format(
                title=run.title, done=done, total=len(report.items), path=target
            )
        )
