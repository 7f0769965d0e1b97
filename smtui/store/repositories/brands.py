"""Provides the brand repository: the workspace's brands and the one made on first run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smtui.domain.i18n import _
from smtui.domain.models import Brand
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import Repository
from smtui.store.tables import BrandRow


class BrandRepository(Repository[Brand, BrandRow]):
    row_type = BrandRow
    model_type = Brand

    def list(self) -> list[Brand]:  # type: ignore[override] - brands belong to nobody
        with self.store.read() as session:
            rows = session.scalars(select(BrandRow).order_by(BrandRow.name, BrandRow.id))
            return [self.to_model(row) for row in rows]

    def to_model(self, row: BrandRow) -> Brand:
        """The brand of ``row``, even when its zone is unknown here (see ``Brand.stored``)."""
        columns = [column.key for column in BrandRow.__table__.columns]
        return Brand.stored(
            {key: getattr(row, key) for key in columns if key in Brand.model_fields}
        )

    def count(self) -> int:
        with self.store.read() as session:
            return session.scalar(select(func.count()).select_from(BrandRow)) or 0

    def to_values(self, model: Brand, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        if model.id is None:
            values["created_at"] = self.store.clock()
        return values

    def _unique(self, action: Any, model: Brand) -> Brand:
        try:
            return action(model)
        except IntegrityError as error:
            raise DomainError(_("a brand with this name already exists"), field="name") from error

    def add(self, model: Brand) -> Brand:
        return self._unique(super().add, model)

    def update(self, model: Brand) -> Brand:
        return self._unique(super().update, model)

    def ensure_one(self, timezone: str) -> Brand:
        """The first brand, created on first run so that every screen has one to show."""
        brands = self.list()
        if brands:
            return brands[0]
        return self.add(Brand(name=_("My brand"), timezone=timezone))
