"""SVG snapshots of the Today screen with the demo workspace (Monday 08:30 in Montréal), on
the next day, with every brand shown, and with an empty workspace, at a fixed size."""

from __future__ import annotations

import pytest

from smtui.domain.models import Brand
from smtui.store import Store

SIZE = (120, 36)


@pytest.fixture
def demo_app(make_smtui_app, demo: Brand):  # type: ignore[no-untyped-def]
    return make_smtui_app()


def test_today(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=SIZE)


def test_today_tomorrow(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=("right_square_bracket", "R"), terminal_size=SIZE)


def test_today_all_brands(snap_compare, make_smtui_app, store: Store, demo: Brand) -> None:  # type: ignore[no-untyped-def]
    store.brands.add(Brand(name="Atelier Nord", timezone="Europe/Paris"))
    assert snap_compare(make_smtui_app(), terminal_size=SIZE)


def test_today_empty_workspace(snap_compare, make_smtui_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_smtui_app(), terminal_size=SIZE)
