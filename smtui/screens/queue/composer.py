"""Provides the reply composer: the item being answered, the saved replies searchable by
name and tag (placeholders filled in on choosing one), and the reply to edit. It dismisses
with the text to store and copy, or None.

On a small terminal the reply box keeps the room: the original comment and the saved
replies shrink and scroll (``#reply-dialog`` in ``smtui.tcss``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from smtui.domain.i18n import _
from smtui.domain.replies import SavedReply, fill_placeholders
from smtui.widgets.literal import editable, literal, literal_line


class OriginalComment(VerticalScroll):
    """The comment being answered, cut to a few lines on a small terminal. It takes the
    focus (to scroll it with the arrows) only when it is longer than its room, so that tab
    never stops on a box with nothing to scroll."""

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0


class ReplyComposer(ModalScreen[str | None]):
    """Its own footer shows the composer's keys: the one of the screen behind would offer
    the queue's triage keys, which do nothing while the reply is being written."""

    BINDINGS = [
        Binding("ctrl+s", "save", _("Save and copy"), id="reply.save", priority=True),
        Binding("escape", "cancel", _("Cancel"), id="reply.cancel"),
    ]

    def __init__(
        self,
        item_text: str,
        author: str,
        replies: Sequence[SavedReply],
        values: Mapping[str, str],
        draft: str = "",
    ) -> None:
        super().__init__(id="reply-composer")
        self.item_text = item_text
        self.author = author
        self.replies = list(replies)
        self.values = dict(values)
        self.draft = draft
        self.shown: list[SavedReply] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reply-dialog"):
            yield Static(
                literal(_("Reply to {author}").format(author=self.author)), classes="dialog-title"
            )
            with OriginalComment(id="reply-original"):
                yield Static(literal(self.item_text))
            yield Input(placeholder=_("Search saved replies by name or tag"), id="reply-search")
            yield OptionList(id="reply-saved")
            yield TextArea(editable(self.draft), id="reply-text", soft_wrap=True)
            yield Static(
                _("enter use a saved reply · ctrl+s store and copy · esc cancel"),
                classes="dialog-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._filter("")
        self.query_one("#reply-search", Input).focus()

    def _filter(self, query: str) -> None:
        self.shown = [reply for reply in self.replies if reply.matches(query)]
        options = self.query_one("#reply-saved", OptionList)
        options.clear_options()
        for index, reply in enumerate(self.shown):
            label = literal_line(f"{reply.name}  [{reply.language}] {', '.join(reply.tags)}", 70)
            options.add_option(Option(label, id=str(index)))
        if self.shown:
            options.highlighted = 0

    @on(Input.Changed, "#reply-search")
    def _search(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(Input.Submitted, "#reply-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#reply-saved", OptionList)
        if options.highlighted is not None and self.shown:
            self.use(self.shown[options.highlighted])
        else:
            self.query_one("#reply-text", TextArea).focus()

    def key_down(self) -> None:
        if self.focused is self.query_one("#reply-search", Input):
            self.query_one("#reply-saved", OptionList).focus()

    @on(OptionList.OptionSelected, "#reply-saved")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.use(self.shown[int(event.option.id or 0)])

    def use(self, reply: SavedReply) -> None:
        """Put the saved reply, placeholders filled, in the editor, ready to adjust."""
        area = self.query_one("#reply-text", TextArea)
        area.text = editable(fill_placeholders(reply.text, self.values))
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one("#reply-text", TextArea).text.strip()
        if not text:
            self.notify(_("Write the reply first, or choose a saved reply."), severity="warning")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
