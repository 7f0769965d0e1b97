"""Provides what every ``smtui`` command shares: the workspace, the clock, the store, the
brand a command works on, and the one way a user's error ends a run.

Like :mod:`smtui.cli`, it imports only click and the translation function at the top;
everything heavier is imported inside the functions that need it.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from smtui.domain.i18n import N_, _

if TYPE_CHECKING:
    from smtui.domain.clock import Clock
    from smtui.domain.models import Brand
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


def _store_message(error: BaseException, ctx: click.Context) -> str | None:
    """The message of a store write that failed for a reason the user can act on (the file
    stayed locked by another program, the disk is full, the file may not be written), or
    None for a bug. Like ``_user_message``, it looks the store up in ``sys.modules``: no
    store imported, no store error."""
    workspace = ctx.find_object(Workspace)
    if "smtui.store" not in sys.modules or workspace is None:
        return None
    from smtui.store.failures import FailureKind, classify, failure_message

    kind = classify(error)
    if kind is None or kind is FailureKind.UNEXPECTED:
        return None
    return failure_message(kind, workspace.path)


def help_message(text: str) -> str:
    """The message a command's help is looked up by: its docstring as click shows it
    (indentation cleaned, cut at a form feed). ``scripts/catalogue.py`` extracts the same."""
    return inspect.cleandoc(text).partition("\f")[0]


class _Translated:
    """A command's own text (its help from the docstring, its epilog, a usage metavar), kept
    in English as the code writes it and given in the user's language when click reads it."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.source = f"_english_{name}"

    def __get__(self, command: object, owner: type | None = None) -> Any:
        if command is None:
            return self
        text = getattr(command, self.source)
        return _(help_message(text)) if text else text

    def __set__(self, command: object, text: str | None) -> None:
        setattr(command, self.source, text)


# Click's own words, which click writes in English: marked here for the catalogue, and
# translated where they are shown (the headings by HelpFormatter, the metavars by _Translated).
HEADINGS = (N_("Options"), N_("Commands"), N_("Positional arguments"))
METAVARS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("[COMMAND] [ARGS]..."))


class HelpFormatter(click.HelpFormatter):
    """Click's help page with its usage prefix and section headings in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage:") + " " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        title = _("{heading}:").format(heading=_(heading))  # French puts a space before ":"
        self.write(f"{'':>{self.current_indent}}{title}\n")


class Context(click.Context):
    formatter_class = HelpFormatter


def _option_record(ctx: click.Context, param: click.Parameter) -> tuple[str, str] | None:
    """An option's line in the help, as click writes it but with our words for what click
    adds in brackets (the environment variable, the default, "required")."""
    if not isinstance(param, click.Option) or param.hidden:
        return param.get_help_record(ctx)
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(_("env var: {var}").format(var=", ".join(extra["envvars"])))
    if "default" in extra:
        items.append(_("default: {default}").format(default=extra["default"]))
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append(_("required"))
    text = param.help or ""
    if items:
        text = f"{text}  [{'; '.join(items)}]" if text else f"[{'; '.join(items)}]"
    return param.get_help_spec(ctx), text


class SmtuiCommand(click.Command):
    """Every ``smtui`` command: its help page in the user's language, click's words included
    (the docstring is the English message, see :func:`help_message`)."""

    context_class = Context
    help = _Translated()
    short_help = _Translated()
    epilog = _Translated()
    options_metavar = _Translated()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record
            for param in self.get_params(ctx)
            if not isinstance(param, click.Argument)
            and (record := _option_record(ctx, param)) is not None
        ]
        if records:
            with formatter.section("Options"):
                formatter.write_dl(records)


class SmtuiGroup(SmtuiCommand, click.Group):
    """Every ``smtui`` group: its help in the user's language, like :class:`SmtuiCommand`, and
    the user's errors, raised by any command, turned into one clean line (the root's catch
    is the one that acts; a sub-group's hands the same line up)."""

    command_class = SmtuiCommand
    group_class = type  # a sub-group made with ``@group.group()`` is an SmtuiGroup too
    subcommand_metavar = _Translated()

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            message = _user_message(error) or _store_message(error, ctx)
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
        from smtui.store.migrate import DatabaseError, check_location

        try:  # a directory, a missing folder, a named pipe or a device: named, never opened
            check_location(self.path)
        except DatabaseError as error:
            raise CliError(str(error)) from None
        if not self.path.exists():
            raise CliError(
                _("there is no database at {path}; run smtui once to create it").format(
                    path=self.path
                )
            )
        return self.path


def workspace_of(ctx: click.Context) -> Workspace:
    workspace = ctx.find_object(Workspace)
    assert workspace is not None, "the root group always sets the workspace"
    return workspace


def checked_clock() -> Clock:
    """The app's one source of "now" (honours SMTUI_NOW); checked early so a bad value fails
    here with a clear message rather than deep inside a command."""
    from smtui.domain.clock import now

    now()
    return now


@contextmanager
def open_store(workspace: Workspace, clock: Clock) -> Iterator[Store]:
    """Open (creating or upgrading) the workspace's database, and say where any backup went
    (on stderr: a command's output, such as ``smtui today --json``, stays what it promises)."""
    from smtui.store import Store

    workspace.prepare_folder()
    store, result = Store.open(workspace.path, clock)
    try:
        if result.backup is not None:
            click.echo(
                _("Upgraded the database; the previous version is saved as {path}").format(
                    path=result.backup
                ),
                err=True,
            )
        yield store
    finally:
        store.close()


def pick_brand(store: Store, name: str | None) -> Brand:
    """The brand a command works on: the one named (case does not matter), or the only one.

    A workspace with several brands needs ``--brand``; the message lists the names so the
    user can copy one.
    """
    return choose_brand(store.brands.list(), name)


def warn_of_zone(brand: Brand) -> Brand:
    """Say once per run on stderr (the output stays what it promises) that ``brand``'s
    stored zone is unknown here and its times are in UTC; the command goes on."""
    warning = brand.zone_warning()
    context = click.get_current_context(silent=True)
    warned: set[str] = (
        context.find_root().meta.setdefault("smtui.zone_warned", set()) if context else set()
    )
    if warning is not None and warning not in warned:
        warned.add(warning)
        click.echo(f"{PROG}: {warning}", err=True)
    return brand


def choose_brand(brands: list[Brand], name: str | None) -> Brand:
    """:func:`pick_brand` among ``brands`` already read (its zone warned of, if unknown)."""
    return warn_of_zone(_choose_brand(brands, name))


def _choose_brand(brands: list[Brand], name: str | None) -> Brand:
    if name is not None:
        wanted = name.strip().casefold()
        for brand in brands:
            if brand.name.casefold() == wanted:
                return brand
        raise click.BadParameter(
            _("no brand named {name}; the brands are: {names}").format(
                name=name, names=", ".join(brand.name for brand in brands) or _("(none)")
            ),
            param_hint="--brand",
        )
    if len(brands) == 1:
        return brands[0]
    if not brands:
        raise CliError(_("the workspace has no brand yet; run smtui once to create one"))
    raise click.BadParameter(
        _("the workspace has several brands; name one: {names}").format(
            names=", ".join(brand.name for brand in brands)
        ),
        param_hint="--brand",
    )


brand_option = click.option(
    "--brand",
    "brand_name",
    metavar="NAME",
    help=_("The brand to work on (needed when the workspace has several)."),
)


def _output_path(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """An export's file, refused before anything is read when its folder is missing: the
    message names the option, not the temporary file the atomic write would have made."""
    if value is None:
        return None
    target = value.expanduser()
    if not target.parent.is_dir():
        raise click.BadParameter(
            _("the folder {folder} does not exist").format(folder=target.parent), param=param
        )
    return target


def output_option(flag: str, name: str, help_text: str) -> Any:
    """The required file option of an export (``--ics``, ``--csv``, ``--md``)."""
    return click.option(
        flag,
        name,
        type=click.Path(path_type=Path, dir_okay=False),
        required=True,
        callback=_output_path,
        help=help_text,
    )
