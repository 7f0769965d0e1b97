"""Provides the post editor: every field of a post, with a live character count against the
channel's limit (X counts a link as 23) and the tagged link shown as it will be published.

It is the shared FormScreen with two live lines added, so validation, per-field errors and
the one-transaction save behave as in every other form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.widgets import Input, Select, Static, TextArea

from smtui.domain.enums import PostStatus
from smtui.domain.i18n import N_, _
from smtui.domain.local_time import local, parse_clock, parse_day, to_utc
from smtui.domain.models import Brand
from smtui.domain.post import Post, next_statuses
from smtui.domain.publishing import readiness, tagged_link
from smtui.domain.validation import DomainError
from smtui.screens.calendar.data import Catalogue
from smtui.widgets.form import FormField, FormScreen
from smtui.widgets.literal import literal

POST_TYPES = (
    ("text", N_("Text")),
    ("image", N_("Image")),
    ("carousel", N_("Carousel")),
    ("video", N_("Video")),
    ("link", N_("Link")),
    ("story", N_("Story")),
    ("article", N_("Article")),
)


def status_choices(post: Post | None) -> list[tuple[str, str]]:
    """The current status and the ones the flow allows next (publishing has its own key)."""
    current = post.status if post else PostStatus.IDEA
    allowed = [current, *next_statuses(current)] if post else list(PostStatus)
    return [
        (status.label, status.value)
        for status in dict.fromkeys(allowed)
        if status is not PostStatus.PUBLISHED or status is current
    ]


def editor_fields(catalogue: Catalogue, post: Post | None) -> list[FormField]:
    channels = [(c.label, str(c.id)) for c in catalogue.channels.values()]
    pillars = [(p.name, str(p.id)) for p in catalogue.pillars.values()]
    objectives = [(o.statement[:60], str(o.id)) for o in catalogue.objectives.values()]
    return [
        FormField("channel_id", _("Channel"), "select", channels, required=True),
        FormField(
            "day",
            _("Date"),
            "date",
            placeholder="YYYY-MM-DD",
            help=_("empty: an idea not yet placed"),
        ),
        FormField("time", _("Time"), placeholder="HH:MM"),
        FormField("title", _("Title")),
        FormField("body", _("Text"), "area"),
        FormField("hashtags", _("Hashtags / keywords"), placeholder="#montreal #bakery"),
        FormField("link_url", _("Link"), placeholder="https://…"),
        FormField("utm_campaign", _("UTM campaign"), placeholder=_("defaults to the campaign")),
        FormField("utm_content", _("UTM content")),
        FormField("visual", _("Visual"), placeholder=_("file path or description")),
        FormField("call_to_action", _("Call to action")),
        FormField(
            "post_type", _("Type"), "select", [(_(label), value) for value, label in POST_TYPES]
        ),
        FormField("pillar_id", _("Pillar"), "select", pillars),
        FormField("objective_id", _("Objective"), "select", objectives),
        FormField("status", _("Status"), "select", status_choices(post), required=True),
        FormField("campaign", _("Campaign")),
        FormField("notes", _("Notes"), "area"),
    ]


def editor_values(
    post: Post | None, brand: Brand, day: date | None, at: time | None
) -> dict[str, Any]:
    if post is None:
        return {
            "day": day.isoformat() if day else "",
            "time": (at or time(9, 0)).strftime("%H:%M"),
            "status": PostStatus.DRAFT.value,
            "post_type": "text",
        }
    values = post.model_dump()
    for key in ("channel_id", "pillar_id", "objective_id"):
        values[key] = str(values[key]) if values[key] is not None else None
    values["status"] = post.status.value
    values["link_url"] = post.link_url or ""
    if post.scheduled_at:
        moment = local(post.scheduled_at, brand.timezone)
        values["day"] = moment.date().isoformat()
        values["time"] = moment.strftime("%H:%M")
    else:
        values["day"], values["time"] = "", ""
    return values


def build_post(data: dict[str, Any], brand: Brand, base: Post | None, catalogue: Catalogue) -> Post:
    """The post the form describes, validated; raises with the field at fault named."""
    values = dict(base.model_dump() if base else {})
    scheduled = None
    if data.get("day"):
        day = parse_day(str(data["day"]), "day")
        moment = parse_clock(str(data.get("time") or "09:00"), "time")
        scheduled = to_utc(day, moment, brand.timezone, "time")
    elif data.get("time"):
        raise DomainError(_("give the date too, or clear the time"), "day")
    for key in (
        "title",
        "body",
        "hashtags",
        "utm_campaign",
        "utm_content",
        "visual",
        "call_to_action",
        "post_type",
        "campaign",
        "notes",
    ):
        values[key] = data.get(key) or ""
    for key in ("channel_id", "pillar_id", "objective_id"):
        values[key] = int(data[key]) if data.get(key) else None
    values.update(
        brand_id=brand.id,
        link_url=(data.get("link_url") or "").strip() or None,
        scheduled_at=scheduled,
        status=data.get("status") or PostStatus.DRAFT.value,
    )
    if values["channel_id"] is None:
        raise DomainError(_("choose the channel"), "channel_id")
    post = Post.model_validate(values)
    check = readiness(post, catalogue.channels.get(post.channel_id or -1))
    if check.limit is not None and check.length > check.limit:
        raise DomainError(
            _("{length} characters: over this channel's limit of {limit}").format(
                length=check.length, limit=check.limit
            ),
            "body",
        )
    return post


class PostEditor(FormScreen):
    """The form plus a live count under the text and the tagged link under the link."""

    def __init__(
        self,
        title: str,
        brand: Brand,
        catalogue: Catalogue,
        post: Post | None,
        values: dict[str, Any],
        save: Callable[[Post], Post],
    ) -> None:
        self.brand = brand
        self.catalogue = catalogue
        self.base = post

        def submit(data: dict[str, Any]) -> Post:
            return save(build_post(data, brand, post, catalogue))

        super().__init__(
            title, editor_fields(catalogue, post), values, submit, form_id="post-editor"
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#row-body").mount(
            Static(id="body-count", classes="form-help", markup=False)
        )
        self.query_one("#row-link_url").mount(
            Static(id="tagged-link", classes="form-help", markup=False)
        )
        self.call_after_refresh(self.refresh_live)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.refresh_live()

    def refresh_live(self) -> None:
        """Recount with what is typed now; a value not yet valid just shows no count."""
        try:
            counter = self.query_one("#body-count", Static)
            link_line = self.query_one("#tagged-link", Static)
        except Exception:  # not mounted yet
            return
        data = self.read()
        channel = (
            self.catalogue.channels.get(int(data["channel_id"])) if data.get("channel_id") else None
        )
        try:
            draft = Post(
                brand_id=self.brand.id or 0,
                body=data.get("body") or "",
                hashtags=data.get("hashtags") or "",
                link_url=(data.get("link_url") or "").strip() or None,
                utm_campaign=data.get("utm_campaign") or "",
                utm_content=data.get("utm_content") or "",
                campaign=data.get("campaign") or "",
            )
        except (ValidationError, DomainError):
            counter.update(Text(_("count shown once the link is a valid URL"), style="dim"))
            link_line.update("")
            return
        if channel is None:
            counter.update(Text(_("choose a channel to see its limit"), style="dim"))
            link_line.update("")
            return
        check = readiness(draft, channel)
        if check.limit is None:
            line = Text(
                _("{length} characters (no limit on {platform})").format(
                    length=check.length, platform=channel.platform.label
                )
            )
        else:
            line = Text(
                _("{length} / {limit} characters on {platform}").format(
                    length=check.length, limit=check.limit, platform=channel.platform.label
                )
            )
            if check.length > check.limit:
                line.stylize("bold red")
                line.append(_("  ({over} too many)").format(over=check.length - check.limit))
        counter.update(line)
        link = tagged_link(draft, channel.platform)
        link_line.update(literal(_("Published as: {link}").format(link=link)) if link else "")
