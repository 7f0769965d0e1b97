"""Provides the Today screen (key 1), where smtui opens: what to post today and to whom to
reply, the numbers to log, the week's cadence, and the audit actions due.

The screen reads one :class:`~smtui.today.brief.Brief` (the same one ``smtui today``
prints) and hands each section to its panel. Every action in a panel is the owning
screen's own action, committed at once; then the brief is read again and every panel
repainted, so a post marked published leaves "To post" and counts in "This week" at once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static

from smtui.domain.day_names import long_day
from smtui.domain.i18n import N_, _
from smtui.domain.models import Brand
from smtui.screens.base import SmtuiScreen
from smtui.screens.calendar.look import MISSED_MARK, post_marks
from smtui.screens.today.panel import TodayPanel
from smtui.screens.today.posts import PostsPanel
from smtui.screens.today.replies import RepliesPanel
from smtui.screens.today.sections import ActionsPanel, MetricsPanel, WeekPanel
from smtui.today.brief import Brief, build_brief
from smtui.today.source import BriefSource
from smtui.widgets.literal import literal

ALL_BRANDS_SETTING = "ui.today.all_brands"
ALL = "all"
REFRESH_SECONDS = 60  # overdue marks and ages follow the clock while the screen stays open
PANELS = {
    "P": ("today-posts", N_("Go to To post")),
    "R": ("today-replies", N_("Go to To reply")),
    "N": ("today-metrics", N_("Go to Numbers to log")),
    "W": ("today-week", N_("Go to This week")),
    "A": ("today-actions", N_("Go to Actions due")),
}


class TodayScreen(SmtuiScreen):
    TITLE_TEXT = N_("Today")
    AUTO_FOCUS = "#today-posts"
    BINDINGS = [
        Binding("left_square_bracket", "step(-1)", _("Previous day"), key_display="["),
        Binding("right_square_bracket", "step(1)", _("Next day"), key_display="]"),
        Binding("T", "back_to_today", _("Back to today"), show=False),
        Binding("g", "go_to", _("Go to date"), show=False),
        Binding("b", "pick_brands", _("Brands"), tooltip=_("All brands together, or one")),
        *(
            Binding(key, f"jump('{panel}')", _(description), show=False)
            for key, (panel, description) in PANELS.items()
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.chosen_day: date | None = None  # None follows the clock across midnight
        self.brief: Brief | None = None
        self.all_brands = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="today-bar")
        yield Static("", id="today-welcome")
        yield Static("", id="today-warning", markup=False)
        with Horizontal(id="today-body"):
            with Vertical(id="today-left"):
                yield PostsPanel(id="today-posts")
                yield RepliesPanel(id="today-replies")
            with Vertical(id="today-right"):
                yield MetricsPanel(id="today-metrics")
                yield WeekPanel(id="today-week")
                yield ActionsPanel(id="today-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"smtui — {_(self.TITLE_TEXT)}"
        with self.store.snapshot() as source:
            self.all_brands = source.setting(ALL_BRANDS_SETTING, "1") == "1"
        self.set_interval(REFRESH_SECONDS, self.refresh_brief)

    # --- state -----------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.smtui.today()

    @property
    def day(self) -> date:
        return self.chosen_day or self.today

    def brands_shown(self, source: BriefSource) -> list[Brand]:
        if self.all_brands:
            return source.brands() or [self.brand]
        return [self.brand]

    @property
    def ready(self) -> bool:
        return self.brief is not None and all(panel.filled for panel in self.panels())

    def panels(self) -> list[TodayPanel[Any]]:
        return list(self.query(TodayPanel))

    # --- reading ---------------------------------------------------------------------

    def help_marks(self) -> list[tuple[str, str]]:
        """The panels' marks: a post's status as the Calendar marks it, then the rest."""
        return [
            *post_marks(),
            (MISSED_MARK, _("late (a post, a reply, an action); a channel off its cadence")),
            ("✓ ⚠", _("after a status: ready to go out, or what stops it")),
            ("▼", _("an objective behind its pace (red) or at risk")),
            ("#", _("a number to log today")),
        ]

    def reload(self) -> None:
        """Back on the screen (or another brand chosen): channels may have changed too."""
        self.query_one(PostsPanel).forget_catalogues()
        self.refresh_brief()

    def refresh_brief(self) -> None:
        """Read the brief again, from one snapshot, and repaint every panel from it."""
        with self.store.snapshot() as source:
            brands = self.brands_shown(source)
            self.brief = build_brief(source, brands, self.day, self.smtui.clock())
        self.sub_title = (
            _("All brands ({n})").format(n=len(brands)) if len(brands) > 1 else brands[0].name
        )
        for panel in self.panels():
            panel.show(self.brief)
        self._paint_bar()
        self._paint_welcome()
        self.paint_warning()

    def _paint_bar(self) -> None:
        assert self.brief is not None
        day = self.day
        bar = Text(long_day(day), style="bold")
        offset = (day - self.today).days
        relative = {0: _("today"), 1: _("tomorrow"), -1: _("yesterday")}.get(offset)
        if relative:
            bar.append(f"  ({relative})", style="bold" if offset == 0 else "yellow")
        elif offset:
            bar.append(
                "  (" + _("{n} days from today").format(n=offset) + ")"
                if offset > 0
                else "  (" + _("{n} days ago").format(n=-offset) + ")",
                style="yellow",
            )
        bar.append("  ·  ")
        if self.brief.several_brands:
            bar.append(_("All brands: "))
            bar.append_text(literal(", ".join(brand.name for brand in self.brief.brands)))
        else:
            bar.append_text(literal(self.brief.brands[0].name))
        bar.append("   ")
        bar.append(_("[ ] day · g date · b brands · tab panels · ? keys"), style="dim")
        self.query_one("#today-bar", Static).update(bar)

    def _paint_welcome(self) -> None:
        assert self.brief is not None
        welcome = self.query_one("#today-welcome", Static)
        if self.brief.unset:
            welcome.update(
                Text(
                    _(
                        "Nothing here yet. Press 5 to set up the brand (channels, objectives, "
                        "pillars), 2 to plan posts, 3 to add comments to answer; or quit and "
                        "run `smtui demo` to try it with sample data."
                    ),
                    style="italic",
                )
            )
        elif self.brief.nothing_due:
            welcome.update(
                Text(
                    _("Nothing due on this day: no post, no reply owed, no number to log."),
                    style="green",
                )
            )
        else:
            welcome.update("")
        welcome.display = self.brief.unset or self.brief.nothing_due

    def paint_warning(self) -> None:
        """The damage the day's backup found, with the command back to the last good copy:
        shown on the first screen, since a damaged file otherwise goes on working silently."""
        warning = self.query_one("#today-warning", Static)
        message = self.smtui.damage_warning
        warning.update(Text(message or "", style="bold red"))
        warning.display = message is not None

    # --- moving ----------------------------------------------------------------------

    def show_day(self, day: date) -> None:
        self.chosen_day = None if day == self.today else day
        self.refresh_brief()

    def action_step(self, days: int) -> None:
        self.show_day(self.day + timedelta(days=days))

    def action_back_to_today(self) -> None:
        self.show_day(self.today)

    def action_go_to(self) -> None:
        from smtui.widgets import go_to_form  # a dialog: not for the first frame

        def done(day: date | None) -> None:
            if day is not None:
                self.show_day(day)

        self.app.push_screen(go_to_form(self.day, self.today, form_id="today-go"), done)

    def action_jump(self, panel: str) -> None:
        self.query_one(f"#{panel}", TodayPanel).focus()

    def action_pick_brands(self) -> None:
        from smtui.widgets import PickerScreen

        brands = self.store.brands.list()
        choices: list[tuple[str, Any]] = [(_("All brands together"), ALL)]
        choices += [(f"{brand.name}  ({brand.timezone})", brand.id) for brand in brands]
        current = ALL if self.all_brands else self.brand.id
        self.app.push_screen(
            PickerScreen(_("Show on Today"), choices, current=current), self._brands_picked
        )

    def _brands_picked(self, value: Any) -> None:
        if value is None:
            return
        self.all_brands = value == ALL
        self.store.settings.set(ALL_BRANDS_SETTING, "1" if self.all_brands else "0")
        if not self.all_brands and value != self.brand.id:
            self.smtui.set_brand(self.store.brands.get(value))  # reloads this screen
        else:
            self.reload()
