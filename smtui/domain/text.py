"""Provides the helper that makes text from outside safe to display.

Text typed by the user or imported from a platform may hold terminal escape sequences
(OSC 52 clipboard writes, cursor moves) or Rich markup. Control characters are removed
here; widgets then show the result as plain text, never as markup.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove C0/C1 control characters other than newline and tab."""
    return _CONTROL.sub("", text)


def one_line(text: str, width: int | None = None) -> str:
    """The first line of ``text``, cleaned, cut to ``width`` characters with an ellipsis
    (after the last letter kept: "Maple…", not "Maple …")."""
    line = strip_controls(text).strip().split("\n", 1)[0].rstrip().replace("\t", " ")
    if width is not None and len(line) > width:
        return line[: max(width - 1, 0)].rstrip() + "…"
    return line
