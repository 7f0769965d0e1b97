"""SVG snapshots of the Strategy screen with the demo workspace, at a fixed size and instant."""

from __future__ import annotations

import pytest

from smtui.domain.models import Brand

SIZE = (120, 36)


@pytest.fixture
def demo_app(make_smtui_app, demo: Brand):  # type: ignore[no-untyped-def]
    return make_smtui_app()


@pytest.mark.parametrize(
    ("tab", "presses"),
    [
        ("charter", ("5",)),
        ("channels", ("5", "right_square_bracket")),
        ("objectives", ("5", *("right_square_bracket",) * 2)),
        ("pillars", ("5", *("right_square_bracket",) * 4)),
    ],
)
def test_strategy_tab(snap_compare, demo_app, tab: str, presses: tuple[str, ...]) -> None:
    assert snap_compare(demo_app, press=presses, terminal_size=SIZE)


def test_strategy_help(snap_compare, demo_app) -> None:
    assert snap_compare(
        demo_app, press=("5", "right_square_bracket", "question_mark"), terminal_size=SIZE
    )
