"""Provides the Calendar screen: month, week and agenda views of the plan, the selected day's
posts beside them, the checks panel, and every action on a post from the keyboard.

The screen keeps the state (view, cursor day, filters) and reads one window of posts per
view through :class:`CalendarData`; every action is one repository call, committed at once,
followed by a reload, so what is shown is always what is stored.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, Footer, Header, Static

from smtui.domain.cadence import (
    check_channels,
    check_mix,
    past_posts,
    period_of,
    time_conflicts,
)
from smtui.domain.day_names import day_and_month, month_and_year, short_day_year
from smtui.domain.enums import CadencePeriod, ChannelStatus
from smtui.domain.i18n import N_, _
from smtui.domain.local_time import local
from smtui.domain.post import Post, PostFilter
from smtui.screens.base import SmtuiScreen
from smtui.screens.calendar.actions import PostActions
from smtui.screens.calendar.agenda import Agenda
from smtui.screens.calendar.checks import ChecksPanel, PlanChecks
from smtui.screens.calendar.data import CalendarData, Catalogue
from smtui.screens.calendar.day_list import DayList
from smtui.screens.calendar.legend import Legend
from smtui.screens.calendar.look import marks
from smtui.screens.calendar.month_grid import MonthGrid, grid_days
from smtui.screens.calendar.slots import SlotsScreen
from smtui.screens.calendar.week_grid import WeekGrid, week_days
from smtui.widgets.literal import literal

VIEWS = ("month", "week", "agenda")


class CalendarScreen(PostActions, SmtuiScreen):
    TITLE_TEXT = N_("Calendar")
    BINDINGS = [
        Binding("v", "next_view", _("View"), tooltip=_("Month, week, agenda in turn")),
        Binding("m", "view('month')", _("Month view"), show=False),
        Binding("w", "view('week')", _("Week view"), show=False),
        Binding("a", "view('agenda')", _("Agenda view"), show=False),
        Binding("left_square_bracket", "page(-1)", _("Previous"), key_display="[", show=False),
        Binding("right_square_bracket", "page(1)", _("Next"), key_display="]", show=False),
        Binding("pageup", "page(-1)", _("Previous month or week"), show=False),
        Binding("pagedown", "page(1)", _("Next month or week"), show=False),
        Binding("t", "today", _("Today"), tooltip=_("Jump to today")),
        Binding("g", "go_to", _("Go to date"), show=False),
        Binding(
            "f", "filter", _("Filter"), tooltip=_("Channel, pillar, objective, status, campaign")
        ),
        Binding("slash", "search", _("Search"), key_display="/", show=False),
        Binding("tab", "switch_focus", _("Grid / day list"), show=False),
        Binding("l", "slots", _("Slots"), tooltip=_("Recurring posting slots"), show=False),
        Binding("b", "app.pick_brand", _("Brand"), show=False),
        *PostActions.POST_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = "month"
        self.cursor: date | None = None
        self.hour = 9
        self.filters = PostFilter()
        self.catalogue: Catalogue | None = None
        self.data: CalendarData | None = None
        self.missed: set[int] = set()
        self._heading: Text | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="calendar-body"):
            with Vertical(id="calendar-main"):
                yield Static(id="calendar-heading", markup=False)
                with ContentSwitcher(initial="month", id="calendar-views"):
                    yield MonthGrid(id="month")
                    yield WeekGrid(id="week")
                    yield Agenda(id="agenda")
                yield Legend(id="calendar-legend")
            with Vertical(id="calendar-side"):
                yield Static(id="day-heading", markup=False)
                yield DayList(id="day-posts")
                yield ChecksPanel(id="checks")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"smtui — {_(self.TITLE_TEXT)}"

    # --- state -----------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.smtui.today()

    @property
    def day(self) -> date:
        return self.cursor or self.today

    def visible_days(self) -> tuple[date, date]:
        if self.view == "week":
            return week_days(self.day)
        if self.view == "agenda":
            first = self.day.replace(day=1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return grid_days(self.day)

    def help_marks(self) -> list[tuple[str, str]]:
        return marks()

    def reload(self) -> None:
        """Read the window of the current view, then paint every part from it."""
        brand = self.brand
        assert brand.id is not None
        self.sub_title = brand.name
        self.catalogue = Catalogue.load(self.store, brand.id)
        first, last = self.visible_days()
        self.data = CalendarData.load(
            self.store, brand, first, last, self.filters, slots_from=self.today
        )
        self.missed = {
            post.id for post in past_posts(self.data.posts, self.smtui.clock()) if post.id
        }
        self.paint()

    def paint(self) -> None:
        assert self.data is not None and self.catalogue is not None
        self.query_one("#calendar-views", ContentSwitcher).current = self.view
        if self.view == "month":
            self.query_one(MonthGrid).show(self.data, self.catalogue, self.day, self.today)
        elif self.view == "week":
            grid = self.query_one(WeekGrid)
            grid.hour = self.hour
            grid.show(self.data, self.catalogue, self.day, self.today)
        else:
            self.query_one(Agenda).show(
                *self.visible_days(), self.data, self.catalogue, self.missed, self.day
            )
        self.paint_heading()
        self.paint_day()
        self.paint_checks()

    def paint_heading(self) -> None:
        first, _last = self.visible_days()
        if self.view == "week":
            span = _("Week of {day}").format(day=short_day_year(first))
        else:
            span = month_and_year(self.day)
        names = {"month": _("month"), "week": _("week"), "agenda": _("agenda")}
        parts = [f"{span} · {names[self.view]}"]
        parts.extend(self.filter_words())
        heading = literal("  ·  ".join(parts))
        heading.stylize("bold", 0, len(span))
        if heading != self._heading:  # a move within the month keeps it: no layout pass
            self._heading = heading
            self.query_one("#calendar-heading", Static).update(heading)

    def filter_words(self) -> list[str]:
        """The active filters in words, so a thinner calendar never looks like a gap."""
        assert self.catalogue is not None
        words = []
        f = self.filters
        if f.channel_id is not None:
            words.append(self.catalogue.channel_name(f.channel_id))
        if f.pillar_id is not None and f.pillar_id in self.catalogue.pillars:
            words.append(self.catalogue.pillars[f.pillar_id].name)
        if f.objective_id is not None and f.objective_id in self.catalogue.objectives:
            words.append(self.catalogue.objectives[f.objective_id].statement[:30])
        if f.status is not None:
            words.append(f.status.label)
        if f.campaign:
            words.append(f.campaign)
        if f.text:
            words.append(f"“{f.text}”")
        return [_("filtered: {what} (f to change)").format(what=", ".join(words))] if words else []

    def paint_day(self) -> None:
        assert self.data is not None and self.catalogue is not None
        day = self.day
        label = day_and_month(day)
        if day == self.today:
            label += "  " + _("(today)")
        # One line high in the stylesheet: a new label needs no layout of the whole screen.
        self.query_one("#day-heading", Static).update(label, layout=False)
        self.query_one(DayList).show(day, self.data, self.catalogue, self.missed)

    def paint_checks(self) -> None:
        """Cadence and mix over the period in view: the week in week view, else the month."""
        assert self.catalogue is not None
        brand = self.brand
        assert brand.id is not None
        kind = CadencePeriod.WEEK if self.view == "week" else CadencePeriod.MONTH
        period = period_of(self.day, kind, brand.timezone)
        now = self.smtui.clock()
        channels = [
            channel
            for channel in self.catalogue.channels.values()
            if channel.status in (ChannelStatus.ACTIVE, ChannelStatus.TO_UPDATE)
        ]
        cadence = check_channels(
            channels,
            {
                k: v
                for k, v in self.store.posts.count_by_channel(
                    brand.id, period.start, period.end
                ).items()
                if k
            },
            period,
            now,
        )
        mix = check_mix(
            list(self.catalogue.pillars.values()),
            self.store.posts.count_by_pillar(brand.id, period.start, period.end),
        )
        gap = self.store.brand_settings.get(brand.id).conflict_gap_minutes
        in_period = [
            post
            for post in (self.data.posts if self.data else [])
            if post.scheduled_at and period.contains(post.scheduled_at)
        ]
        title = _("Checks: {when}").format(when=period.phrase(now))
        checks = PlanChecks(
            title,
            cadence,
            mix,
            len(time_conflicts(in_period, gap)),
            len(past_posts(in_period, now)),
        )
        self.query_one(ChecksPanel).show(checks)

    # --- moving around ---------------------------------------------------------------

    def go(self, day: date, hour: int | None = None) -> None:
        """Put the cursor on ``day``; reload only when it leaves the loaded window."""
        self.cursor = day
        if hour is not None:
            self.hour = hour
        first, last = self.visible_days()
        if self.data is None or (first, last) != (self.data.first, self.data.last):
            self.reload()
        else:
            self.paint_heading()
            self.paint_day()
            if self.view == "agenda":
                self.paint()

    @on(MonthGrid.Moved)
    def _month_moved(self, event: MonthGrid.Moved) -> None:
        self.go(event.day)

    @on(WeekGrid.Moved)
    def _week_moved(self, event: WeekGrid.Moved) -> None:
        self.go(event.day, event.hour)

    @on(MonthGrid.Opened)
    @on(WeekGrid.Opened)
    def _opened(self) -> None:
        day_list = self.query_one(DayList)
        if day_list.posts:
            day_list.focus()
        else:
            self.action_new_post()

    @on(Agenda.RowHighlighted)
    def _agenda_moved(self) -> None:
        day = self.query_one(Agenda).current_day
        if day is not None and day != self.cursor:
            self.cursor = day
            self.paint_day()

    @on(Agenda.RowSelected)
    def _agenda_selected(self) -> None:
        self.action_edit_post()

    @on(DayList.OptionSelected)
    def _day_selected(self) -> None:
        self.action_edit_post()

    def action_view(self, view: str) -> None:
        self.view = view
        self.reload()
        self.focus_grid()

    def action_slots(self) -> None:
        assert self.catalogue is not None

        def closed(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.app.push_screen(SlotsScreen(self.store, self.brand, self.catalogue), closed)

    def action_next_view(self) -> None:
        self.action_view(VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)])

    def focus_grid(self) -> None:
        self.query_one(f"#{self.view}").focus()

    def action_switch_focus(self) -> None:
        day_list = self.query_one(DayList)
        if day_list.has_focus:
            self.focus_grid()
        else:
            day_list.focus()

    def action_page(self, step: int) -> None:
        if self.view == "week":
            self.go(self.day + timedelta(weeks=step))
        else:
            month = self.day.month - 1 + step
            year = self.day.year + month // 12
            first = date(year, month % 12 + 1, 1)
            last_day = ((first + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
            self.go(first.replace(day=min(self.day.day, last_day)))

    def action_today(self) -> None:
        self.go(self.today, local(self.smtui.clock(), self.brand.timezone).hour)

    # --- the post acted on -----------------------------------------------------------

    def current_post(self) -> Post | None:
        if self.view == "agenda":
            return self.query_one(Agenda).current_post
        return self.query_one(DayList).current_post

    def new_post_moment(self) -> tuple[date, time]:
        return self.day, time(self.hour if self.view == "week" else 9, 0)

    def after_change(self, post: Post | None) -> None:
        """Reload, keep the changed post under the cursor, and say what needs attention."""
        if post is not None and post.scheduled_at is not None:
            self.cursor = local(post.scheduled_at, self.brand.timezone).date()
        self.reload()
        if post is not None and post.id is not None:
            self.query_one(DayList).select_post(post.id)
            if self.view == "agenda":
                self.query_one(Agenda).select_post(post.id)
            self.warn_about(post)

    def filters_changed(self, filters: PostFilter) -> None:
        self.filters = filters
        self.reload()

    def goto_day(self, day: date) -> None:
        self.go(day)
        self.focus_grid()

    def focus_after_modal(self) -> None:
        self.focus_grid()
