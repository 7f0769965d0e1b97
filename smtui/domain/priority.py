"""Provides the priority an item gets at intake: the user's keyword rules first, then a
default per kind (a person waiting in a DM, a question or a review comes before a like).

Keywords match whatever the case and accents ("Remboursement" matches "remboursement",
"REMBOURSÉ" matches "rembourse"), since comments are typed fast on phones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from smtui.domain.enums import InboxKind, Priority
from smtui.domain.inbox import PriorityRule

DEFAULT_PRIORITY: dict[InboxKind, Priority] = {
    InboxKind.DM: Priority.HIGH,
    InboxKind.QUESTION: Priority.HIGH,
    InboxKind.REVIEW: Priority.HIGH,
    InboxKind.COMMENT: Priority.NORMAL,
    InboxKind.MENTION: Priority.NORMAL,
    InboxKind.SHARE: Priority.LOW,
    InboxKind.OUTREACH: Priority.LOW,
}


def fold(text: str) -> str:
    """Lower-case, accents removed: the form both keywords and texts are compared in."""
    if text.isascii():  # nothing to decompose: an import folds a hundred thousand texts
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_MARKS)


class _Marks(dict[int, int | None]):
    """``str.translate``'s table dropping combining marks, filled as characters are met (a
    table of every code point would cost a tenth of a second to build)."""

    def __missing__(self, char: int) -> int | None:
        kept = None if unicodedata.combining(chr(char)) else char
        self[char] = kept
        return kept


_MARKS = _Marks()


# Texts whose rule-given priority one CompiledRules remembers: an import's items repeat a
# few texts ("Thanks!", a share's empty text) far more than they hold distinct ones.
_REMEMBERED_TEXTS = 20_000


class CompiledRules:
    """A brand's keyword rules folded once, for deciding the priority of many items (an
    import folds each keyword once, not once per item, and each repeated text once)."""

    __slots__ = ("_by_text", "_keys", "rules")

    def __init__(self, rules: Sequence[PriorityRule]) -> None:
        self.rules = tuple(rules)
        self._keys = tuple(
            (key, rule) for rule in self.rules if (key := fold(rule.keyword).strip())
        )
        self._by_text: dict[str, Priority | None] = {}

    def matching(self, text: str) -> list[PriorityRule]:
        if not self._keys:
            return []
        folded = fold(text)
        return [rule for key, rule in self._keys if key in folded]

    def priority_for(self, kind: InboxKind, text: str) -> Priority:
        """See :func:`priority_for`."""
        if not self._keys:
            return DEFAULT_PRIORITY[kind]
        try:
            ruled = self._by_text[text]
        except KeyError:
            ruled = self._ruled(text)
            if len(self._by_text) < _REMEMBERED_TEXTS:
                self._by_text[text] = ruled
        return DEFAULT_PRIORITY[kind] if ruled is None else ruled

    def _ruled(self, text: str) -> Priority | None:
        """The most urgent priority of the rules the text matches, None if it matches none."""
        matched = self.matching(text)
        if matched:
            return min((rule.priority for rule in matched), key=lambda priority: priority.rank)
        return None


def matching_rules(text: str, rules: Sequence[PriorityRule]) -> list[PriorityRule]:
    return CompiledRules(rules).matching(text)


def priority_for(kind: InboxKind, text: str, rules: Sequence[PriorityRule]) -> Priority:
    """The most urgent priority among the rules whose keyword the text holds, else the kind's.

    A rule may also lower an item (e.g. "giveaway" -> low): the user's rule wins over the
    default, since the user knows their audience.
    """
    return CompiledRules(rules).priority_for(kind, text)
