"""Provides one repository per aggregate; each hands out pydantic models, never rows."""

from smtui.store.repositories.audit import AuditRepository, CompetitorRepository
from smtui.store.repositories.base import NotFoundError, Repository
from smtui.store.repositories.brands import BrandRepository
from smtui.store.repositories.planning import BrandSettingsRepository, RecurringSlotRepository
from smtui.store.repositories.post_import import PostImportRepository
from smtui.store.repositories.posts import PostRepository
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
    "MetricRepository",
    "NotFoundError",
    "ObjectiveRepository",
    "PersonaRepository",
    "PillarRepository",
    "PostImportRepository",
    "PostRepository",
    "RecurringSlotRepository",
    "Repository",
    "SettingRepository",
]
