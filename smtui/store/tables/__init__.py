"""Provides every table of the smtui schema; importing this package fills ``Base.metadata``."""

from smtui.store.tables.audit import AuditItemRow, AuditRunRow, CompetitorObservationRow
from smtui.store.tables.base import Base, UTCDateTime
from smtui.store.tables.inbox import FeedEntryRow, FeedRow, InboxItemRow, SavedReplyRow
from smtui.store.tables.posts import MetricValueRow, PostMetricRow, PostRow
from smtui.store.tables.strategy import (
    BrandRow,
    ChannelRow,
    MetricRow,
    ObjectiveRow,
    PersonaRow,
    PillarRow,
    SettingRow,
)

__all__ = [
    "AuditItemRow",
    "AuditRunRow",
    "Base",
    "BrandRow",
    "ChannelRow",
    "CompetitorObservationRow",
    "FeedEntryRow",
    "FeedRow",
    "InboxItemRow",
    "MetricRow",
    "MetricValueRow",
    "ObjectiveRow",
    "PersonaRow",
    "PillarRow",
    "PostMetricRow",
    "PostRow",
    "SavedReplyRow",
    "SettingRow",
    "UTCDateTime",
]
