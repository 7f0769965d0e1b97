"""Provides the check that keeps type-ahead from opening a second modal.

Keys typed quickly (or pasted) can reach the Audit screen after a form was pushed but
before it took the focus; without this check, "eo" would open two forms with the same ids
one over the other. A modal opens only while the screen it comes from is on top.
"""

from __future__ import annotations

from textual.dom import DOMNode


def on_top(node: DOMNode) -> bool:
    """Whether ``node``'s screen is the one the user sees (no modal above it yet)."""
    return node.app.screen is node.screen
