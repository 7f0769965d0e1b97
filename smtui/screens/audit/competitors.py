"""Provides the Competitors tab: the benchmark the Seven steps guide asks for (networks,
community size, posting frequency, content types), one row per competitor and platform
with the change since the previous observation, and their frequency set against the
brand's own planned cadence on the same platform."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static, TabPane

from smtui.domain.audit import CompetitorChange, CompetitorObservation, compare_frequency
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.domain.validation import DomainError
from smtui.screens.audit.columns import Column, fit, pane_width
from smtui.screens.audit.forms import observation_form
from smtui.screens.audit.guard import on_top
from smtui.screens.audit.numbers import change_text, frequency_cell, frequency_sentence
from smtui.screens.base import AppAccess
from smtui.widgets import ConfirmScreen, literal, literal_line

COMPETITOR_COLUMNS = (
    Column("name", _("Competitor")),
    Column("platform", _("Platform"), 9),
    Column("handle", _("Handle"), 14, optional_below=100),
    Column("followers", _("Followers"), 9),
    Column("followers_change", _("Change"), 7),
    Column("posts", _("Posts/wk"), 8),
    Column("posts_change", _("Change"), 6, optional_below=100),
    Column("plan", _("vs your plan"), 12),
    Column("observed", _("Observed"), 10, optional_below=90),
)


class CompetitorsPane(AppAccess, TabPane):
    BINDINGS = [
        Binding("a", "add", _("Add observation"), tooltip=_("Record a competitor as it is today")),
        Binding(
            "o",
            "observe_again",
            _("Observe again"),
            tooltip=_("A new observation of the highlighted competitor, to see the change"),
        ),
        Binding("e", "edit", _("Edit"), tooltip=_("Correct the latest observation"), show=False),
        Binding(
            "d,delete",
            "delete",
            _("Delete"),
            tooltip=_("Delete the latest observation"),
            show=False,
        ),
    ]

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(title, id=id)
        self.rows: list[CompetitorChange] = []
        self.channels: list[Channel] = []
        self.width = 0

    def compose(self) -> ComposeResult:
        yield DataTable(id="audit-competitors", cursor_type="row", zebra_stripes=True)
        yield Static("", id="audit-competitor-detail", classes="audit-detail")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#audit-competitors", DataTable)

    @property
    def current(self) -> CompetitorChange | None:
        row = self.table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def focus_table(self) -> None:
        self.table.focus()

    def reload(self, select_id: int | None = None) -> None:
        table = self.table
        current = self.current
        keep = select_id if select_id is not None else (current.latest.id if current else None)
        keep_pair = (current.latest.name, current.latest.platform) if current else None
        row = table.cursor_row
        brand_id = self.smtui.brand.id or 0
        self.rows = self.smtui.store.competitors.latest_with_change(brand_id)
        self.channels = self.smtui.store.channels.list(brand_id)
        self.width = pane_width(self)
        flex = fit(table, COMPETITOR_COLUMNS, self.width)
        shown = {column.key for column in table.ordered_columns}
        for change in self.rows:
            table.add_row(*self.cells(change, flex, shown), key=str(change.latest.id))
        for index, change in enumerate(self.rows):
            pair = (change.latest.name, change.latest.platform)
            if change.latest.id == keep or (select_id is None and pair == keep_pair):
                row = index
        if self.rows:
            table.move_cursor(row=min(max(row, 0), len(self.rows) - 1), animate=False)
        self._show_detail()

    def cells(self, change: CompetitorChange, flex: int, shown: set[str]) -> list[Any]:
        latest = change.latest
        cells: dict[str, Any] = {
            "name": literal_line(latest.name, flex),
            "platform": Text(latest.platform.label),
            "handle": literal_line(latest.handle, 14),
            "followers": Text(number(latest.followers), justify="right"),
            "followers_change": change_text(change.followers_change),
            "posts": Text(number(latest.posts_per_week), justify="right"),
            "posts_change": change_text(change.posts_per_week_change),
            "plan": frequency_cell(compare_frequency(latest, self.channels)),
            "observed": Text(latest.observed_on.isoformat()),
        }
        return [cells[column.key] for column in COMPETITOR_COLUMNS if column.key in shown]

    def on_resize(self) -> None:
        if pane_width(self) != self.width:
            self.reload()

    def _show_detail(self) -> None:
        self.query_one("#audit-competitor-detail", Static).update(self.detail(self.current))

    def detail(self, change: CompetitorChange | None) -> RenderableType:
        if change is None:
            return Text(
                _(
                    "No competitor observed yet: press a to record one (name, platform, "
                    "followers, posts per week)."
                ),
                style="italic dim",
            )
        latest = change.latest
        head = literal(latest.name, "bold")
        head.append("  " + latest.platform.label + " ")
        head.append_text(literal(latest.handle))
        head.append("   " + _("observed {date}").format(date=latest.observed_on.isoformat()), "dim")
        if change.previous_on is not None:
            since = _("change since {date}").format(date=change.previous_on.isoformat())
            head.append("  ·  " + since, "dim")
        parts: list[RenderableType] = [head]
        numbers = Text(_("Followers: "), style="dim")
        numbers.append(number(latest.followers))
        numbers.append(" ").append_text(change_text(change.followers_change, brackets=True))
        numbers.append("   " + _("Posts per week: "), style="dim")
        numbers.append(number(latest.posts_per_week))
        numbers.append(" ").append_text(change_text(change.posts_per_week_change, brackets=True))
        parts += [numbers, frequency_sentence(latest, compare_frequency(latest, self.channels))]
        if latest.content_types:
            parts.append(
                Text(_("Content types: "), style="dim").append_text(literal(latest.content_types))
            )
        if latest.notes:
            parts.append(Text(_("Notes: "), style="dim").append_text(literal(latest.notes)))
        parts.append(self._history(latest))
        return Group(*parts)

    def _history(self, latest: CompetitorObservation) -> Text:
        brand_id = self.smtui.brand.id or 0
        past = self.smtui.store.competitors.history(brand_id, latest.name, latest.platform, 6)
        line = Text(_("History: "), style="dim")
        line.append(
            " · ".join(
                f"{obs.observed_on.isoformat()} {number(obs.followers)}"
                + (f" ({number(obs.posts_per_week)}/" + _("wk") + ")")
                for obs in past
            )
        )
        return line

    @on(DataTable.RowHighlighted, "#audit-competitors")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(DataTable.RowSelected, "#audit-competitors")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_observe_again()

    # -- actions ---------------------------------------------------------------------------
    def _open(
        self, title: str, values: dict[str, Any], existing: CompetitorObservation | None
    ) -> None:
        if not on_top(self):
            return

        def done(saved: CompetitorObservation | None) -> None:
            if saved is not None:
                self.reload(select_id=saved.id)
                self.notify(_("Observation saved: {name}").format(name=saved.name), markup=False)

        form = observation_form(
            self.smtui.store, self.smtui.brand.id or 0, self.smtui.today(), title, values, existing
        )
        self.app.push_screen(form, done)

    def action_add(self) -> None:
        self._open(_("New competitor observation"), {}, None)

    def action_observe_again(self) -> None:
        change = self.current
        if change is None:
            self.action_add()
            return
        latest = change.latest
        values = latest.model_dump(
            mode="json", include={"name", "platform", "handle", "content_types"}
        )
        self._open(_("Observe {name} again").format(name=latest.name), values, None)

    def action_edit(self) -> None:
        change = self.current
        if change is None:
            self.notify(_("Nothing to edit: press a to add an observation."), severity="warning")
            return
        latest = change.latest
        self._open(_("Edit the observation"), latest.model_dump(mode="json"), latest)

    def action_delete(self) -> None:
        if not on_top(self):
            return
        change = self.current
        if change is None or change.latest.id is None:
            self.notify(_("Nothing to delete."), severity="warning")
            return
        latest = change.latest
        observation_id = change.latest.id

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.smtui.store.competitors.delete(observation_id)
            except DomainError as error:
                self.notify(error.message, severity="warning", markup=False)
            self.reload()

        detail = f"{latest.name} · {latest.platform.label} · {latest.observed_on.isoformat()}"
        question = _("Delete this observation? The one before becomes the latest.")
        self.app.push_screen(ConfirmScreen(question, detail), answered)
