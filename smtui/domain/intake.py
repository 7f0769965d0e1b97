"""Provides what intake applies to a new item: its response target and its priority,
both decided once, when the item arrives (a later change of rules does not move old items)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from smtui.domain.enums import Priority
from smtui.domain.inbox import InboxItem, PriorityRule, ResponseTarget
from smtui.domain.planning import BrandSettings
from smtui.domain.priority import CompiledRules
from smtui.domain.response_time import due_at, target_minutes


@dataclass(frozen=True, slots=True)
class IntakeRules:
    """A brand's targets, working hours and keyword rules, read once per import."""

    settings: BrandSettings
    timezone: str
    targets: Sequence[ResponseTarget] = ()
    rules: Sequence[PriorityRule] = ()
    # The keywords folded once, not once per item of an import.
    compiled: CompiledRules = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", CompiledRules(self.rules))

    def decide(self, item: InboxItem, *, keep_priority: bool = False) -> tuple[datetime, Priority]:
        """The item's due time (its own, if set) and priority (its own, if ``keep_priority``):
        what :meth:`apply` sets, for an import that writes rows without copying models."""
        due = item.due_at
        if due is None:
            minutes = target_minutes(item.kind, item.channel_id, self.targets)
            due = due_at(item.received_at, minutes, self.settings, self.timezone)
        priority = (
            item.priority if keep_priority else self.compiled.priority_for(item.kind, item.text)
        )
        return due, priority

    def apply(self, item: InboxItem, *, keep_priority: bool = False) -> InboxItem:
        """The item with its due time (unless set) and its priority (unless ``keep_priority``)."""
        changes: dict[str, object] = {}
        if item.due_at is None:
            minutes = target_minutes(item.kind, item.channel_id, self.targets)
            changes["due_at"] = due_at(item.received_at, minutes, self.settings, self.timezone)
        if not keep_priority:
            changes["priority"] = self.compiled.priority_for(item.kind, item.text)
        return item.model_copy(update=changes) if changes else item
