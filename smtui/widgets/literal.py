"""Provides the one helper that turns outside text into something safe to display.

Text typed by the user or imported from a platform is shown literally: control characters
(terminal escapes, OSC 52) are removed and the result is a Rich ``Text``, which Textual never
parses as markup, so ``[@click=app.quit]`` stays plain characters.
"""

from __future__ import annotations

from rich.text import Text

from smtui.domain.text import one_line, strip_controls


def literal(text: str | None, style: str = "") -> Text:
    """The whole text, cleaned, as plain Rich text."""
    return Text(strip_controls(text or ""), style=style)


def literal_line(text: str | None, width: int | None = None, style: str = "") -> Text:
    """The first line of the text, cleaned and cut to ``width``: for table cells."""
    return Text(one_line(text or "", width), style=style, no_wrap=True)
