"""Provides the repositories of the strategy's lists: channels, objectives, personas,
pillars, metrics, and the workspace settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from smtui.domain.enums import ChannelStatus, MetricFrequency
from smtui.domain.i18n import _
from smtui.domain.models import Channel, Metric, Objective, Persona, Pillar
from smtui.domain.pillars import preset
from smtui.store.repositories.base import Repository
from smtui.store.tables import (
    ChannelRow,
    MetricRow,
    ObjectiveRow,
    PersonaRow,
    PillarRow,
    SettingRow,
)


class ChannelRepository(Repository[Channel, ChannelRow]):
    row_type = ChannelRow
    model_type = Channel
    order_by = ("platform", "handle", "id")

    def set_status(self, channel_id: int, status: ChannelStatus) -> Channel:
        """A finding of the audit: mark the account to update, delete or report."""
        with self.store.write() as session:
            row = self._row(session, channel_id)
            row.status = status.value
            return self.to_model(row)


class MetricRepository(Repository[Metric, MetricRow]):
    row_type = MetricRow
    model_type = Metric
    order_by = ("name", "id")

    def find_or_create(self, session: Session, brand_id: int, name: str) -> MetricRow:
        """The brand's metric called ``name``; made on the spot when an objective names it."""
        row = session.scalar(
            select(MetricRow).where(MetricRow.brand_id == brand_id, MetricRow.name == name)
        )
        if row is None:
            row = MetricRow(brand_id=brand_id, name=name, frequency=MetricFrequency.WEEKLY.value)
            session.add(row)
            session.flush()
        return row


class ObjectiveRepository(Repository[Objective, ObjectiveRow]):
    row_type = ObjectiveRow
    model_type = Objective
    order_by = ("due_date", "id")

    def to_model(self, row: ObjectiveRow) -> Objective:
        model = Objective.model_validate(row)
        model.metric_name = row.metric.name if row.metric else None
        return model

    def to_values(self, model: Objective, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        # Set the relationship, not only the key, so that the row handed back after an
        # update names its new metric instead of the one loaded with it.
        values.pop("metric_id", None)
        values["metric"] = (
            self.store.metrics.find_or_create(session, model.brand_id, model.metric_name)
            if model.metric_name
            else None
        )
        return values


class PersonaRepository(Repository[Persona, PersonaRow]):
    row_type = PersonaRow
    model_type = Persona
    order_by = ("name", "id")

    def to_values(self, model: Persona, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        values["platforms"] = ",".join(platform.value for platform in model.platforms)
        return values


class PillarRepository(Repository[Pillar, PillarRow]):
    row_type = PillarRow
    model_type = Pillar

    def apply_preset(self, brand_id: int, key: str) -> list[Pillar]:
        """Replace the brand's pillars with a preset's, in one transaction.

        Posts that pointed at a removed pillar keep their text and lose only the link.
        """
        chosen = preset(key)
        with self.store.write() as session:
            session.execute(delete(PillarRow).where(PillarRow.brand_id == brand_id))
            rows = [
                PillarRow(
                    brand_id=brand_id,
                    name=_(item.name),
                    description=_(item.description),
                    target_share=item.share,
                    colour=item.colour,
                )
                for item in chosen.pillars
            ]
            session.add_all(rows)
            session.flush()
            return [self.to_model(row) for row in rows]


class SettingRepository:
    """Workspace preferences as text values under fixed keys."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def get(self, key: str, default: str | None = None) -> str | None:
        with self.store.read() as session:
            row = session.get(SettingRow, key)
            return row.value if row else default

    def set(self, key: str, value: str) -> None:
        with self.store.write() as session:
            session.merge(SettingRow(key=key, value=value))
