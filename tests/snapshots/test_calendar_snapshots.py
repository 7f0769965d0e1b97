"""SVG snapshots of the Calendar screen with the demo workspace, at a fixed size and instant."""

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
        ("month", ("2",)),
        ("week", ("2", "w")),
        ("agenda", ("2", "a")),
        ("editor", ("2", "tab", "e")),
        ("slots", ("2", "l")),
    ],
)
def test_calendar_view(snap_compare, demo_app, view: str, presses: tuple[str, ...]) -> None:
    assert snap_compare(demo_app, press=presses, terminal_size=SIZE)
