"""The first frame does not pay for dialogs, nor for the other screens' domain.

Today's first frame (the cold start) needs its panels, not the forms, pickers, the help
screen, the post editor or the reply composer: those load when an action opens them. Each
module below is imported on first use (``smtui.widgets`` loads its modals lazily, and the
screens import them inside the actions); this check, in a fresh interpreter, keeps an eager
import from creeping back in.
"""

from __future__ import annotations

import subprocess
import sys

DIALOG_MODULES = (
    "smtui.widgets.form",
    "smtui.widgets.help",
    "smtui.widgets.picker",
    "smtui.widgets.confirm",
    "smtui.screens.calendar.editor",
    "smtui.screens.queue.composer",
    "smtui.screens.queue.prompts",
    "smtui.screens.audit.forms",
    "smtui.screens.kpi.forms",
    "textual.widgets._text_area",
)

CHECK = (
    "import sys, smtui.app, smtui.screens.today.screen; "
    f"print(sorted(m for m in sys.modules if m.startswith({DIALOG_MODULES!r})))"
)


def printed_by(code: str) -> str:
    """What ``code`` prints in a fresh interpreter, where nothing was imported before it."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()


def test_app_and_today_load_no_dialog() -> None:
    assert printed_by(CHECK) == "[]"


# The other screens' domain: the audit's template and comparisons, the KPI models and figures.
# Today shows audit actions and numbers to log, from modules of their own.
DOMAIN_MODULES = ("smtui.domain.audit", "smtui.domain.kpi", "smtui.domain.engagement")

START = (
    "import sys, smtui.cli, smtui.app, smtui.screens.today.screen, smtui.store.snapshot; "
    f"print(sorted(set(sys.modules) & set({DOMAIN_MODULES!r})))"
)


def test_the_start_loads_only_todays_domain() -> None:
    assert printed_by(START) == "[]"


def test_lazy_names_still_import() -> None:
    """The lazy names are the same objects as the submodules' own."""
    import smtui.widgets
    from smtui.widgets import ConfirmScreen, FormField, FormScreen, literal
    from smtui.widgets.confirm import ConfirmScreen as confirm_screen
    from smtui.widgets.form import FormField as form_field
    from smtui.widgets.form import FormScreen as form_screen
    from smtui.widgets.literal import literal as literal_function

    assert (ConfirmScreen, FormField, FormScreen) == (confirm_screen, form_field, form_screen)
    assert literal is literal_function  # the function, not the submodule of the same name
    for name in smtui.widgets.__all__:
        assert getattr(smtui.widgets, name) is not None
