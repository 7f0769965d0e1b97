"""Provides the shape every repository shares: rows in, pydantic models out, one
transaction per call, and "not found" as a clear error rather than a None to forget."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from smtui.domain.i18n import _
from smtui.store.errors import NotFoundError
from smtui.store.tables import Base

if TYPE_CHECKING:
    from smtui.store.store import Store


ModelT = TypeVar("ModelT", bound=BaseModel)
RowT = TypeVar("RowT", bound=Base)


class Repository(Generic[ModelT, RowT]):
    """Create, read, update and delete for one brand-owned aggregate.

    Subclasses name their row and model types and, where a column is not a plain copy of a
    field, override :meth:`to_model` and :meth:`to_values`.
    """

    row_type: ClassVar[type[Base]]
    model_type: ClassVar[type[BaseModel]]
    order_by: ClassVar[tuple[str, ...]] = ("id",)

    def __init__(self, store: Store) -> None:
        self.store = store

    def to_model(self, row: RowT) -> ModelT:
        return self.model_type.model_validate(row)  # type: ignore[return-value]

    def to_values(self, model: ModelT, session: Session) -> dict[str, Any]:
        columns = {column.key for column in self.row_type.__table__.columns}  # type: ignore[attr-defined]
        return {
            key: value
            for key, value in model.model_dump().items()
            if key in columns and key != "id"
        }

    def _row(self, session: Session, row_id: int) -> RowT:
        row = session.get(self.row_type, row_id)
        if row is None:
            raise NotFoundError(_("this item no longer exists; it may have been deleted"))
        return row  # type: ignore[return-value]

    def get(self, row_id: int) -> ModelT:
        with self.store.read() as session:
            return self.to_model(self._row(session, row_id))

    def list(self, brand_id: int) -> list[ModelT]:
        table = self.row_type
        order = [getattr(table, name) for name in self.order_by]
        with self.store.read() as session:
            rows = session.scalars(select(table).where(table.brand_id == brand_id).order_by(*order))  # type: ignore[attr-defined]
            return [self.to_model(row) for row in rows]

    def add(self, model: ModelT) -> ModelT:
        with self.store.write() as session:
            row = self.row_type(**self.to_values(model, session))
            session.add(row)
            session.flush()
            return self.to_model(row)  # type: ignore[arg-type]

    def update(self, model: ModelT) -> ModelT:
        if model.id is None:  # type: ignore[attr-defined]
            raise ValueError("update needs a model with an id")
        with self.store.write() as session:
            row = self._row(session, model.id)  # type: ignore[attr-defined]
            for key, value in self.to_values(model, session).items():
                setattr(row, key, value)
            session.flush()
            return self.to_model(row)

    def delete(self, row_id: int) -> None:
        with self.store.write() as session:
            session.delete(self._row(session, row_id))
