"""Provides what intake applies to a new item: its response target and its priority,
both decided once, when the item arrives (a later change of rules does not move old items)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from smtui.domain.enums import InboxKind, Priority
from smtui.domain.inbox import InboxItem, PriorityRule, ResponseTarget
from smtui.domain.planning import BrandSettings
from smtui.domain.priority import CompiledRules
from smtui.domain.response_time import DueTimes, target_minutes


@dataclass(frozen=True, slots=True)
class IntakeRules:
    """A brand's targets, working hours and keyword rules, read once per import."""

    settings: BrandSettings
    timezone: str
    targets: Sequence[ResponseTarget] = ()
    rules: Sequence[PriorityRule] = ()
    # Folded, placed or looked up once, not once per item of an import: the keywords, the
    # working days, and the target of each kind and channel.
    compiled: CompiledRules = field(init=False, repr=False, compare=False)
    due_times: DueTimes = field(init=False, repr=False, compare=False)
    _minutes: dict[tuple[InboxKind, int | None], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", CompiledRules(self.rules))
        object.__setattr__(self, "due_times", DueTimes(self.settings, self.timezone))
        object.__setattr__(self, "_minutes", {})

    def target(self, kind: InboxKind, channel_id: int | None) -> int:
        """The item's response target in minutes (see :func:`target_minutes`)."""
        key = (kind, channel_id)
        minutes = self._minutes.get(key)
        if minutes is None:
            minutes = self._minutes[key] = target_minutes(kind, channel_id, self.targets)
        return minutes

    def decide(self, item: InboxItem, *, keep_priority: bool = False) -> tuple[datetime, Priority]:
        """The item's due time (its own, if set) and priority (its own, if ``keep_priority``):
        what :meth:`apply` sets, for an import that writes rows without copying models."""
        due = item.due_at
        if due is None:
            due = self.due_times(item.received_at, self.target(item.kind, item.channel_id))
        priority = (
            item.priority if keep_priority else self.compiled.priority_for(item.kind, item.text)
        )
        return due, priority

    def apply(self, item: InboxItem, *, keep_priority: bool = False) -> InboxItem:
        """The item with its due time (unless set) and its priority (unless ``keep_priority``)."""
        changes: dict[str, object] = {}
        if item.due_at is None:
            minutes = self.target(item.kind, item.channel_id)
            changes["due_at"] = self.due_times(item.received_at, minutes)
        if not keep_priority:
            changes["priority"] = self.compiled.priority_for(item.kind, item.text)
        return item.model_copy(update=changes) if changes else item
