"""Provides the Textual app: the screens and their number keys, the global bindings, the
command palette, the help screen, and the brand being shown."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

import pendulum
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen

from smtui.boundary import ErrorBoundary
from smtui.domain.clock import Clock
from smtui.domain.i18n import _, set_language
from smtui.domain.models import Brand
from smtui.domain.text import one_line, strip_controls
from smtui.resources import resource
from smtui.screens import START_MODE, ScreenEntry, SmtuiScreen, screen_entries
from smtui.settings import Settings
from smtui.store import Store

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.command import Provider
    from textual.dom import DOMNode

BRAND_SETTING = "ui.brand_id"


# The palette's providers (and the modals below) are imported on first use, not for the first
# frame: Textual's COMMANDS also takes a callable that returns the provider class.
def _screen_actions_provider() -> type[Provider]:
    from smtui.widgets import ScreenActionsProvider

    return ScreenActionsProvider


def _brands_provider() -> type[Provider]:
    from smtui.widgets import BrandsProvider

    return BrandsProvider


class SmtuiApp(ErrorBoundary, App[None]):
    CSS_PATH = str(resource("smtui.tcss"))
    TITLE = "smtui"
    COMMANDS = App.COMMANDS | {_screen_actions_provider, _brands_provider}
    DEFAULT_MODE = START_MODE
    BINDINGS = [
        Binding("question_mark", "help", _("Help"), tooltip=_("Every key of this screen")),
        Binding("q", "quit", _("Quit")),
        # Textual's own palette binding, with its tooltip in the user's language.
        Binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            _("palette"),
            show=False,
            priority=True,
            tooltip=_("Open the command palette"),
        ),
    ]

    def __init__(self, settings: Settings, store: Store, clock: Clock) -> None:
        self.entries = screen_entries()
        super().__init__()
        self.settings = settings
        self.store = store
        self.clock = clock
        self.brand = self._initial_brand()
        # Set when the day's copy finds the workspace damaged; Today shows it until the end.
        self.damage_warning: str | None = None
        for entry in self.entries:
            if entry.mode != self.DEFAULT_MODE:
                self.add_mode(entry.mode, entry.factory)
            self.bind(entry.key, f"switch_mode('{entry.mode}')", description=_(entry.title))

    def _initial_brand(self) -> Brand:
        with self.store.snapshot() as source:
            saved = source.setting(BRAND_SETTING)
            brands = source.brands()
        for brand in brands:
            if saved is not None and str(brand.id) == saved:
                return brand
        if brands:
            return brands[0]
        return self.store.brands.ensure_one("UTC")

    def get_default_screen(self) -> Screen[None]:
        """Today, the first screen, as the default mode's own screen.

        Installed by ``switch_mode``, as every other screen is, it would cost the start two
        reparses of the whole stylesheet and two restyles of every widget (kept for screens
        that bring a stylesheet of their own; smtui's screens have none), about 30 ms."""
        return self._entry(self.DEFAULT_MODE).factory()

    def _entry(self, mode: str) -> ScreenEntry:
        return next(entry for entry in self.entries if entry.mode == mode)

    def on_mount(self) -> None:
        # Its key switches back to Today: a mode named after the default one keeps the
        # default screen's stack, so this adds no second Today.
        self.add_mode(self.DEFAULT_MODE, self._entry(self.DEFAULT_MODE).factory)
        self.call_after_refresh(self._first_frame_shown)
        self._warn_of_zone()

    def _warn_of_zone(self) -> None:
        """A brand zone this machine does not know is shown in UTC: say so until it is fixed."""
        warning = self.brand.zone_warning()
        if warning is not None:
            self.notify(warning, severity="warning", timeout=30, markup=False)

    def _first_frame_shown(self) -> None:
        if not gc.isenabled():
            # ``smtui`` starts with the cycle collector off (see smtui.cli.main). A session
            # runs for hours: collect again from now on, but leave what the start made (the
            # modules, the app, the screen) out of every future pass.
            gc.freeze()
            gc.enable()
        self.run_worker(
            self._after_first_frame, name="after-first-frame", thread=True, exit_on_error=False
        )

    def _after_first_frame(self) -> None:
        """What the first frame did without, in a thread once it is up: SQLAlchemy and the
        engine (Today was read through the store's snapshot), so that the first action does
        not wait for them; then the day's rolling copy, which takes seconds on a large
        workspace, and nobody should wait for it to see Today."""
        try:
            self.store.warm_up()
        finally:  # a failed warm-up is met again, and said, by the first action
            if self.settings.daily_backup:
                self._copy_today()

    def _copy_today(self) -> None:
        from smtui.store import DatabaseError
        from smtui.store.backup import DamagedCopyError, daily_keep, take_daily_backup

        try:
            take_daily_backup(self.settings.db_path, self.clock(), daily_keep(self.store))
        except DamagedCopyError as error:
            self.call_from_thread(self._warn_of_damage, str(error))
        except (DatabaseError, OSError) as error:
            message = _("The daily backup failed: {error}").format(error=error)
            self.call_from_thread(self.notify, message, severity="warning", timeout=30)

    def _warn_of_damage(self, message: str) -> None:
        """Say it where it cannot be missed: a lasting notice, and Today's warning line."""
        self.damage_warning = message
        self.notify(message, severity="error", timeout=120, markup=False)
        from smtui.screens.today.screen import TodayScreen

        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen):
                screen.paint_warning()

    def today(self) -> date:
        """Today's date in the brand's time zone, from the one clock."""
        instant = pendulum.instance(self.clock())
        return instant.in_timezone(self.brand.timezone).date()

    def set_brand(self, brand: Brand) -> None:
        """Show ``brand`` everywhere and remember it for the next start."""
        self.brand = brand
        self.store.settings.set(BRAND_SETTING, str(brand.id))
        self._warn_of_zone()
        screen = self.screen
        if isinstance(screen, SmtuiScreen):
            screen.reload()

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header line: the sub-title is the brand's name, which the user typed."""
        return super().format_title(one_line(title), one_line(sub_title))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text, whatever the caller asked: messages often carry
        a post title or a name, and one holding markup or a terminal escape must show as
        typed, not run an action or write to the terminal."""
        super().notify(
            strip_controls(message),
            title=strip_controls(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action runs here: a store failure in it is told to the user and the
        app goes on (see :mod:`smtui.boundary`), instead of ending the app."""
        return await self._run_guarded(action, default_namespace, namespaces, tries=0)

    async def _run_guarded(
        self,
        action: str | ActionParseResult,
        namespace: DOMNode | None,
        namespaces: Mapping[str, DOMNode] | None,
        *,
        tries: int,
    ) -> bool:
        """Run the action; on a busy file, say so and run it again after a short wait,
        unless the user did something else meanwhile (the cursor may be on another row)."""
        self.action_serial += 1
        serial = self.action_serial
        try:
            return await super().run_action(action, namespace, namespaces)
        except Exception as error:
            delay = self.retry_delay(error, tries)
            if delay is not None:

                async def again() -> None:
                    if self.action_serial == serial:
                        await self._run_guarded(action, namespace, namespaces, tries=tries + 1)

                self.set_timer(delay, again)
                return True
            if not self.handled(error):
                raise
            return True

    def _handle_exception(self, error: Exception) -> None:
        """Textual ends the app on any uncaught error; a store failure in a callback (a
        form's or a picker's result, a timer) is told to the user instead."""
        if not self.handled(error):
            super()._handle_exception(error)

    def action_help_quit(self) -> None:
        """Textual's own hint (ctrl+c does not quit) uses markup; say it in plain words."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    _("Press {key} to quit the app").format(key=key),
                    title=_("Do you want to quit?"),
                )
                return

    def action_help(self) -> None:
        from smtui.widgets import HelpScreen

        screen = self.screen
        # TITLE_TEXT is an N_ marked source string on some screens: translate it here
        # (translating an already translated title gives it back unchanged).
        text = getattr(screen, "TITLE_TEXT", "")
        title = _(text) if text else self.title
        marks = screen.help_marks() if isinstance(screen, SmtuiScreen) else []
        self.push_screen(HelpScreen(title, screen.active_bindings, marks))

    def action_pick_brand(self) -> None:
        from smtui.widgets import PickerScreen

        brands = self.store.brands.list()
        choices = [(f"{brand.name}  ({brand.timezone})", brand.id) for brand in brands]
        hint = _("enter choose · esc cancel · n on the Strategy screen makes a new brand")
        picker = PickerScreen(_("Show brand"), choices, current=self.brand.id, hint=hint)
        self.push_screen(picker, self._brand_picked)

    def _brand_picked(self, brand_id: int | None) -> None:
        if brand_id is not None and brand_id != self.brand.id:
            self.set_brand(self.store.brands.get(brand_id))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for entry in self.entries:
            yield SystemCommand(
                _(entry.title),
                _("Open the {title} screen ({key})").format(title=_(entry.title), key=entry.key),
                lambda mode=entry.mode: self.switch_mode(mode),
            )
        yield SystemCommand(_("Switch brand"), _("Show another brand"), self.action_pick_brand)
        yield SystemCommand(_("Help"), _("Every key of this screen"), self.action_help)
        yield from super().get_system_commands(screen)


def make_app(settings: Settings, store: Store, clock: Clock) -> SmtuiApp:
    """Build the app; tests and the CLI use this same factory."""
    set_language(settings.language)
    return SmtuiApp(settings, store, clock)
