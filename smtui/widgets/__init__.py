"""Provides the reusable widgets and modals of smtui."""

from smtui.widgets.commands import ScreenActionsProvider
from smtui.widgets.confirm import ConfirmScreen
from smtui.widgets.form import FormField, FormScreen
from smtui.widgets.help import HelpScreen
from smtui.widgets.literal import literal, literal_line
from smtui.widgets.picker import PickerScreen

__all__ = [
    "ConfirmScreen",
    "FormField",
    "FormScreen",
    "HelpScreen",
    "PickerScreen",
    "ScreenActionsProvider",
    "literal",
    "literal_line",
]
