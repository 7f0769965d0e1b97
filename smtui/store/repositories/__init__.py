"""Provides one repository per aggregate; each hands out pydantic models, never rows."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smtui.store.repositories.audit import AuditRepository, CompetitorRepository
    from smtui.store.repositories.base import NotFoundError, Repository
    from smtui.store.repositories.brands import BrandRepository
    from smtui.store.repositories.feeds import FeedRepository
    from smtui.store.repositories.inbox import InboxRepository
    from smtui.store.repositories.metric_values import MetricValueRepository
    from smtui.store.repositories.planning import BrandSettingsRepository, RecurringSlotRepository
    from smtui.store.repositories.post_import import PostImportRepository
    from smtui.store.repositories.post_metrics import PostMetricRepository
    from smtui.store.repositories.posts import PostRepository
    from smtui.store.repositories.queue_rules import (
        PriorityRuleRepository,
        ResponseTargetRepository,
    )
    from smtui.store.repositories.saved_replies import SavedReplyRepository
    from smtui.store.repositories.strategy import (
        ChannelRepository,
        MetricRepository,
        ObjectiveRepository,
        PersonaRepository,
        PillarRepository,
        SettingRepository,
    )

# Where each name lives: a module is imported when one of its names is first asked for, so
# that importing the store (``smtui today``, the first screen) loads only what it uses.
_HOMES = {
    "AuditRepository": "audit",
    "CompetitorRepository": "audit",
    "NotFoundError": "base",
    "Repository": "base",
    "BrandRepository": "brands",
    "FeedRepository": "feeds",
    "InboxRepository": "inbox",
    "MetricValueRepository": "metric_values",
    "BrandSettingsRepository": "planning",
    "RecurringSlotRepository": "planning",
    "PostImportRepository": "post_import",
    "PostMetricRepository": "post_metrics",
    "PostRepository": "posts",
    "PriorityRuleRepository": "queue_rules",
    "ResponseTargetRepository": "queue_rules",
    "SavedReplyRepository": "saved_replies",
    "ChannelRepository": "strategy",
    "MetricRepository": "strategy",
    "ObjectiveRepository": "strategy",
    "PersonaRepository": "strategy",
    "PillarRepository": "strategy",
    "SettingRepository": "strategy",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AuditRepository",
    "BrandRepository",
    "BrandSettingsRepository",
    "ChannelRepository",
    "CompetitorRepository",
    "FeedRepository",
    "InboxRepository",
    "MetricRepository",
    "MetricValueRepository",
    "NotFoundError",
    "ObjectiveRepository",
    "PersonaRepository",
    "PillarRepository",
    "PostImportRepository",
    "PostMetricRepository",
    "PostRepository",
    "PriorityRuleRepository",
    "RecurringSlotRepository",
    "Repository",
    "ResponseTargetRepository",
    "SavedReplyRepository",
    "SettingRepository",
]
