"""Provides the reusable widgets and modals of smtui."""

from smtui.widgets.commands import BrandsProvider, ScreenActionsProvider
from smtui.widgets.confirm import ConfirmScreen
from smtui.widgets.form import FormField, FormScreen
from smtui.widgets.help import HelpScreen
from smtui.widgets.literal import editable, literal, literal_line, literal_match
from smtui.widgets.picker import PickerScreen

__all__ = [
    "BrandsProvider",
    "ConfirmScreen",
    "FormField",
    "FormScreen",
    "HelpScreen",
    "PickerScreen",
    "ScreenActionsProvider",
    "editable",
    "literal",
    "literal_line",
    "literal_match",
]
