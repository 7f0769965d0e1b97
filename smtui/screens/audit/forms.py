"""Provides the forms of the Audit screen: start a run, follow up an item, record what a
competitor looks like today. Each pairs its fields with a submit that validates through the
domain model (so every error names its field) and commits in one repository call."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from smtui.domain.audit import AuditItem, AuditRun, CompetitorObservation, default_run_title
from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.widgets import FormField, FormScreen

if TYPE_CHECKING:
    from smtui.store import Store

DONE, TODO = "done", "todo"


def start_run_form(
    store: Store, brand_id: int, today: date, running: AuditRun | None
) -> FormScreen:
    help_text = _("The run copies the template, with the per-channel items for each channel.")
    if running is not None:
        help_text += " " + _("{title} stays open; finish it with f.").format(title=running.title)
    fields = [
        FormField("title", _("Title"), required=True, help=help_text),
        FormField("started_on", _("Started on"), "date", required=True, placeholder="YYYY-MM-DD"),
    ]
    taken = {run.title for run in store.audits.list_runs(brand_id)}
    values = {"title": default_run_title(today, taken), "started_on": today.isoformat()}

    def submit(data: dict[str, Any]) -> AuditRun:
        run = AuditRun.model_validate({**data, "brand_id": brand_id})
        return store.audits.start_run(brand_id, run.title, run.started_on)

    return FormScreen(_("Start an audit run"), fields, values, submit, form_id="audit-run")


def item_form(store: Store, item: AuditItem) -> FormScreen:
    fields = [
        FormField("note", _("Note"), "area", help=_("What you found; what to do about it.")),
        FormField(
            "evidence_url",
            _("Evidence URL"),
            placeholder="https://…",
            help=_("A page that shows it: the profile, the report, the document."),
        ),
        FormField("owner", _("Owner"), help=_("Who does what: the person in charge.")),
        FormField(
            "due_date",
            _("Due date"),
            "date",
            placeholder="YYYY-MM-DD",
            help=_("With a due date the item is an action the Today screen shows until done."),
        ),
        FormField(
            "done", _("State"), "select", [(_("To do"), TODO), (_("Done"), DONE)], required=True
        ),
    ]
    values = item.model_dump(mode="json") | {"done": DONE if item.done else TODO}

    def submit(data: dict[str, Any]) -> AuditItem:
        changes = {**data, "done": data.get("done") == DONE}
        updated = AuditItem.model_validate({**item.model_dump(), **changes})
        return store.audits.update_item(updated)

    return FormScreen(_("Follow up the item"), fields, values, submit, form_id="audit-item")


def observation_form(
    store: Store,
    brand_id: int,
    today: date,
    title: str,
    values: dict[str, Any],
    existing: CompetitorObservation | None = None,
) -> FormScreen:
    """Add (``existing`` None) or correct an observation; ``values`` pre-fill the form."""
    platforms = [(platform.label, platform.value) for platform in Platform]
    fields = [
        FormField("name", _("Competitor"), required=True),
        FormField("platform", _("Platform"), "select", platforms, required=True),
        FormField("handle", _("Handle"), placeholder="@competitor"),
        FormField("followers", _("Followers"), "number"),
        FormField("posts_per_week", _("Posts per week"), "number", placeholder="3.5"),
        FormField(
            "content_types",
            _("Content types"),
            placeholder=_("photos, reels, articles, videos"),
        ),
        FormField("notes", _("Notes"), "area"),
        FormField("observed_on", _("Observed on"), "date", required=True, placeholder="YYYY-MM-DD"),
    ]
    defaults = {"observed_on": today.isoformat()} | values

    def submit(data: dict[str, Any]) -> CompetitorObservation:
        observation = CompetitorObservation.model_validate(
            {**data, "brand_id": brand_id, "id": existing.id if existing else None}
        )
        if existing is None:
            return store.competitors.add(observation)
        return store.competitors.update(observation)

    return FormScreen(title, fields, defaults, submit, form_id="audit-competitor")
