"""Provides the pure domain of smtui: models, vocabularies and rules, with no I/O.

Nothing here imports Textual, Rich, SQLAlchemy or any other part of smtui; an import-linter
contract checks it.
"""

from smtui.domain.clock import Clock, now
from smtui.domain.enums import (
    CadencePeriod,
    ChannelStatus,
    InboxKind,
    InboxStatus,
    MetricFrequency,
    ObjectiveStatus,
    ObjectiveType,
    Platform,
    PostStatus,
    Priority,
)
from smtui.domain.i18n import _
from smtui.domain.models import Brand, Channel, Metric, Objective, Persona, Pillar
from smtui.domain.validation import DomainError, field_errors

__all__ = [
    "Brand",
    "CadencePeriod",
    "Channel",
    "ChannelStatus",
    "Clock",
    "DomainError",
    "InboxKind",
    "InboxStatus",
    "Metric",
    "MetricFrequency",
    "Objective",
    "ObjectiveStatus",
    "ObjectiveType",
    "Persona",
    "Pillar",
    "Platform",
    "PostStatus",
    "Priority",
    "_",
    "field_errors",
    "now",
]
