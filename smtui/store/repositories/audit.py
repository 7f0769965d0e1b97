"""Provides the repositories of the audit: dated runs with their items, and the
competitor benchmark's observations.

Runs are history: starting a run always inserts a new one, and nothing here rewrites an
item's text, key or section once the run exists.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select

from smtui.domain.audit import (
    AuditRun,
    CompetitorChange,
    CompetitorObservation,
    Progress,
    RunSummary,
    SectionProgress,
    change_since,
    expand,
    load_template,
)
from smtui.domain.audit_items import AuditAction, AuditItem
from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import NotFoundError, Repository
from smtui.store.tables import (
    AuditItemRow,
    AuditRunRow,
    ChannelRow,
    CompetitorObservationRow,
)

# What a user may change on an item; the rest is fixed when the run is started.
_EDITABLE = ("done", "note", "evidence_url", "due_date", "owner")

# How many runs the runs list shows: a quarterly audit fills it in fifty years.
RUNS_SHOWN = 200

_DONE = case((AuditItemRow.done.is_(True), 1), else_=0)
_OPEN_ACTION = case(
    (and_(AuditItemRow.due_date.is_not(None), AuditItemRow.done.is_(False)), 1), else_=0
)


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

    def list_runs(self, brand_id: int, limit: int = RUNS_SHOWN) -> list[AuditRun]:
        """Newest first: the run in progress, then the history (ix_audit_run_brand_started)."""
        with self.store.read() as session:
            rows = session.scalars(
                select(AuditRunRow)
                .where(AuditRunRow.brand_id == brand_id)
                .order_by(AuditRunRow.started_on.desc(), AuditRunRow.id.desc())
                .limit(limit)
            )
            return [self.to_model(row) for row in rows]

    def latest_run(self, brand_id: int) -> AuditRun | None:
        """The run the Audit screen opens on: the one started last."""
        runs = self.list_runs(brand_id, limit=1)
        return runs[0] if runs else None

    def run_summaries(self, brand_id: int, limit: int = RUNS_SHOWN) -> list[RunSummary]:
        """Newest first, each run with its ticks, items and open actions counted in SQL."""
        counts = (
            select(
                AuditItemRow.run_id.label("run_id"),
                func.count(AuditItemRow.id).label("total"),
                func.coalesce(func.sum(_DONE), 0).label("done"),
                func.coalesce(func.sum(_OPEN_ACTION), 0).label("open_actions"),
            )
            .group_by(AuditItemRow.run_id)
            .subquery()
        )
        query = (
            select(AuditRunRow, counts.c.done, counts.c.total, counts.c.open_actions)
            .outerjoin(counts, counts.c.run_id == AuditRunRow.id)
            .where(AuditRunRow.brand_id == brand_id)
            .order_by(AuditRunRow.started_on.desc(), AuditRunRow.id.desc())
            .limit(limit)
        )
        with self.store.read() as session:
            return [
                RunSummary(self.to_model(row), int(done or 0), int(total or 0), int(actions or 0))
                for row, done, total, actions in session.execute(query)
            ]

    def items(self, run_id: int, section: str | None = None) -> list[AuditItem]:
        """The run's items in template order (positions run across sections), or only one
        section's (ix_audit_item_run_section_position)."""
        query = select(AuditItemRow).where(AuditItemRow.run_id == run_id)
        if section is not None:
            query = query.where(AuditItemRow.section == section)
        with self.store.read() as session:
            rows = session.scalars(query.order_by(AuditItemRow.position, AuditItemRow.id))
            return [AuditItem.model_validate(row) for row in rows]

    def get_item(self, item_id: int) -> AuditItem:
        with self.store.read() as session:
            row = session.get(AuditItemRow, item_id)
            if row is None:
                raise NotFoundError(_("this item no longer exists; it may have been deleted"))
            return AuditItem.model_validate(row)

    def progress(self, run_id: int) -> Progress:
        """Done over total per section, in template order, and overall: counted in SQL."""
        query = (
            select(
                AuditItemRow.section,
                func.coalesce(func.sum(_DONE), 0),
                func.count(AuditItemRow.id),
            )
            .where(AuditItemRow.run_id == run_id)
            .group_by(AuditItemRow.section)
            .order_by(func.min(AuditItemRow.position))
        )
        with self.store.read() as session:
            sections = [
                SectionProgress(section, int(done), int(total))
                for section, done, total in session.execute(query)
            ]
        overall = SectionProgress(
            _("Overall"),
            sum(section.done for section in sections),
            sum(section.total for section in sections),
        )
        return Progress(sections=sections, overall=overall)

    def update_item(self, item: AuditItem) -> AuditItem:
        """Save a tick, note, evidence URL, owner or due date; nothing else can change."""
        if item.id is None:
            raise ValueError("update_item needs an item with an id")
        with self.store.write() as session:
            row = session.get(AuditItemRow, item.id)
            if row is None:
                raise NotFoundError(_("this item no longer exists; it may have been deleted"))
            run = self._row(session, row.run_id)
            if run.finished_at is not None:
                raise DomainError(
                    _("this run is finished and kept as history; start a new run to audit again")
                )
            for name in _EDITABLE:
                setattr(row, name, getattr(item, name))
            session.flush()
            return AuditItem.model_validate(row)

    def complete_action(self, item_id: int) -> AuditItem:
        """Tick an action item done, even in a finished run.

        Findings of a finished run are history, but its actions are work still to do: they
        stay on the Today screen until done, so they must be able to leave it.
        """
        with self.store.write() as session:
            row = session.get(AuditItemRow, item_id)
            if row is None:
                raise NotFoundError(_("this item no longer exists; it may have been deleted"))
            if row.due_date is None:
                raise DomainError(_("only an action (an item with a due date) can be done here"))
            row.done = True
            session.flush()
            return AuditItem.model_validate(row)

    def finish_run(self, run_id: int, at: datetime) -> AuditRun:
        """Close the run; finishing twice keeps the first date, since history is not rewritten."""
        with self.store.write() as session:
            row = self._row(session, run_id)
            if row.finished_at is not None:
                return self.to_model(row)
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

    def actions_due(self, brand_id: int | None, until: date, limit: int = 50) -> list[AuditAction]:
        """Open action items (a due date, not done) due on or before ``until``, soonest
        first, of one brand or of all brands (None), each with its run's title.

        Finished runs count too: an action decided in the last audit stays on the Today
        screen until it is done. ix_audit_item_due serves the ORDER BY and the LIMIT.
        """
        query = (
            select(AuditItemRow, AuditRunRow.title, AuditRunRow.brand_id)
            .join(AuditRunRow, AuditRunRow.id == AuditItemRow.run_id)
            .where(
                AuditItemRow.due_date.is_not(None),
                AuditItemRow.due_date <= until,
                AuditItemRow.done.is_(False),
            )
            .order_by(AuditItemRow.due_date, AuditItemRow.id)
            .limit(limit)
        )
        if brand_id is not None:
            query = query.where(AuditRunRow.brand_id == brand_id)
        with self.store.read() as session:
            return [
                AuditAction(AuditItem.model_validate(row), title, owner)
                for row, title, owner in session.execute(query)
            ]


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

    def history(
        self, brand_id: int, name: str, platform: Platform, limit: int = 12
    ) -> list[CompetitorObservation]:
        """One competitor's observations on one platform, newest first, for its detail
        (ix_competitor_observation_brand_name_date)."""
        table = CompetitorObservationRow
        with self.store.read() as session:
            rows = session.scalars(
                select(table)
                .where(
                    table.brand_id == brand_id,
                    table.name == name,
                    table.platform == platform.value,
                )
                .order_by(table.observed_on.desc(), table.id.desc())
                .limit(limit)
            )
            return [self.to_model(row) for row in rows]
