"""Provides the command-palette provider that lists the active screen's actions by name.

Every binding with a description becomes a command, so each key a screen offers is also
reachable by typing its name, without a second list to keep in sync.
"""

from __future__ import annotations

from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


class ScreenActionsProvider(Provider):
    """The app's own actions come from ``App.get_system_commands``; this adds the screen's."""

    def _commands(self) -> list[tuple[str, DOMNode, str, str]]:
        result: list[tuple[str, DOMNode, str, str]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if isinstance(active.node, App) or not binding.description or binding.system:
                continue
            if not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            result.append((binding.description, active.node, binding.action, binding.tooltip))
        return result

    async def discover(self) -> Hits:
        for name, node, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(node.run_action, action), help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, node, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                command = partial(node.run_action, action)
                yield Hit(score, matcher.highlight(name), command, help=help_text or None)
