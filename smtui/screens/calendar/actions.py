"""Provides every action on a post, as a mixin of the Calendar screen: new, edit, move by a
day or to a typed time, duplicate, repurpose, copy the text to publish, mark published,
change status, delete, and the filter, search and go-to forms.

Kept apart from the screen so the Today screen can reuse the same actions and keys on its
own list of posts: a host provides ``current_post``, ``catalogue``, ``new_post_moment``
and ``after_change``.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from smtui.domain.cadence import conflicts_for, in_the_past
from smtui.domain.enums import PostStatus
from smtui.domain.i18n import _
from smtui.domain.local_time import day_bounds, local, parse_clock, parse_day, to_utc
from smtui.domain.post import Post, PostFilter, next_statuses
from smtui.domain.publishing import text_to_publish
from smtui.domain.validation import DomainError
from smtui.screens.calendar.data import Catalogue

if TYPE_CHECKING:
    from smtui.app import SmtuiApp
    from smtui.domain.models import Brand
    from smtui.store import Store


class PostActions:
    """Needs from its host: store, brand, smtui, app, notify, catalogue, current_post(),
    new_post_moment(), after_change(post), filters, filters_changed(), goto_day()."""

    POST_BINDINGS = [
        Binding("n", "new_post", _("New post")),
        Binding("e", "edit_post", _("Edit")),
        Binding("greater_than_sign", "shift(1)", _("Move +1 day"), key_display=">", show=False),
        Binding("less_than_sign", "shift(-1)", _("Move -1 day"), key_display="<", show=False),
        Binding("M", "move_post", _("Move to date and time"), show=False),
        Binding("d", "duplicate", _("Duplicate"), show=False),
        Binding(
            "r", "repurpose", _("Repurpose"), tooltip=_("Variants for other channels"), show=False
        ),
        Binding("c", "copy_post", _("Copy"), tooltip=_("Copy the text to publish")),
        Binding("p", "publish", _("Published"), tooltip=_("Mark published with URL and time")),
        Binding("s", "status", _("Status"), show=False),
        Binding("x,delete", "delete_post", _("Delete"), show=False),
    ]

    store: Store
    brand: Brand
    smtui: SmtuiApp
    app: Any
    catalogue: Catalogue | None
    filters: PostFilter

    if TYPE_CHECKING:  # provided by the host Widget or Screen; a stub here would shadow it

        def notify(self, message: str, **kwargs: Any) -> None: ...

    def current_post(self) -> Post | None:
        raise NotImplementedError

    def new_post_moment(self) -> tuple[date, time]:
        raise NotImplementedError

    def after_change(self, post: Post | None) -> None:
        raise NotImplementedError

    def filters_changed(self, filters: PostFilter) -> None:
        raise NotImplementedError

    def goto_day(self, day: date) -> None:
        raise NotImplementedError

    # --- helpers ---------------------------------------------------------------------

    def _post_or_say(self) -> Post | None:
        post = self.current_post()
        if post is None:
            self.notify(_("No post here: move to one first (tab reaches the day's list)"))
        return post

    def _catalogue(self) -> Catalogue:
        if self.catalogue is None:
            assert self.brand.id is not None
            self.catalogue = Catalogue.load(self.store, self.brand.id)
        return self.catalogue

    def _say(self, message: str, severity: str = "information") -> None:
        self.notify(message, severity=severity, markup=False)  # type: ignore[call-arg]

    def warn_about(self, post: Post) -> None:
        """Say so when a post lands in the past or too close to another on its channel."""
        now = self.smtui.clock()
        if in_the_past(post, now):
            self._say(_("This post is planned in the past and not published"), "warning")
        if post.scheduled_at is None or post.channel_id is None or self.brand.id is None:
            return
        settings = self.store.brand_settings.get(self.brand.id)
        window = day_bounds(
            local(post.scheduled_at, self.brand.timezone).date(), self.brand.timezone
        )
        start = min(window[0], post.scheduled_at - settings.conflict_gap)
        end = max(window[1], post.scheduled_at + settings.conflict_gap)
        others = self.store.posts.in_range(
            self.brand.id, start, end, PostFilter(channel_id=post.channel_id)
        )
        clashes = conflicts_for(post, others, settings.conflict_gap_minutes)
        if clashes:
            times = ", ".join(
                local(o.scheduled_at, self.brand.timezone).strftime("%H:%M")
                for o in clashes
                if o.scheduled_at
            )
            self._say(
                _(
                    "Time conflict: another post on this channel at {times} "
                    "(less than {gap} min apart)"
                ).format(times=times, gap=settings.conflict_gap_minutes),
                "warning",
            )

    # --- create and edit -------------------------------------------------------------

    def action_new_post(self) -> None:
        # The editor and the dialogs are imported by the action: not for the first frame.
        from smtui.screens.calendar.editor import PostEditor, editor_values

        catalogue = self._catalogue()
        if missing := catalogue.no_channel_yet(self.brand):
            self._say(missing, "warning")
            return
        day, at = self.new_post_moment()
        values = editor_values(None, self.brand, day, at)
        if self.filters.channel_id is not None:
            values["channel_id"] = str(self.filters.channel_id)
        editor = PostEditor(
            _("New post"), self.brand, catalogue, None, values, self.store.posts.add
        )
        self.app.push_screen(editor, self._saved)

    def action_edit_post(self) -> None:
        from smtui.screens.calendar.editor import PostEditor, editor_values

        post = self._post_or_say()
        if post is None:
            return
        values = editor_values(post, self.brand, None, None)

        def save(changed: Post) -> Post:
            if changed.status is not post.status and changed.status not in next_statuses(
                post.status
            ):
                raise DomainError(
                    _("this status cannot follow {status}").format(status=post.status.label),
                    "status",
                )
            return self.store.posts.update(changed)

        title = _("Edit post: {title}").format(title=post.title or _("(untitled)"))
        self.app.push_screen(
            PostEditor(title, self.brand, self._catalogue(), post, values, save), self._saved
        )

    def _saved(self, post: Post | None) -> None:
        if post is not None:
            self.after_change(post)
            self._say(_("Saved"))

    # --- moves -----------------------------------------------------------------------

    def action_shift(self, days: int) -> None:
        post = self._post_or_say()
        if post is None:
            return
        if post.scheduled_at is None:
            self._say(_("This post has no date yet; edit it to place it"), "warning")
            return
        moment = local(post.scheduled_at, self.brand.timezone)
        day = moment.date()
        target = date.fromordinal(day.toordinal() + days)
        try:
            when = to_utc(target, time(moment.hour, moment.minute), self.brand.timezone)
        except DomainError as error:
            self._say(error.message, "error")
            return
        self.after_change(self.store.posts.move(post.id or 0, when))

    def action_move_post(self) -> None:
        from smtui.widgets import FormField, FormScreen

        post = self._post_or_say()
        if post is None:
            return
        values: dict[str, Any] = {"day": "", "time": "09:00"}
        if post.scheduled_at:
            moment = local(post.scheduled_at, self.brand.timezone)
            values = {"day": moment.date().isoformat(), "time": moment.strftime("%H:%M")}
        fields = [
            FormField("day", _("Date"), "date", required=True, placeholder="YYYY-MM-DD"),
            FormField("time", _("Time"), required=True, placeholder="HH:MM"),
        ]

        def submit(data: dict[str, Any]) -> Post:
            day = parse_day(str(data.get("day") or ""), "day")
            at = parse_clock(str(data.get("time") or ""), "time")
            return self.store.posts.move(post.id or 0, to_utc(day, at, self.brand.timezone, "time"))

        self.app.push_screen(FormScreen(_("Move post"), fields, values, submit), self._saved)

    def action_duplicate(self) -> None:
        post = self._post_or_say()
        if post is not None:
            copy = self.store.posts.duplicate(post.id or 0)
            self.after_change(copy)
            self._say(_("Duplicated; the copy is selected"))

    def action_repurpose(self) -> None:
        from smtui.widgets import FormField, FormScreen

        post = self._post_or_say()
        if post is None:
            return
        others = [
            (channel.label, str(channel.id))
            for channel in self._catalogue().channels.values()
            if channel.id != post.channel_id
        ]
        fields = [
            FormField("channels", _("Channels"), "multi", others, help=_("space ticks a channel"))
        ]

        def submit(data: dict[str, Any]) -> list[Post]:
            chosen = [int(value) for value in data.get("channels") or []]
            if not chosen:
                raise DomainError(_("tick at least one channel"), "channels")
            return self.store.posts.repurpose(post.id or 0, chosen)

        def done(variants: list[Post] | None) -> None:
            if variants:
                self.after_change(post)
                self._say(
                    _("{count} variants created as drafts, each linked to this post").format(
                        count=len(variants)
                    )
                )

        title = _("Repurpose: {title}").format(title=post.title or _("(untitled)"))
        self.app.push_screen(FormScreen(title, fields, {}, submit), done)

    # --- publishing ------------------------------------------------------------------

    def action_copy_post(self) -> None:
        post = self._post_or_say()
        if post is None:
            return
        channel = self._catalogue().channels.get(post.channel_id or -1)
        if channel is None:
            self._say(_("This post has no channel"), "warning")
            return
        self.app.copy_to_clipboard(text_to_publish(post, channel.platform))
        self._say(_("Copied the text for {platform}").format(platform=channel.platform.label))

    def action_publish(self) -> None:
        from smtui.widgets import FormField, FormScreen

        post = self._post_or_say()
        if post is None:
            return
        now = local(self.smtui.clock(), self.brand.timezone)
        values = {
            "url": post.published_url or "",
            "day": now.date().isoformat(),
            "time": now.strftime("%H:%M"),
        }
        fields = [
            FormField(
                "url",
                _("Post URL"),
                placeholder="https://…",
                help=_("the link to the post on the platform"),
            ),
            FormField("day", _("Published on"), "date", required=True),
            FormField("time", _("At"), required=True, placeholder="HH:MM"),
        ]

        def submit(data: dict[str, Any]) -> Post:
            day = parse_day(str(data.get("day") or ""), "day")
            at = to_utc(
                day, parse_clock(str(data.get("time") or ""), "time"), self.brand.timezone, "time"
            )
            try:
                return self.store.posts.publish(post.id or 0, data.get("url"), at)
            except DomainError as error:
                raise DomainError(
                    error.message,
                    "url" if error.field in (None, "", "url", "published_url") else error.field,
                ) from None

        title = _("Mark published: {title}").format(title=post.title or _("(untitled)"))
        self.app.push_screen(FormScreen(title, fields, values, submit), self._saved)

    def action_status(self) -> None:
        from smtui.widgets import PickerScreen

        post = self._post_or_say()
        if post is None:
            return
        choices = [(status.label, status) for status in next_statuses(post.status)]

        def chosen(status: PostStatus | None) -> None:
            if status is PostStatus.PUBLISHED:
                self.action_publish()
            elif status is not None:
                self.after_change(self.store.posts.set_status(post.id or 0, status))

        title = _("Status of {title} ({status})").format(
            title=post.title or _("(untitled)"), status=post.status.label
        )
        self.app.push_screen(PickerScreen(title, choices), chosen)

    def action_delete_post(self) -> None:
        from smtui.widgets import ConfirmScreen

        post = self._post_or_say()
        if post is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.store.posts.delete(post.id or 0)
                self.after_change(None)
                self._say(_("Deleted"))

        question = _("Delete this post?")
        self.app.push_screen(
            ConfirmScreen(question, post.title or post.body[:80], yes=_("Delete")), answered
        )

    # --- finding ---------------------------------------------------------------------

    def action_filter(self) -> None:
        from smtui.widgets import FormField, FormScreen

        catalogue = self._catalogue()
        assert self.brand.id is not None
        f = self.filters
        fields = [
            FormField(
                "channel_id",
                _("Channel"),
                "select",
                [(c.label, str(c.id)) for c in catalogue.channels.values()],
                placeholder=_("all"),
            ),
            FormField(
                "pillar_id",
                _("Pillar"),
                "select",
                [(p.name, str(p.id)) for p in catalogue.pillars.values()],
                placeholder=_("all"),
            ),
            FormField(
                "objective_id",
                _("Objective"),
                "select",
                [(o.statement[:60], str(o.id)) for o in catalogue.objectives.values()],
                placeholder=_("all"),
            ),
            FormField(
                "status",
                _("Status"),
                "select",
                [(s.label, s.value) for s in PostStatus],
                placeholder=_("all"),
            ),
            FormField(
                "campaign",
                _("Campaign"),
                "select",
                [(c, c) for c in self.store.posts.campaigns(self.brand.id)],
                placeholder=_("all"),
            ),
            FormField("text", _("Text contains")),
        ]
        values = {
            "channel_id": str(f.channel_id) if f.channel_id else None,
            "pillar_id": str(f.pillar_id) if f.pillar_id else None,
            "objective_id": str(f.objective_id) if f.objective_id else None,
            "status": f.status.value if f.status else None,
            "campaign": f.campaign,
            "text": f.text or "",
        }

        def submit(data: dict[str, Any]) -> PostFilter:
            def number(key: str) -> int | None:
                return int(data[key]) if data.get(key) else None

            return PostFilter(
                channel_id=number("channel_id"),
                pillar_id=number("pillar_id"),
                objective_id=number("objective_id"),
                status=PostStatus(data["status"]) if data.get("status") else None,
                campaign=data.get("campaign") or None,
                text=(data.get("text") or "").strip() or None,
            )

        title = _("Filter the calendar (empty fields show everything)")
        form = FormScreen(
            title, fields, values, submit, verb=_("apply"), button=_("Apply (ctrl+s)")
        )
        self.app.push_screen(form, self._filtered)

    def _filtered(self, filters: PostFilter | None) -> None:
        if filters is not None:
            self.filters_changed(filters)

    def action_search(self) -> None:
        from smtui.widgets import FormField, FormScreen

        fields = [
            FormField("text", _("Search titles and texts"), help=_("empty clears the search"))
        ]

        def submit(data: dict[str, Any]) -> PostFilter:
            f = self.filters
            text = (data.get("text") or "").strip() or None
            return PostFilter(f.channel_id, f.pillar_id, f.objective_id, f.status, f.campaign, text)

        self.app.push_screen(
            FormScreen(
                _("Search"),
                fields,
                {"text": self.filters.text or ""},
                submit,
                verb=_("search"),
                button=_("Search (ctrl+s)"),
            ),
            self._filtered,
        )

    def action_go_to(self) -> None:
        """The same form as Today's g: a date, or today, tomorrow, yesterday."""
        from smtui.widgets import go_to_form

        def done(day: date | None) -> None:
            if day is not None:
                self.goto_day(day)

        shown, _time = self.new_post_moment()  # the day the cursor is on, to edit
        form = go_to_form(shown, self.smtui.today(), form_id="calendar-go")
        self.app.push_screen(form, done)
