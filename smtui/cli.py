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

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from smtui import __version__
from smtui.domain.i18n import _

if TYPE_CHECKING:
    from smtui.domain.clock import Clock
    from smtui.store import Store

PROG = "smtui"


class CliError(click.ClickException):
    """A problem the user can act on: shown as one line, exit status 1, no traceback."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"{PROG}: {self.format_message()}", file=file or sys.stderr, err=True)


def _user_message(error: BaseException) -> str | None:
    """The message of an error that is the user's to fix, or None for a bug.

    The store's ``DatabaseError`` is looked up in ``sys.modules`` rather than imported: if the
    store was never imported, the error cannot come from it, and importing it here would cost
    every run the start-up time this module avoids.
    """
    from smtui.domain.clock import ClockError
    from smtui.domain.validation import DomainError

    migrate = sys.modules.get("smtui.store.migrate")
    if migrate is not None and isinstance(error, migrate.DatabaseError):
        return str(error)
    if isinstance(error, DomainError):
        return f"{error.field}: {error.message}" if error.field else error.message
    if isinstance(error, ClockError):
        return str(error)
    if isinstance(error, OSError) and error.filename:
        # The file system said no (permissions, a full disk): the user's to fix, not a bug.
        return f"{error.filename}: {error.strerror}"
    return None


class SmtuiGroup(click.Group):
    """The root group: turns the user's errors, raised by any command, into one clean line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            message = _user_message(error)
            if message is None:
                raise
            raise CliError(message) from error


@dataclass(frozen=True, slots=True)
class Workspace:
    """Which database file this run works on, and whether it is the default location."""

    path: Path
    is_default: bool

    def prepare_folder(self) -> None:
        """Create the default data folder on first use; a path the user gave must exist."""
        from smtui.settings import ensure_default_folder

        if self.is_default:
            ensure_default_folder(self.path)

    def existing(self) -> Path:
        """The path of a database that must already exist (for commands that only read)."""
        if self.path.is_dir():
            raise CliError(_("{path} is a directory, not a database file").format(path=self.path))
        if not self.path.parent.is_dir():
            raise CliError(_("the folder {folder} does not exist").format(folder=self.path.parent))
        if not self.path.exists():
            raise CliError(
                _("there is no database at {path}; run smtui once to create it").format(
                    path=self.path
                )
            )
        return self.path


def _workspace(ctx: click.Context) -> Workspace:
    workspace = ctx.find_object(Workspace)
    assert workspace is not None, "the root group always sets the workspace"
    return workspace


def _clock() -> Clock:
    """The app's one source of "now" (honours SMTUI_NOW); checked early so a bad value fails
    here with a clear message rather than deep inside a command."""
    from smtui.domain.clock import now

    now()
    return now


def _local_timezone() -> str:
    """The IANA zone of this machine, for the brand made on first run; UTC when unknown."""
    try:
        import pendulum

        from smtui.domain.validation import check_timezone

        return check_timezone(pendulum.local_timezone().name)
    except Exception:  # an unnamed or exotic local zone must not stop the app from opening
        return "UTC"


@contextmanager
def _open_store(workspace: Workspace, clock: Clock) -> Iterator[Store]:
    """Open (creating or upgrading) the workspace's database, and say where any backup went."""
    from smtui.store import Store

    workspace.prepare_folder()
    store, result = Store.open(workspace.path, clock)
    try:
        if result.backup is not None:
            click.echo(
                _("Upgraded the database; the previous version is saved as {path}").format(
                    path=result.backup
                )
            )
        yield store
    finally:
        store.close()


@click.group(cls=SmtuiGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    envvar="SMTUI_DB",
    show_envvar=True,
    help=_("The workspace database file (default: one in your user data folder)."),
)
@click.version_option(__version__, "--version", prog_name=PROG, message=_("%(prog)s %(version)s"))
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

    clock = _clock()
    with _open_store(workspace, clock) as store:
        store.brands.ensure_one(_local_timezone())
        from smtui.app import make_app

        make_app(Settings(db_path=workspace.path), store, clock).run()


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
    from smtui.demo import fill_demo, is_blank, remove_brands
    from smtui.store import backup_database

    workspace = _workspace(ctx)
    clock = _clock()
    with _open_store(workspace, clock) as store:
        if not is_blank(store):
            if not force:
                raise CliError(
                    _(
                        "{path} already holds a workspace; use --force to replace its brands "
                        "with the demo"
                    ).format(path=workspace.path)
                )
            backup = backup_database(workspace.path, _free_name(workspace.path, "before-demo"))
            click.echo(_("Saved the previous workspace as {path}").format(path=backup))
        remove_brands(store)
        brand = fill_demo(store, clock)
        click.echo(
            _(
                "Filled {path} with the demo brand {name}: {channels} channels, "
                "{objectives} objectives, {personas} personas, {pillars} pillars."
            ).format(
                path=workspace.path,
                name=brand.name,
                channels=len(store.channels.list(brand.id)),
                objectives=len(store.objectives.list(brand.id)),
                personas=len(store.personas.list(brand.id)),
                pillars=len(store.pillars.list(brand.id)),
            )
        )


def _free_name(path: Path, label: str) -> Path:
    """A backup name beside ``path`` that is not taken yet, so no earlier backup is lost."""
    candidate = path.with_name(f"{path.name}.{label}.bak")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{label}-{counter}.bak")
        counter += 1
    return candidate


@cli.group()
def db() -> None:
    """Look after the database file: schema, backups, integrity."""


@db.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring the database to this version's schema (after a backup copy if it holds data)."""
    from smtui.store import prepare_database

    workspace = _workspace(ctx)
    clock = _clock()
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

    path = _workspace(ctx).existing()
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

    path = _workspace(ctx).existing()
    _revision(path)  # refuses, read-only, a file that is not an smtui database
    copy = backup_database(path, target.expanduser())
    click.echo(_("Backed up {path} to {target}.").format(path=path, target=copy))


@db.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the file's integrity and its links between rows; exit status 1 on a problem."""
    path = _workspace(ctx).existing()
    _revision(path)  # refuses, read-only, a file that is not an smtui database
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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


def main() -> None:
    """Entry point of the ``smtui`` console script and of ``python -m smtui``."""
    cli.main(prog_name=PROG)
