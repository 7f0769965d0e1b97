"""Provides the one function that decides what outside text may reach a terminal, and the
cell-width helpers that cut it.

Text typed by the user or imported from a platform may hold terminal escape sequences
(OSC 52 clipboard writes, cursor moves), a carriage return (which sends the cursor back
and hides what came before it), bidi overrides (which make "exe.txt" read "txt.exe") and
zero-width characters (which hide a word inside another). :func:`strip_controls` removes
them all; the screens (``smtui.widgets.literal``), the reports and ``smtui today`` go
through it, then show the result as plain text, never as markup.

Widths are counted in terminal cells, not characters: a CJK letter or most emoji take
two cells, a combining accent none. This is a pure approximation of what the terminal
does (``unicodedata``), so the domain and ``smtui today`` need no Rich.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, and C1 controls (the lone CR is handled first).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates; zero-width spaces, joiners, word joiner, BOM.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")
# A carriage return not ending a Windows line: it separates words, so it becomes a space.
_LONE_CR = re.compile(r"\r(?!\n)")


def strip_controls(text: str) -> str:
    """The text with nothing that could act on the terminal or hide text: control
    characters other than newline and tab, bidi overrides and isolates, zero-width
    characters. A lone carriage return becomes a space (it separated two words), a Windows
    line end a newline."""
    text = _LONE_CR.sub(" ", text).replace("\r\n", "\n")
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def char_cells(char: str) -> int:
    """The terminal cells one character takes: 0 for combining marks, 2 for wide ones."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """The terminal cells ``text`` takes on one line."""
    return sum(char_cells(char) for char in text)


def cut_cells(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis after the last letter kept ("Maple…",
    not "Maple …"); unchanged when it fits. A wide letter that would straddle the edge is
    dropped whole."""
    if cell_width(text) <= width:
        return text
    room = max(width - 1, 0)
    used = 0
    kept = []
    for char in text:
        cells = char_cells(char)
        if used + cells > room:
            break
        kept.append(char)
        used += cells
    return "".join(kept).rstrip() + "…"


def one_line(text: str, width: int | None = None) -> str:
    """The first line of ``text``, cleaned, cut to ``width`` terminal cells with an
    ellipsis."""
    line = strip_controls(text).strip().split("\n", 1)[0].rstrip().replace("\t", " ")
    if width is not None:
        return cut_cells(line, width)
    return line
