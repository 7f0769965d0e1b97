"""Provides the saved replies repository (``store.saved_replies``): the brand's answer
templates, searchable by name, tag, language or text in SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from smtui.domain.inbox import tags_column
from smtui.domain.replies import SavedReply
from smtui.store.repositories.base import Repository
from smtui.store.tables import SavedReplyRow


class SavedReplyRepository(Repository[SavedReply, SavedReplyRow]):
    row_type = SavedReplyRow
    model_type = SavedReply
    order_by = ("name", "id")

    def to_values(self, model: SavedReply, session: Session) -> dict[str, Any]:
        values = super().to_values(model, session)
        values["tags"] = tags_column(model.tags)
        return values

    def search(self, brand_id: int, query: str = "", limit: int = 200) -> list[SavedReply]:
        """The replies whose name, tags, language or text hold every word of ``query``."""
        conditions = [SavedReplyRow.brand_id == brand_id]
        for word in query.split():
            conditions.append(
                or_(
                    SavedReplyRow.name.icontains(word, autoescape=True),
                    SavedReplyRow.tags.icontains(word, autoescape=True),
                    SavedReplyRow.language.icontains(word, autoescape=True),
                    SavedReplyRow.text.icontains(word, autoescape=True),
                )
            )
        statement = (
            select(SavedReplyRow)
            .where(*conditions)
            .order_by(SavedReplyRow.name, SavedReplyRow.id)
            .limit(limit)
        )
        with self.store.read() as session:
            return [self.to_model(row) for row in session.scalars(statement)]
