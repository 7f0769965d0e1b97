"""Provides the reusable widgets and modals of smtui.

The modals and the palette providers are imported on first use (PEP 562 ``__getattr__``):
the form alone pulls in TextArea and the document stack, and the first frame of Today needs
none of them. The literal helpers are small and every screen uses them, so they load now;
they must, too: ``literal`` names both a submodule and a function, and importing the
submodule later would leave the module under that name.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from smtui.widgets import no_break as _no_break  # noqa: F401  (keeps « 50 % » whole)
from smtui.widgets.literal import editable, literal, literal_line, literal_match

if TYPE_CHECKING:
    from smtui.widgets.commands import BrandsProvider, ScreenActionsProvider
    from smtui.widgets.confirm import ConfirmScreen
    from smtui.widgets.form import FormField, FormScreen
    from smtui.widgets.go_to import go_to_form
    from smtui.widgets.help import HelpScreen
    from smtui.widgets.picker import PickerScreen

_LAZY = {
    "BrandsProvider": "commands",
    "ScreenActionsProvider": "commands",
    "ConfirmScreen": "confirm",
    "FormField": "form",
    "FormScreen": "form",
    "go_to_form": "go_to",
    "HelpScreen": "help",
    "PickerScreen": "picker",
}

__all__ = [
    "BrandsProvider",
    "ConfirmScreen",
    "FormField",
    "FormScreen",
    "HelpScreen",
    "PickerScreen",
    "ScreenActionsProvider",
    "editable",
    "go_to_form",
    "literal",
    "literal_line",
    "literal_match",
]


def __getattr__(name: str) -> Any:
    submodule = _LAZY.get(name)
    if submodule is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{submodule}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
