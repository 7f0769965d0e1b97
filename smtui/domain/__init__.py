"""Provides the pure domain of smtui: models, vocabularies and rules, with no I/O.

Nothing here imports Textual, Rich, SQLAlchemy or any other part of smtui; an import-linter
contract checks it. Names are loaded on first use, so that importing a light module such as
``smtui.domain.i18n`` (which the CLI does at start-up) does not load pydantic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Clock": "clock",
    "now": "clock",
    "CadencePeriod": "enums",
    "ChannelStatus": "enums",
    "InboxKind": "enums",
    "InboxStatus": "enums",
    "MetricFrequency": "enums",
    "ObjectiveStatus": "enums",
    "ObjectiveType": "enums",
    "Platform": "enums",
    "PostStatus": "enums",
    "Priority": "enums",
    "_": "i18n",
    "Brand": "models",
    "Channel": "models",
    "Metric": "models",
    "Objective": "models",
    "Persona": "models",
    "Pillar": "models",
    "DomainError": "validation",
    "field_errors": "validation",
}

__all__ = [  # noqa: RUF022 - grouped as _EXPORTS is
    "Clock",
    "now",
    "CadencePeriod",
    "ChannelStatus",
    "InboxKind",
    "InboxStatus",
    "MetricFrequency",
    "ObjectiveStatus",
    "ObjectiveType",
    "Platform",
    "PostStatus",
    "Priority",
    "_",
    "Brand",
    "Channel",
    "Metric",
    "Objective",
    "Persona",
    "Pillar",
    "DomainError",
    "field_errors",
]

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'smtui.domain' has no attribute {name!r}")
    return getattr(import_module(f"smtui.domain.{_EXPORTS[name]}"), name)
