"""Provides every triage action on queue items: done, ignore, escalate, undo, open the link,
and those that ask something first (the reply composer, the snooze menu, priority, tags,
filters and the quick add). Each commits at once through ``_act`` or the repository.

A mixin, so that the Queue screen and the Today screen's "To reply" panel share the same
actions and keys (:data:`TRIAGE_BINDINGS`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from smtui.domain.enums import InboxKind, InboxStatus, Priority
from smtui.domain.i18n import _
from smtui.domain.inbox import InboxItem, QueueFilter
from smtui.domain.models import Brand, Channel
from smtui.domain.validation import DomainError

if TYPE_CHECKING:
    from smtui.store import Store


TRIAGE_BINDINGS = [
    Binding("r,enter", "reply", _("Reply"), tooltip=_("Write the reply, with saved replies")),
    Binding("d", "done", _("Done"), tooltip=_("Mark handled without a reply")),
    Binding("i", "ignore", _("Ignore")),
    Binding("s", "snooze", _("Snooze")),
    Binding("e", "escalate", _("Escalate")),
    Binding("p", "priority", _("Priority"), show=False),
    Binding("t", "tag", _("Tag"), show=False),
    Binding("o", "open_url", _("Open link"), show=False),
    Binding("u", "undo", _("Undo"), tooltip=_("Undo the last action")),
]


class TriageDialogs:
    """Mixed into a host (the Queue screen, Today's reply panel) that provides the
    attributes declared here; ``reload`` shows the result of an action."""

    app: Any
    store: Store
    brand: Brand
    filters: QueueFilter
    channels: dict[int, Channel]
    selected: set[int]
    items: list[InboxItem]
    current: InboxItem | None
    now: datetime
    notify: Callable[..., None]
    reload: Callable[[], None]
    channel_label: Callable[[InboxItem], str]

    def targets(self) -> list[int]:
        """The selected items, or the highlighted one."""
        if self.selected:
            return [item.id for item in self.items if item.id in self.selected]  # type: ignore[misc]
        item = self.current
        return [item.id] if item is not None and item.id is not None else []

    def _act(self, name: str, action: Callable[[list[int]], Sequence[InboxItem]]) -> None:
        ids = self.targets()
        if not ids:
            self.notify(_("Nothing to act on."), severity="warning")
            return
        try:
            action(ids)
        except DomainError as error:
            self.notify(error.message, severity="warning", markup=False)
            return
        self.selected.clear()
        self.notify(
            _("{action}: {n} item(s) · u to undo").format(action=name, n=len(ids)), markup=False
        )
        self.reload()

    def action_done(self) -> None:
        self._act(_("Done"), self.store.inbox.done)

    def action_ignore(self) -> None:
        self._act(_("Ignored"), self.store.inbox.ignore)

    def action_escalate(self) -> None:
        self._act(_("Escalated"), self.store.inbox.escalate)

    def action_undo(self) -> None:
        assert self.brand.id is not None
        undone = self.store.inbox.undo_last(self.brand.id)
        if undone is None:
            self.notify(_("Nothing to undo."), severity="warning")
            return
        self.notify(
            _("Undone: {action} ({n} item(s))").format(
                action=undone.action, n=len(undone.item_ids)
            ),
            markup=False,
        )
        self.reload()

    def action_open_url(self) -> None:
        item = self.current
        if item is None or not item.url:
            self.notify(_("This item has no link."), severity="warning")
            return
        self.app.open_url(item.url)

    def action_reply(self) -> None:
        # The composer, the prompts and the dialogs are imported by the action: not for the
        # first frame of Today, which shows the replies owed.
        from smtui.screens.queue.composer import ReplyComposer

        item = self.current
        if item is None or item.id is None:
            self.notify(_("Nothing to reply to."), severity="warning")
            return
        assert self.brand.id is not None
        values = {
            "author": item.author_name or item.author_handle,
            "handle": item.author_handle,
            "brand": self.brand.name,
            "channel": self.channel_label(item),
        }
        replies = self.store.saved_replies.search(self.brand.id, "")
        author = item.author or _("(unknown author)")
        item_id = item.id

        def done(text: str | None) -> None:
            if text is None:
                return
            try:
                self.store.inbox.reply(item_id, text)
            except DomainError as error:
                self.notify(error.message, severity="warning", markup=False)
                return
            self.app.copy_to_clipboard(text)
            self.notify(_("Reply stored and copied: paste it on the platform · u to undo"))
            self.reload()

        composer = ReplyComposer(item.text, author, replies, values, item.reply_text)
        self.app.push_screen(composer, done)

    def action_snooze(self) -> None:
        from smtui.screens.queue import prompts
        from smtui.widgets import PickerScreen

        if not self.targets():
            self.notify(_("Nothing to snooze."), severity="warning")
            return
        assert self.brand.id is not None
        settings = self.store.brand_settings.get(self.brand.id)
        choices: list[tuple[str, Any]] = list(
            prompts.snooze_choices(self.now, settings, self.brand.timezone)
        )

        def chosen(value: Any) -> None:
            if value == prompts.TYPED:
                self._typed_snooze()
            elif value is not None:
                self._act(_("Snoozed"), lambda ids: self.store.inbox.snooze(ids, value))

        self.app.push_screen(PickerScreen(_("Snooze until"), choices), chosen)

    def _typed_snooze(self) -> None:
        from smtui.screens.queue import prompts
        from smtui.widgets import FormScreen

        def submit(data: dict[str, Any]) -> datetime:
            return prompts.parse_local(data.get("when") or "", self.brand.timezone, self.now)

        def done(until: datetime | None) -> None:
            if until is not None:
                self._act(_("Snoozed"), lambda ids: self.store.inbox.snooze(ids, until))

        form = FormScreen(_("Snooze until"), prompts.when_fields(), {}, submit, form_id="snooze")
        self.app.push_screen(form, done)

    def action_priority(self) -> None:
        from smtui.screens.queue import prompts
        from smtui.widgets import PickerScreen

        item = self.current
        if item is None:
            return

        def chosen(priority: Priority | None) -> None:
            if priority is not None:
                self._act(
                    _("Priority {p}").format(p=priority.label),
                    lambda ids: self.store.inbox.set_priority(ids, priority),
                )

        picker = PickerScreen(_("Priority"), prompts.priority_choices(), current=item.priority)
        self.app.push_screen(picker, chosen)

    def action_tag(self) -> None:
        from smtui.screens.queue import prompts
        from smtui.widgets import FormScreen

        item = self.current
        if item is None:
            return
        several = bool(self.selected)
        values = {} if several else {"tags": ", ".join(item.tags)}

        def submit(data: dict[str, Any]) -> str:
            return str(data.get("tags") or "")

        def done(tags: str | None) -> None:
            if tags is not None:
                self._act(
                    _("Tagged"),
                    lambda ids: self.store.inbox.tag(ids, tags, replace=not several),
                )

        title = _("Add tags to the selected items") if several else _("Tags")
        self.app.push_screen(
            FormScreen(title, prompts.tag_fields(), values, submit, form_id="tags"), done
        )

    def action_filters(self) -> None:
        from smtui.screens.queue import prompts
        from smtui.widgets import FormScreen

        channels = list(self.channels.values())
        values = {
            "channel": str(self.filters.channel_id) if self.filters.channel_id else None,
            "kind": self.filters.kind.value if self.filters.kind else None,
            "tag": self.filters.tag or "",
        }

        def submit(data: dict[str, Any]) -> QueueFilter:
            return QueueFilter(
                tab=self.filters.tab,
                channel_id=int(data["channel"]) if data.get("channel") else None,
                kind=InboxKind(data["kind"]) if data.get("kind") else None,
                tag=(data.get("tag") or "").strip().lower() or None,
                text=self.filters.text,
            )

        def done(filters: QueueFilter | None) -> None:
            if filters is not None:
                self.filters = filters
                self.reload()

        form = FormScreen(
            _("Filter the queue"),
            prompts.filter_fields(channels),
            values,
            submit,
            form_id="filters",
            verb=_("apply"),
            button=_("Apply (ctrl+s)"),
        )
        self.app.push_screen(form, done)

    def action_add(self) -> None:
        from smtui.screens.queue import prompts
        from smtui.widgets import FormScreen

        assert self.brand.id is not None
        brand_id = self.brand.id

        def submit(data: dict[str, Any]) -> InboxItem:
            item = InboxItem.model_validate(
                {
                    **data,
                    "brand_id": brand_id,
                    "channel_id": int(data["channel_id"]) if data.get("channel_id") else None,
                    "url": data.get("url") or None,
                    "received_at": self.now,
                    "status": InboxStatus.NEW,
                }
            )
            return self.store.inbox.add(item)

        def done(item: InboxItem | None) -> None:
            if item is not None:
                self.notify(_("Added to the queue."))
                self.reload()

        fields = prompts.add_fields(list(self.channels.values()))
        form = FormScreen(_("Add to the queue"), fields, {"kind": "comment"}, submit, form_id="add")
        self.app.push_screen(form, done)
