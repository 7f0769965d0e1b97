"""Provides one repository per aggregate; each hands out pydantic models, never rows."""

from smtui.store.repositories.base import NotFoundError, Repository
from smtui.store.repositories.brands import BrandRepository
from smtui.store.repositories.strategy import (
    ChannelRepository,
    MetricRepository,
    ObjectiveRepository,
    PersonaRepository,
    PillarRepository,
    SettingRepository,
)

__all__ = [
    "BrandRepository",
    "ChannelRepository",
    "MetricRepository",
    "NotFoundError",
    "ObjectiveRepository",
    "PersonaRepository",
    "PillarRepository",
    "Repository",
    "SettingRepository",
]
