"""Provides one repository per aggregate; each hands out pydantic models, never rows."""

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
from smtui.store.repositories.queue_rules import PriorityRuleRepository, ResponseTargetRepository
from smtui.store.repositories.saved_replies import SavedReplyRepository
from smtui.store.repositories.strategy import (
    ChannelRepository,
    MetricRepository,
    ObjectiveRepository,
    PersonaRepository,
    PillarRepository,
    SettingRepository,
)

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
