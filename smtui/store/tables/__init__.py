"""Provides every table of the smtui schema; importing this package fills ``Base.metadata``."""

from smtui.store.tables.audit import AuditItemRow, AuditRunRow, CompetitorObservationRow
from smtui.store.tables.base import Base, UTCDateTime
from smtui.store.tables.imports import ImportRunRow, InboxImportRow, PostImportRow
from smtui.store.tables.inbox import (
    FeedEntryRow,
    FeedRow,
    InboxEventRow,
    InboxItemRow,
    PriorityRuleRow,
    ResponseTargetRow,
    SavedReplyRow,
)
from smtui.store.tables.posts import MetricValueRow, PostMetricRow, PostRow, RecurringSlotRow
from smtui.store.tables.strategy import (
    BrandRow,
    BrandSettingsRow,
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
    "BrandSettingsRow",
    "ChannelRow",
    "CompetitorObservationRow",
    "FeedEntryRow",
    "FeedRow",
    "ImportRunRow",
    "InboxEventRow",
    "InboxImportRow",
    "InboxItemRow",
    "MetricRow",
    "MetricValueRow",
    "ObjectiveRow",
    "PersonaRow",
    "PillarRow",
    "PostImportRow",
    "PostMetricRow",
    "PostRow",
    "PriorityRuleRow",
    "RecurringSlotRow",
    "ResponseTargetRow",
    "SavedReplyRow",
    "SettingRow",
    "UTCDateTime",
]
