"""Provides the Audit screen: the dated audit runs drawn from the guides' checklist, the
history of runs with their comparison, and the competitor benchmark, one tab each.

The screen owns which run is shown; the Checklist tab shows it, the Runs tab chooses it,
and starting or finishing a run happens here so that every tab sees the same run.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, TabbedContent

from smtui.domain.audit import AuditRun, compare
from smtui.domain.i18n import _
from smtui.domain.validation import DomainError
from smtui.screens.audit.checklist import ChecklistPane
from smtui.screens.audit.comparison import ComparisonScreen
from smtui.screens.audit.competitors import CompetitorsPane
from smtui.screens.audit.forms import start_run_form
from smtui.screens.audit.guard import on_top
from smtui.screens.audit.runs import RunsPane
from smtui.screens.tabbed import TabbedScreen
from smtui.widgets import ConfirmScreen

TABS = ("checklist", "runs", "competitors")


class AuditScreen(TabbedScreen):
    TITLE_TEXT = _("Audit")
    TABS = TABS
    TABS_ID = "audit-tabs"
    BINDINGS = [
        *TabbedScreen.TAB_BINDINGS,
        Binding(
            "n", "start_run", _("Start run"), tooltip=_("Start a new dated run from the template")
        ),
        Binding("f", "finish_run", _("Finish run"), tooltip=_("Close the run; it becomes history")),
        Binding("c", "compare", _("Compare"), tooltip=_("What changed since the previous run")),
        Binding("r", "show_runs", _("Runs"), tooltip=_("Every run, with progress"), show=False),
        Binding("b", "app.pick_brand", _("Brand"), tooltip=_("Show another brand"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.run: AuditRun | None = None
        self.brand_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="audit-tabs"):
            yield ChecklistPane(_("Checklist"), id="checklist")
            yield RunsPane(_("Runs"), id="runs")
            yield CompetitorsPane(_("Competitors"), id="competitors")
        yield Footer()

    @property
    def checklist(self) -> ChecklistPane:
        return self.query_one("#checklist", ChecklistPane)

    def reload(self) -> None:
        """Show the same run again (re-read), or the brand's latest when the brand changed."""
        self.sub_title = self.brand.name
        audits = self.store.audits
        run: AuditRun | None = None
        if self.run is not None and self.run.id is not None and self.brand_id == self.brand.id:
            try:
                run = audits.get(self.run.id)
            except DomainError:  # deleted meanwhile
                run = None
        self.brand_id = self.brand.id
        self.run = run or audits.latest_run(self.brand.id or 0)
        self.checklist.show_run(self.run)
        self.pane("runs").reload(select_id=self.run.id if self.run else None)
        self.pane("competitors").reload()
        self.focus_active()

    def show_run(self, run: AuditRun | None) -> None:
        self.run = run
        self.checklist.show_run(run)
        self.pane("runs").reload(select_id=run.id if run else None)

    def action_show_runs(self) -> None:
        self.show_tab("runs")

    @on(RunsPane.Open)
    def _open_run(self, message: RunsPane.Open) -> None:
        self.show_run(self.store.audits.get(message.run_id))
        self.show_tab("checklist")

    # -- runs ------------------------------------------------------------------------------
    def _target(self) -> AuditRun | None:
        """The run a run action applies to: the one highlighted on the Runs tab, else the
        one the checklist shows."""
        if self.tabs.active == "runs":
            summary = self.pane("runs").current
            return summary.run if summary is not None else None
        return self.run

    def action_start_run(self) -> None:
        if not on_top(self):
            return
        brand_id = self.brand.id or 0
        running = self.run if self.run is not None and not self.run.finished else None

        def done(run: AuditRun | None) -> None:
            if run is None:
                return
            self.show_run(run)
            self.show_tab("checklist")
            self.notify(_("Started: {title}").format(title=run.title), markup=False)
            if not self.store.channels.list(brand_id):
                self.notify(
                    _("The brand has no channels yet: the per-channel items were left out."),
                    severity="warning",
                )

        form = start_run_form(self.store, brand_id, self.smtui.today(), running)
        self.app.push_screen(form, done)

    def action_finish_run(self) -> None:
        if not on_top(self):
            return
        run = self._target()
        if run is None or run.id is None:
            self.notify(_("No run to finish: press n to start one."), severity="warning")
            return
        if run.finished:
            self.notify(_("This run is already finished."), severity="warning")
            return
        progress = self.store.audits.progress(run.id).overall
        detail = _(
            "{title}: {done} of {total} items ticked. A finished run is kept as history and "
            "can no longer change; open actions stay on the Today screen until done."
        ).format(title=run.title, done=progress.done, total=progress.total)
        run_id = run.id

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            finished = self.store.audits.finish_run(run_id, self.smtui.clock())
            self.show_run(finished)
            self.notify(_("Finished: {title}").format(title=finished.title), markup=False)

        question = _("Finish this audit run?")
        self.app.push_screen(ConfirmScreen(question, detail, yes=_("Finish")), answered)

    def action_compare(self) -> None:
        if not on_top(self):
            return
        run = self._target()
        if run is None or run.id is None:
            self.notify(_("No run to compare: press n to start one."), severity="warning")
            return
        audits = self.store.audits
        previous = audits.previous_run(run.id)
        if previous is None or previous.id is None:
            self.notify(_("This is the first run: there is nothing to compare it with."))
            return
        comparison = compare(audits.items(previous.id), audits.items(run.id))
        self.app.push_screen(ComparisonScreen(run, previous, comparison))
