"""Keeps a no-break space unbroken when text wraps.

French puts a no-break space (U+00A0, or the narrow U+202F) before : ; ? ! and %, and
inside « ». Rich (and so Textual's Content) wraps at every ``\\s``, and Python's ``\\s``
matches those spaces too, so a wrapped "cible 50 %" ended a line on "50" and began the
next on "%)". This module has the wrapper treat them as part of the word. English text
has no such space, so it wraps exactly as before.
"""

from __future__ import annotations

import re

import rich._wrap

# Whitespace a line may break at: every \s except the no-break spaces.
_BREAKABLE = r"[^\S\u00a0\u202f]"
_UNBREAKABLE = r"[\S\u00a0\u202f]"


def keep_no_break_spaces() -> None:
    """Make Rich's word splitter (used by Textual's Content too) keep no-break spaces.

    A private name of Rich: should a release rename it, French text wraps as Rich wraps it
    (at those spaces too) rather than the app failing to start; a test says so."""
    if isinstance(getattr(rich._wrap, "re_word", None), re.Pattern):
        rich._wrap.re_word = re.compile(f"{_BREAKABLE}*{_UNBREAKABLE}+{_BREAKABLE}*")


keep_no_break_spaces()
