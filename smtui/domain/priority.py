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
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matching_rules(text: str, rules: Sequence[PriorityRule]) -> list[PriorityRule]:
    folded = fold(text)
    return [rule for rule in rules if (key := fold(rule.keyword).strip()) and key in folded]


def priority_for(kind: InboxKind, text: str, rules: Sequence[PriorityRule]) -> Priority:
    """The most urgent priority among the rules whose keyword the text holds, else the kind's.

    A rule may also lower an item (e.g. "giveaway" -> low): the user's rule wins over the
    default, since the user knows their audience.
    """
    matched = matching_rules(text, rules)
    if matched:
        return min((rule.priority for rule in matched), key=lambda priority: priority.rank)
    return DEFAULT_PRIORITY[kind]
