"""Provides the one escaping of outside text for the Markdown reports (the KPI report and
the audit report).

A report is read and forwarded (a client, a manager, a wiki), and any editor or forge
renders it: a post titled ``<script>…`` or ``**bold**`` must show those characters, a
note holding "|" must not split its table row, one starting with "#" must not become a
heading. Every piece of text from the workspace (titles, names, notes, metric names) goes
through :func:`md_text`, so both reports escape alike.
"""

from __future__ import annotations

import re

from smtui.domain.text import cut_cells, strip_controls

# Characters that mean something inline in CommonMark / GFM, wherever they appear.
_INLINE = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
# What means something only at the start of a line: headings, lists, quotes, rules.
_LINE_START = re.compile(r"^(\s*)(?:(\d+)([.)])|([#+\-=]))")


def md_text(text: str | None, width: int | None = None) -> str:
    """One line of outside text, safe inside a paragraph, a list item or a table cell: its
    lines joined with " / ", cut to ``width`` cells when given (before escaping, so that a
    cut never splits an escape), Markdown characters escaped."""
    lines = strip_controls(text or "").replace("\t", " ").split("\n")
    cleaned = " / ".join(line.strip() for line in lines if line.strip())
    if width is not None:
        cleaned = cut_cells(cleaned, width)
    escaped = _INLINE.sub(r"\\\1", cleaned)
    return _LINE_START.sub(_escape_start, escaped)


def md_cell(text: str | None, width: int = 60) -> str:
    """A table cell showing ``text`` literally, "—" when there is none."""
    return md_text(text, width) or "—"


def _escape_start(match: re.Match[str]) -> str:
    """ "#" becomes "\\#"; "1." becomes "1\\." (a backslash before a digit is literal)."""
    space, digits, dot, mark = match.groups()
    return space + (digits + "\\" + dot if digits else "\\" + mark)


def md_url(url: str) -> str:
    """An autolink; the URL was validated (http or https, no spaces) when it was saved."""
    return "<" + strip_controls(url).replace("<", "%3C").replace(">", "%3E") + ">"
