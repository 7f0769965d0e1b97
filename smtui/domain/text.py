"""Provides the helper that makes text from outside safe to display.

Text typed by the user or imported from a platform may hold terminal escape sequences
(OSC 52 clipboard writes, cursor moves) or Rich markup. Control characters are removed
here; widgets then show the result as plain text, never as markup.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove C0/C1 control characters other than newline and tab."""
    return _CONTROL.sub("", text)


def one_line(text: str, width: int | None = None) -> str:
    """The first line of ``text``, cleaned, cut to ``width`` terminal cells with an ellipsis
    (after the last letter kept: "Maple…", not "Maple …").

    Cells, not characters: an emoji or a CJK letter takes two, and a comment full of them
    cut by characters would run past its column, losing the ellipsis that says it goes on.
    Rich measures them as Textual draws them."""
    line = strip_controls(text).strip().split("\n", 1)[0].rstrip().replace("\t", " ")
    if width is not None and cell_len(line) > width:
        # A wide letter that does not fit is replaced by a space, which rstrip drops.
        return set_cell_size(line, max(width - 1, 0)).rstrip() + "…"
    return line
