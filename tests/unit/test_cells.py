"""Tests of the domain's cell widths: what ``smtui today`` and the reports cut by, without
Rich. Checked against Rich's own count, which the screens use."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from smtui.domain.text import cell_width, cut_cells, one_line


@pytest.mark.parametrize(
    "text", ["Maple", "東京のパン", "café", "e\u0301t\u00e9", "😍 ok", "한국어"]
)
def test_cell_width_agrees_with_rich(text: str) -> None:
    assert cell_width(text) == cell_len(text)


def test_cut_cells_never_passes_the_width() -> None:
    assert cut_cells("東京の新しいパン屋", 7) == "東京の…"
    assert cut_cells("東京の新しいパン屋", 8) == "東京の…"  # a wide letter is not split
    assert cut_cells("abc", 3) == "abc"
    assert one_line("Maple and Grain", 7) == "Maple…"
    assert all(cell_width(cut_cells("東京の新しいパン屋" * 3, n)) <= n for n in range(1, 40))
