"""Provides the modal form every add and edit goes through.

A form is described by :class:`FormField` specs and a ``submit`` callback that validates and
commits in one go. When ``submit`` raises a pydantic ``ValidationError`` or a
``DomainError``, each message is shown under the field it names and nothing is written;
when it returns, the form closes with the saved value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from smtui.domain.figures import localised, typed_figure
from smtui.domain.i18n import _
from smtui.domain.validation import DomainError, field_errors
from smtui.widgets.literal import editable, literal, literal_line

Kind = Literal["text", "area", "select", "multi", "number", "date"]


@dataclass(frozen=True, slots=True)
class FormField:
    """One input of a form. ``options`` are (label, value) pairs for select and multi."""

    name: str
    label: str
    kind: Kind = "text"
    options: Sequence[tuple[str, str]] = ()
    required: bool = False
    placeholder: str = ""
    help: str = ""
    allow_blank: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


class FormScreen(ModalScreen[Any]):
    """Dismisses with whatever ``submit`` returned, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", _("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", _("Cancel"), id="form.cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        values: dict[str, Any],
        submit: Callable[[dict[str, Any]], Any],
        *,
        form_id: str = "form",
        verb: str = "",
        button: str = "",
    ) -> None:
        """``verb`` and ``button`` name what ctrl+s does when it saves nothing (a search, a
        filter, a date to go to): "search" and "Search (ctrl+s)"; by default it saves.
        Two strings, each translated whole: capitalising a word is not every language's
        way of starting a label."""
        super().__init__(id=f"{form_id}-screen")
        self.title_text = title
        self.fields = list(fields)
        self.values = values
        self.submit = submit
        self.verb = verb
        self.button = button
        self._retry: Timer | None = None  # the next try of a save the busy file put off

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            verb = self.verb or _("save")
            hint = _("ctrl+s {verb} · esc cancel · tab next field").format(verb=verb)
            if any(spec.required for spec in self.fields):
                hint += " · " + _("* required")
            yield Static(hint, classes="dialog-hint")
            with VerticalScroll(classes="form-fields"):
                for spec in self.fields:
                    with Vertical(classes="form-row", id=f"row-{spec.name}"):
                        with Horizontal(classes="form-line"):
                            label = spec.label + (" *" if spec.required else "")
                            yield Label(literal(label), classes="form-label")
                            yield self._input(spec)
                        if spec.help:
                            yield Static(literal(spec.help), classes="form-help")
                        yield Static(
                            "", classes="form-error", id=f"error-{spec.name}", markup=False
                        )
            yield Static("", classes="form-error", id="error-form", markup=False)
            with Horizontal(classes="dialog-buttons"):
                label = self.button or _("Save (ctrl+s)")
                yield Button(label, variant="primary", id="save")
                yield Button(_("Cancel (esc)"), id="cancel")

    def _input(self, spec: FormField) -> Widget:
        value = self.values.get(spec.name)
        widget_id = f"field-{spec.name}"
        if spec.kind == "area":
            return TextArea(
                editable(str(value or "")),
                id=widget_id,
                soft_wrap=True,
                compact=True,
                classes="form-area",
            )
        if spec.kind == "select":
            # A required choice with nothing to choose from is left blank (Textual refuses
            # an empty Select that cannot be), for saving to name the field.
            allow_blank = (spec.allow_blank and not spec.required) or not spec.options
            known = {option_value for _label, option_value in spec.options}
            return Select(
                [(literal_line(label), option_value) for label, option_value in spec.options],
                value=value if value in known else Select.NULL,
                allow_blank=allow_blank,
                id=widget_id,
                prompt=spec.placeholder or (_("Choose…") if spec.options else _("none yet")),
                compact=True,
            )
        if spec.kind == "multi":
            chosen = set(value or [])
            return SelectionList[str](
                *(
                    (literal_line(label), option_value, option_value in chosen)
                    for label, option_value in spec.options
                ),
                id=widget_id,
                classes="form-multi",
            )
        if spec.kind == "number" and isinstance(value, float) and value.is_integer():
            value = int(value)  # show 3000, not 3000.0
        text = "" if value is None else str(value)
        if spec.kind == "number":
            text = localised(text)  # "0,15" in French: as it is typed back
        return Input(editable(text), placeholder=spec.placeholder, id=widget_id, compact=True)

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def read(self) -> dict[str, Any]:
        """The raw values: empty optional numbers, dates and choices become None."""
        data: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                data[spec.name] = widget.text
            elif isinstance(widget, Select):
                data[spec.name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, SelectionList):
                data[spec.name] = list(widget.selected)
            else:
                assert isinstance(widget, Input)
                text = widget.value.strip()
                if spec.kind == "number":
                    text = typed_figure(text)
                data[spec.name] = None if (text == "" and spec.kind in ("number", "date")) else text
        return data

    def show_errors(self, errors: dict[str, str]) -> None:
        names = {spec.name for spec in self.fields}
        for spec in self.fields:
            self._error(f"#error-{spec.name}", errors.get(spec.name, ""))
            self.query_one(f"#row-{spec.name}").set_class(spec.name in errors, "-invalid")
        stray = [message for name, message in errors.items() if name not in names]
        self._error("#error-form", "; ".join(stray))
        for spec in self.fields:
            if spec.name in errors:
                self.query_one(f"#field-{spec.name}").focus()
                break

    def _error(self, selector: str, message: str) -> None:
        label = self.query_one(selector, Static)
        label.update(literal(message))
        label.set_class(bool(message), "-shown")

    def action_save(self) -> None:
        self._save(tries=0)

    def _save(self, tries: int) -> None:
        """Submit what the fields hold now. A store failure leaves the form open with its
        text and the message under it; a busy file is tried again a few times first (the
        user may go on typing, or leave: each try reads the fields afresh)."""
        from smtui.boundary import RETRY_DELAYS
        from smtui.store.failures import FailureKind, busy_retrying_message, classify

        self._stop_retry()
        try:
            result = self.submit(self.read())
        except ValidationError as error:
            self.show_errors(field_errors(error))
            return
        except DomainError as error:
            self.show_errors(error.by_field)
            return
        except Exception as error:
            kind = classify(error)
            if kind is None:
                raise
            if kind is FailureKind.BUSY and tries < len(RETRY_DELAYS):
                self._error("#error-form", busy_retrying_message())
                self._retry = self.set_timer(RETRY_DELAYS[tries], lambda: self._save(tries + 1))
                return
            describe = getattr(self.app, "describe_failure", None)
            self._error("#error-form", describe(error, kind) if describe else str(error))
            return
        self.dismiss(result)

    def _stop_retry(self) -> None:
        if self._retry is not None:
            self._retry.stop()
            self._retry = None

    def action_cancel(self) -> None:
        self._stop_retry()
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
