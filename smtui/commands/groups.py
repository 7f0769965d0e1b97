"""Provides the command groups ``import``, ``export`` and ``feeds``.

Each sub-command lives in the module of its topic (``smtui.commands.posts_io`` and so on)
and joins its group here with one line, so that adding a format touches one small place.
"""

from __future__ import annotations

import click

from smtui.commands import audit_io, inbox_io, metrics_io, posts_io
from smtui.commands.common import SmtuiGroup


@click.group("import", cls=SmtuiGroup)
def import_group() -> None:
    """Bring posts, queue items or numbers in from a file.

    A file with a bad line imports nothing and every bad line is listed with its reason;
    importing the same file again adds nothing. --dry-run shows what would happen.
    """


@click.group("export", cls=SmtuiGroup)
def export_group() -> None:
    """Write the calendar, the plan, an audit or a report to a file (written atomically)."""


@click.group("feeds", cls=SmtuiGroup)
def feeds_group() -> None:
    """Listen: read the brand's RSS and Atom feeds into the Listening view."""


# Sub-commands join their group below, one line each.
import_group.add_command(posts_io.import_posts)
export_group.add_command(posts_io.export_calendar)
export_group.add_command(posts_io.export_posts)
import_group.add_command(metrics_io.import_metrics_command)
export_group.add_command(metrics_io.export_report_command)
import_group.add_command(inbox_io.import_inbox)
feeds_group.add_command(inbox_io.fetch_feeds)
feeds_group.add_command(inbox_io.add_feed)
feeds_group.add_command(inbox_io.list_feeds)
export_group.add_command(audit_io.export_audit)
