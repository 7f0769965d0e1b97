"""Provides the command-palette providers: the active screen's actions by name, and the
brands by name.

Every binding with a description becomes a command, so each key a screen offers is also
reachable by typing its name, without a second list to keep in sync. Brand names are the
user's text: they are shown literally (Textual's own highlighter parses markup).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from smtui.domain.i18n import _
from smtui.domain.text import one_line
from smtui.widgets.literal import literal_line, literal_match

if TYPE_CHECKING:
    from smtui.app import SmtuiApp


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
            yield DiscoveryHit(
                literal_line(name),
                partial(node.run_action, action),
                text=name,
                help=help_text or None,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, node, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                command = partial(node.run_action, action)
                display = literal_match(matcher, name)
                yield Hit(score, display, command, text=name, help=help_text or None)


class BrandsProvider(Provider):
    """Typing part of a brand's name shows that brand: a freelancer with several client
    brands switches without opening the picker."""

    async def search(self, query: str) -> Hits:
        app = cast("SmtuiApp", self.app)
        matcher = self.matcher(query)
        for brand in app.store.brands.list():
            if brand.id == app.brand.id:
                continue
            name = _("Show brand: {name}").format(name=one_line(brand.name))
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    literal_match(matcher, name),
                    partial(app.set_brand, brand),
                    text=name,
                    help=_("Show this brand on every screen"),
                )
