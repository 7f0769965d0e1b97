"""SVG snapshots of the KPI screen with the demo workspace, at a fixed size and instant: the
cards, the post-performance view and the "log today's numbers" form."""

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
        ("cards", ("4",)),
        ("post_performance", ("4", "right_square_bracket")),
        ("log_form", ("4", "l")),
    ],
)
def test_kpi_view(snap_compare, demo_app, view: str, presses: tuple[str, ...]) -> None:
    assert snap_compare(demo_app, press=presses, terminal_size=SIZE)
