"""Provides the command groups ``import``, ``export`` and ``feeds``.

Each sub-command lives in the module of its topic (``smtui.commands.posts_io`` and so on)
and joins its group here with one line, so that adding a format touches one small place.
"""

from __future__ import annotations

import click

from smtui.commands import posts_io


@click.group("import")
def import_group() -> None:
    """Bring posts, queue items or numbers in from a file.

    A file with a bad line imports nothing and every bad line is listed with its reason;
    importing the same file again adds nothing. --dry-run shows what would happen.
    """


@click.group("export")
def export_group() -> None:
    """Write the calendar, the plan, an audit or a report to a file (written atomically)."""


@click.group("feeds")
def feeds_group() -> None:
    """Listen: read the brand's RSS and Atom feeds into the Listening view."""


# Sub-commands join their group below, one line each.
import_group.add_command(posts_io.import_posts)
export_group.add_command(posts_io.export_calendar)
export_group.add_command(posts_io.export_posts)
