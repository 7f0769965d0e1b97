"""Provides the repositories of a brand's working rules and its recurring posting slots."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smtui.domain.i18n import _
from smtui.domain.planning import BrandSettings, RecurringSlot
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import Repository
from smtui.store.tables import BrandSettingsRow, RecurringSlotRow

if TYPE_CHECKING:
    from smtui.store.store import Store


class BrandSettingsRepository:
    """One row per brand, written the first time the user changes a default."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def _model(row: BrandSettingsRow) -> BrandSettings:
        return BrandSettings(
            brand_id=row.brand_id,
            working_hours_enabled=row.working_hours_enabled,
            work_days=row.work_days,
            work_start=row.work_start,
            work_end=row.work_end,
            outreach_per_blog_post=row.outreach_per_blog_post,
            conflict_gap_minutes=row.conflict_gap_minutes,
        )

    def get(self, brand_id: int) -> BrandSettings:
        """The brand's rules, or the defaults when it never changed them."""
        with self.store.read() as session:
            row = session.get(BrandSettingsRow, brand_id)
            return self._model(row) if row else BrandSettings(brand_id=brand_id)

    def get_in(self, session: Session, brand_id: int) -> BrandSettings:
        """The same, inside a transaction another repository already holds."""
        row = session.get(BrandSettingsRow, brand_id)
        return self._model(row) if row else BrandSettings(brand_id=brand_id)

    def save(self, settings: BrandSettings) -> BrandSettings:
        values: dict[str, Any] = {
            "brand_id": settings.brand_id,
            "working_hours_enabled": settings.working_hours_enabled,
            "work_days": ",".join(str(day) for day in settings.work_days),
            "work_start": settings.work_start.strftime("%H:%M"),
            "work_end": settings.work_end.strftime("%H:%M"),
            "outreach_per_blog_post": settings.outreach_per_blog_post,
            "conflict_gap_minutes": settings.conflict_gap_minutes,
        }
        with self.store.write() as session:
            row = session.merge(BrandSettingsRow(**values))
            session.flush()
            return self._model(row)


class RecurringSlotRepository(Repository[RecurringSlot, RecurringSlotRow]):
    row_type = RecurringSlotRow
    model_type = RecurringSlot
    order_by = ("weekday", "time_local", "channel_id")

    def add(self, model: RecurringSlot) -> RecurringSlot:
        try:
            return super().add(model)
        except IntegrityError:
            raise DomainError(
                _("this channel already has a slot at that day and time"), "time_local"
            ) from None

    def for_channel(self, channel_id: int) -> list[RecurringSlot]:
        query = (
            select(RecurringSlotRow)
            .where(RecurringSlotRow.channel_id == channel_id)
            .order_by(RecurringSlotRow.weekday, RecurringSlotRow.time_local)
        )
        with self.store.read() as session:
            return [self.to_model(row) for row in session.scalars(query)]
