"""Provides the repositories of the audit: dated runs with their items, and the
competitor benchmark's observations.

Runs are history: starting a run always inserts a new one, and nothing here rewrites an
item's text, key or section once the run exists.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select

from smtui.domain.audit import (
    AuditItem,
    AuditRun,
    CompetitorChange,
    CompetitorObservation,
    change_since,
    expand,
    load_template,
)
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.store.repositories.base import NotFoundError, Repository
from smtui.store.tables import (
    AuditItemRow,
    AuditRunRow,
    ChannelRow,
    CompetitorObservationRow,
)

# What a user may change on an item; the rest is fixed when the run is started.
_EDITABLE = ("done", "note", "evidence_url", "due_date", "owner")


class AuditRepository(Repository[AuditRun, AuditRunRow]):
    row_type = AuditRunRow
    model_type = AuditRun
    order_by = ("started_on", "id")

    def start_run(self, brand_id: int, title: str, started_on: date) -> AuditRun:
        """A new run holding the built-in template expanded for the brand's channels.

        One transaction, so a run never exists half-filled; the model is validated first so
        that a blank title is refused before anything is written.
        """
        template = load_template()
        run = AuditRun(
            brand_id=brand_id,
            title=title,
            started_on=started_on,
            template_version=template.version,
        )
        with self.store.write() as session:
            channel_rows = session.scalars(
                select(ChannelRow)
                .where(ChannelRow.brand_id == brand_id)
                .order_by(ChannelRow.platform, ChannelRow.handle, ChannelRow.id)
            )
            channels = [Channel.model_validate(row) for row in channel_rows]
            row = AuditRunRow(**run.model_dump(exclude={"id"}))
            session.add(row)
            session.flush()
            session.add_all(
                AuditItemRow(
                    run_id=row.id,
                    key=spec.key,
                    section=spec.section,
                    position=spec.position,
                    text=spec.text,
                    source=spec.source,
                    channel_id=spec.channel_id,
                )
                for spec in expand(template, channels)
            )
            session.flush()
            return self.to_model(row)

    def list_runs(self, brand_id: int) -> list[AuditRun]:
        """Newest first: the run in progress, then the history (ix_audit_run_brand_started)."""
        with self.store.read() as session:
            rows = session.scalars(
                select(AuditRunRow)
                .where(AuditRunRow.brand_id == brand_id)
                .order_by(AuditRunRow.started_on.desc(), AuditRunRow.id.desc())
            )
            return [self.to_model(row) for row in rows]

    def items(self, run_id: int) -> list[AuditItem]:
        """The run's items in template order (positions run across sections)."""
        with self.store.read() as session:
            rows = session.scalars(
                select(AuditItemRow)
                .where(AuditItemRow.run_id == run_id)
                .order_by(AuditItemRow.position, AuditItemRow.id)
            )
            return [AuditItem.model_validate(row) for row in rows]

    def update_item(self, item: AuditItem) -> AuditItem:
        """Save a tick, note, evidence URL, owner or due date; nothing else can change."""
        if item.id is None:
            raise ValueError("update_item needs an item with an id")
        with self.store.write() as session:
            row = session.get(AuditItemRow, item.id)
            if row is None:
                raise NotFoundError(_("this item no longer exists; it may have been deleted"))
            for name in _EDITABLE:
                setattr(row, name, getattr(item, name))
            session.flush()
            return AuditItem.model_validate(row)

    def finish_run(self, run_id: int, at: datetime) -> AuditRun:
        with self.store.write() as session:
            row = self._row(session, run_id)
            row.finished_at = at
            session.flush()
            return self.to_model(row)

    def previous_run(self, run_id: int) -> AuditRun | None:
        """The brand's run started just before this one, to compare with."""
        with self.store.read() as session:
            current = self._row(session, run_id)
            row = session.scalar(
                select(AuditRunRow)
                .where(
                    AuditRunRow.brand_id == current.brand_id,
                    or_(
                        AuditRunRow.started_on < current.started_on,
                        and_(
                            AuditRunRow.started_on == current.started_on,
                            AuditRunRow.id < current.id,
                        ),
                    ),
                )
                .order_by(AuditRunRow.started_on.desc(), AuditRunRow.id.desc())
                .limit(1)
            )
            return self.to_model(row) if row is not None else None

    def actions_due(self, brand_id: int, on_or_before: date) -> list[AuditItem]:
        """Open action items of every run of the brand due by ``on_or_before``, soonest first."""
        with self.store.read() as session:
            rows = session.scalars(
                select(AuditItemRow)
                .join(AuditRunRow, AuditRunRow.id == AuditItemRow.run_id)
                .where(
                    AuditRunRow.brand_id == brand_id,
                    AuditItemRow.due_date.is_not(None),
                    AuditItemRow.due_date <= on_or_before,
                    AuditItemRow.done.is_(False),
                )
                .order_by(AuditItemRow.due_date, AuditItemRow.id)
            )
            return [AuditItem.model_validate(row) for row in rows]


class CompetitorRepository(Repository[CompetitorObservation, CompetitorObservationRow]):
    row_type = CompetitorObservationRow
    model_type = CompetitorObservation
    order_by = ("name", "platform", "observed_on", "id")

    def latest_with_change(self, brand_id: int) -> list[CompetitorChange]:
        """Per competitor and platform, the latest observation and the change since the
        one before. A window function keeps the query to two rows per pair, however long
        the history grows."""
        table = CompetitorObservationRow
        rank = (
            func.row_number()
            .over(
                partition_by=(table.name, table.platform),
                order_by=(table.observed_on.desc(), table.id.desc()),
            )
            .label("rank")
        )
        ranked = select(table.id, rank).where(table.brand_id == brand_id).subquery()
        query = (
            select(table, ranked.c.rank)
            .join(ranked, ranked.c.id == table.id)
            .where(ranked.c.rank <= 2)
            .order_by(table.name, table.platform, ranked.c.rank)
        )
        pairs: dict[tuple[str, str], list[CompetitorObservation]] = defaultdict(list)
        with self.store.read() as session:
            for row, _rank in session.execute(query):
                pairs[(row.name, row.platform)].append(self.to_model(row))
        return [
            change_since(observations[0], observations[1] if len(observations) > 1 else None)
            for observations in pairs.values()
        ]
