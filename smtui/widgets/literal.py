"""Provides the one helper that turns outside text into something safe to display.

Text typed by the user or imported from a platform is shown literally: control characters
(terminal escapes, OSC 52) are removed and the result is a Rich ``Text`` or a Textual
``Content``, which Textual never parses as markup, so ``[@click=app.quit]`` stays plain
characters. A plain ``str`` handed to ``Static``, ``Label``, ``Option``, ``Select``, a
DataTable cell, ``notify`` or the command palette *is* parsed as markup: that is why every
piece of outside text goes through one of these functions first.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.content import Content
from textual.fuzzy import Matcher

from smtui.domain.text import one_line, strip_controls


def literal(text: str | None, style: str = "") -> Text:
    """The whole text, cleaned, as plain Rich text."""
    return Text(strip_controls(text or ""), style=style)


def literal_line(text: str | None, width: int | None = None, style: str = "") -> Text:
    """The first line of the text, cleaned and cut to ``width`` terminal cells with an
    ellipsis: for table cells and options.

    Cells, not characters: an emoji or a CJK letter takes two, and a comment full of them
    cut by characters ran past its column and lost the ellipsis that says it goes on."""
    line = one_line(text or "")
    if width is not None and cell_len(line) > width:
        # A wide letter cut in half becomes a space, which rstrip drops with the others.
        line = set_cell_size(line, max(width - 1, 0)).rstrip() + "…"
    return Text(line, style=style, no_wrap=True)


def editable(text: str | None) -> str:
    """The text to put in an ``Input`` or ``TextArea``: those do not parse markup, but they
    would write a stored escape sequence to the terminal as it is."""
    return strip_controls(text or "")


def literal_match(matcher: Matcher, text: str) -> Content:
    """A command-palette prompt with the letters the query matched highlighted, built without
    markup (``Matcher.highlight`` parses its candidate as markup)."""
    line = one_line(text)
    content = Content(line)
    score, offsets = matcher.fuzzy_search.match(matcher.query, line)
    if not score:
        return content
    for offset in offsets:
        if not line[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
