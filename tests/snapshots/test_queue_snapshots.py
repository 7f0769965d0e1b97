"""SVG snapshots of the Queue screen, its reply composer and the Listening view with the demo
workspace, at a fixed size and instant."""

from __future__ import annotations

import pytest

from smtui.domain.models import Brand

SIZE = (120, 36)


@pytest.fixture
def demo_app(make_smtui_app, demo: Brand):  # type: ignore[no-untyped-def]
    return make_smtui_app()


def test_queue(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=("3",), terminal_size=SIZE)


def test_queue_reply_composer(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=("3", "r", *"thanks"), terminal_size=SIZE)


def test_queue_listening(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=("3", "l"), terminal_size=SIZE)
