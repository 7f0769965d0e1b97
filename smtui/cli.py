"""Provides the ``smtui`` command: it opens the UI and holds the sub-commands for scripts.

Start-up time is felt on every run, so this module imports only click and the translation
function at the top; the store (SQLAlchemy, Alembic) is imported inside the commands that
need it, and Textual only when the UI opens. A test checks that ``import smtui.cli`` pulls in
neither.

Errors meant for the user (an unreadable database, a broken rule of the domain) end the run
with ``smtui: <message>`` on stderr and exit status 1, never with a traceback; usage errors
keep click's exit status 2.
"""

from __future__ import annotations

import gc
import os
import sqlite3
from pathlib import Path

import click

from smtui import __version__
from smtui.commands.common import (
    PROG,
    CliError,
    SmtuiGroup,
    Workspace,
    checked_clock,
    open_store,
    workspace_of,
)
from smtui.commands.groups import export_group, feeds_group, import_group
from smtui.commands.today import today as today_command
from smtui.domain.i18n import _


def _local_timezone() -> str:
    """The IANA zone of this machine, for the brand made on first run; UTC when unknown."""
    try:
        import pendulum

        from smtui.domain.validation import check_timezone

        return check_timezone(pendulum.local_timezone().name)
    except Exception:  # an unnamed or exotic local zone must not stop the app from opening
        return "UTC"


@click.group(cls=SmtuiGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    envvar="SMTUI_DB",
    show_envvar=True,
    help=_("The workspace database file (default: one in your user data folder)."),
)
@click.version_option(
    __version__,
    "--version",
    prog_name=PROG,
    message=_("%(prog)s %(version)s"),
    help=_("Show the version and exit."),
)
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Run a brand's social-media strategy from the terminal.

    Without a command, opens the workspace in the terminal UI.
    """
    from smtui.settings import resolve_db_path

    path, is_default = resolve_db_path(db)
    ctx.obj = Workspace(path, is_default)
    if ctx.invoked_subcommand is None:
        _run_ui(ctx.obj)


def _run_ui(workspace: Workspace) -> None:
    """Open the database (upgrading it after a backup), make sure it has a brand, run the UI."""
    from smtui.settings import Settings

    clock = checked_clock()
    with open_store(workspace, clock) as store:
        with store.snapshot() as source:
            first_run = not source.brands()
        if first_run:
            store.brands.ensure_one(_local_timezone())
        from smtui.app import make_app

        make_app(Settings(db_path=workspace.path, daily_backup=True), store, clock).run()


@cli.command()
@click.option(
    "--force",
    is_flag=True,
    help=_("Replace the brands already in the database (a backup is made first)."),
)
@click.pass_context
def demo(ctx: click.Context, force: bool) -> None:
    """Fill the database with a realistic demo workspace.

    The demo is Maple & Grain, a bakery-café in Montréal, with its charter, channels,
    objectives, personas and content pillars, dated relative to today.
    """
    from smtui.demo import is_blank
    from smtui.demo.install import build_demo_file, remove_side_file
    from smtui.store.backup import install_database

    workspace = workspace_of(ctx)
    clock = checked_clock()
    with open_store(workspace, clock) as store:
        blank = is_blank(store)
    if not blank and not force:
        raise CliError(
            _(
                "{path} already holds a workspace; use --force to replace its brands with the demo"
            ).format(path=workspace.path)
        )
    # Built beside the workspace and renamed into place: a kill leaves the old or the demo.
    side, made = build_demo_file(workspace.path, clock)
    try:
        backup = install_database(side, workspace.path, None if blank else "before-demo")
    finally:
        remove_side_file(side)
    if backup is not None:
        click.echo(_("Saved the previous workspace as {path}").format(path=backup))
    click.echo(
        _(
            "Filled {path} with the demo brand {name}: {channels} channels, "
            "{objectives} objectives, {personas} personas, {pillars} pillars."
        ).format(
            path=workspace.path,
            name=made.name,
            channels=made.channels,
            objectives=made.objectives,
            personas=made.personas,
            pillars=made.pillars,
        )
    )


@cli.group()
def db() -> None:
    """Look after the database file: schema, backups, integrity."""


@db.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring the database to this version's schema (after a backup copy if it holds data)."""
    from smtui.store import prepare_database

    workspace = workspace_of(ctx)
    clock = checked_clock()
    workspace.prepare_folder()
    result = prepare_database(workspace.path, clock())
    before = result.from_revision or _("(empty)")
    if result.upgraded:
        click.echo(
            _("Upgraded {path} from {old} to {new}.").format(
                path=result.path, old=before, new=result.to_revision
            )
        )
    else:
        click.echo(
            _("{path} is already at {revision}; nothing to do.").format(
                path=result.path, revision=result.to_revision
            )
        )
    if result.backup is not None:
        click.echo(_("Backup of the previous version: {path}").format(path=result.backup))


def _revision(path: Path) -> str | None:
    """The schema revision of an existing file, read-only; None for an empty file (SQLite
    creates a database lazily, so a zero-byte file is a database not yet written)."""
    from smtui.store.migrate import current_revision

    return current_revision(path) if path.stat().st_size else None


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Show the database's schema revision and whether it is this version's (the head)."""
    from smtui.store.migrate import head_revision, known_revisions

    path = workspace_of(ctx).existing()
    revision = _revision(path)
    head = head_revision()
    if revision == head:
        click.echo(_("{revision} (head)").format(revision=revision))
    elif revision is None:
        click.echo(
            _("(empty): not yet migrated; head is {head}; run smtui db upgrade").format(head=head)
        )
    elif revision in known_revisions():
        click.echo(
            _("{revision}: behind the head {head}; run smtui db upgrade").format(
                revision=revision, head=head
            )
        )
    else:
        click.echo(
            _("{revision}: newer than this smtui (head {head}); upgrade smtui").format(
                revision=revision, head=head
            )
        )


@db.command()
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_context
def backup(ctx: click.Context, target: Path) -> None:
    """Copy the database to TARGET, consistently, even while smtui has it open."""
    from smtui.store import backup_database

    path = workspace_of(ctx).existing()
    _revision(path)  # refuses, read-only, a file that is not an smtui database
    copy = backup_database(path, target.expanduser())
    click.echo(_("Backed up {path} to {target}.").format(path=path, target=copy))


@db.command()
@click.argument("source", metavar="BACKUP", type=click.Path(path_type=Path))
@click.pass_context
def restore(ctx: click.Context, source: Path) -> None:
    """Replace the database by BACKUP, once BACKUP passes the integrity check.

    The current file is saved beside it first. Close smtui before restoring: a database
    that is open elsewhere is refused.
    """
    from smtui.store.backup import restore_database

    workspace = workspace_of(ctx)
    clock = checked_clock()
    workspace.prepare_folder()
    result = restore_database(source, workspace.path, clock())
    click.echo(
        _("Restored {path} from {backup} (schema {revision}).").format(
            path=result.restored, backup=source, revision=result.revision
        )
    )
    if result.previous is not None:
        click.echo(_("The file it replaced is saved as {path}").format(path=result.previous))


@db.command()
@click.option(
    "--keep",
    type=click.IntRange(0, 3650),
    metavar="N",
    help=_("Keep the copies of the last N days (default 7); 0 turns daily copies off."),
)
@click.pass_context
def backups(ctx: click.Context, keep: int | None) -> None:
    """List the daily copies smtui makes when it opens, and how many it keeps."""
    from smtui.store.backup import (
        KEEP_SETTING,
        daily_backups,
        daily_folder,
        daily_keep,
        prune_daily_backups,
    )

    workspace = workspace_of(ctx)
    with open_store(workspace, checked_clock()) as store:
        if keep is not None:
            store.settings.set(KEEP_SETTING, str(keep))
            if keep:
                prune_daily_backups(workspace.path, keep)
        kept = daily_keep(store)
    if kept:
        click.echo(
            _("smtui keeps a copy of the last {count} days in {folder}").format(
                count=kept, folder=daily_folder(workspace.path)
            )
        )
    else:
        click.echo(_("Daily copies are off (smtui db backups --keep N turns them on)."))
    for day, copy in daily_backups(workspace.path):
        click.echo(f"{day.isoformat()}  {copy}")


@db.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the file's integrity and its links between rows; exit status 1 on a problem."""
    from smtui.store.migrate import read_connection

    path = workspace_of(ctx).existing()
    _revision(path)  # refuses, read-only, a file that is not an smtui database
    connection = read_connection(path)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as error:
        message = _("{path} cannot be read: {error}").format(path=path, error=error)
        raise CliError(message) from error
    finally:
        connection.close()
    problems = 0
    if integrity == ["ok"]:
        click.echo(_("Integrity: ok"))
    else:
        problems += len(integrity)
        click.echo(_("Integrity: {count} problems").format(count=len(integrity)))
        for line in integrity:
            click.echo(f"  {line}")
    if not broken:
        click.echo(_("Links between rows: ok"))
    else:
        problems += len(broken)
        click.echo(_("Links between rows: {count} broken").format(count=len(broken)))
        for table, rowid, parent, _index in broken:
            click.echo(
                _("  {table} row {rowid} points at a missing {parent}").format(
                    table=table, rowid=rowid, parent=parent
                )
            )
    if problems:
        raise CliError(_("{path} has {count} problems").format(path=path, count=problems))


cli.add_command(import_group)
cli.add_command(export_group)
cli.add_command(feeds_group)
cli.add_command(today_command)


def main() -> None:
    """Entry point of the ``smtui`` console script and of ``python -m smtui``.

    Python's cycle collector is off for the run: a command lives for seconds and allocates
    in bursts (the start's imports, an import's hundred thousand rows), and the collector
    would walk every live object again at each burst, for a quarter of an import's time and
    a sixth of the time to the UI's first frame. Nearly all our garbage is freed by
    reference counting anyway. The UI turns the collector back on once Today is on screen
    (see :meth:`smtui.app.SmtuiApp.on_mount`), having frozen what the start made.

    Pydantic's plugins are off unless the user's environment says otherwise: smtui uses none,
    and looking for them reads the metadata of every installed package, about 10 ms of every
    start.
    """
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cli.main(prog_name=PROG)
