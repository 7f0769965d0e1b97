"""SVG snapshots of the Audit screen with the demo workspace, at a fixed size and instant."""

from __future__ import annotations

import pytest

from smtui.domain.models import Brand

SIZE = (120, 36)


@pytest.fixture
def demo_app(make_smtui_app, demo: Brand):  # type: ignore[no-untyped-def]
    return make_smtui_app()


@pytest.mark.parametrize(
    ("view", "presses"),
    [
        ("checklist", ("6",)),
        ("action_item", ("6", "down", "down", "down")),
        ("inventory", ("6", "shift+tab", "down", "down", "down", "enter", "down")),
        ("runs", ("6", "right_square_bracket")),
        ("competitors", ("6", "right_square_bracket", "right_square_bracket")),
        ("comparison", ("6", "c")),
    ],
)
def test_audit_screen(snap_compare, demo_app, view: str, presses: tuple[str, ...]) -> None:
    assert snap_compare(demo_app, press=presses, terminal_size=SIZE)
