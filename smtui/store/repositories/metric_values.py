"""Provides the metric value repository: the numbers a user logs or imports, one per metric
and local day.

A series is a range query on the unique (metric_id, date) index, so a card's trend reads
only the days it shows. "Due" asks, in one GROUP BY over the same index, for each metric's
last logged day and compares it with the start of the metric's current period: today for
a daily metric, this Monday for a weekly one, the first of the month for a monthly one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import Table, and_, bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smtui.domain.due_metrics import DueMetric, due_metric
from smtui.domain.i18n import _
from smtui.domain.kpi import MetricValue
from smtui.domain.models import Metric, Objective
from smtui.domain.pace import WINDOW_DAYS, Pace, objective_pace
from smtui.domain.validation import DomainError
from smtui.store.repositories.base import Repository
from smtui.store.repositories.fast_read import Prepared, RowModels, cursor
from smtui.store.tables import MetricRow, MetricValueRow

_TABLE: Table = MetricValueRow.__table__  # type: ignore[assignment]
_MODELS = RowModels(MetricValue, list(_TABLE.columns))
_SERIES = Prepared(
    select(_TABLE)
    .where(
        _TABLE.c.metric_id == bindparam("metric_id"),
        _TABLE.c.date >= bindparam("first"),
        _TABLE.c.date <= bindparam("last"),
    )
    .order_by(_TABLE.c.date)
)


class MetricValueRepository(Repository[MetricValue, MetricValueRow]):
    row_type = MetricValueRow
    model_type = MetricValue
    order_by = ("date", "id")

    def list(self, brand_id: int) -> list[MetricValue]:  # type: ignore[override]
        raise NotImplementedError("metric values are read by metric and date range")

    @staticmethod
    def _upsert(session: Session, entry: MetricValue) -> tuple[MetricValueRow, str]:
        """Insert or update the day's value; says "added", "updated" or "unchanged"."""
        row = session.scalar(
            select(MetricValueRow).where(
                MetricValueRow.metric_id == entry.metric_id, MetricValueRow.date == entry.date
            )
        )
        if row is None:
            row = MetricValueRow(
                metric_id=entry.metric_id, date=entry.date, value=entry.value, note=entry.note
            )
            session.add(row)
            return row, "added"
        if row.value == entry.value and (not entry.note or row.note == entry.note):
            return row, "unchanged"
        row.value = entry.value
        if entry.note:
            row.note = entry.note
        return row, "updated"

    def log(self, metric_id: int, day: date, value: float, note: str = "") -> MetricValue:
        """Record the metric's value for the local ``day``, replacing one already there."""
        entry = MetricValue(metric_id=metric_id, date=day, value=value, note=note)
        with self.store.write() as session:
            if session.get(MetricRow, metric_id) is None:
                raise DomainError(_("this metric no longer exists; it may have been deleted"))
            row, _outcome = self._upsert(session, entry)
            session.flush()
            return self.to_model(row)

    def log_many(self, entries: Sequence[MetricValue]) -> list[MetricValue]:
        """Several values in one transaction: the log form's "save all" is one action."""
        with self.store.write() as session:
            rows = [self._upsert(session, entry)[0] for entry in entries]
            session.flush()
            return [self.to_model(row) for row in rows]

    def upsert_in(self, session: Session, entry: MetricValue) -> str:
        """The importer's upsert, inside its own transaction."""
        return self._upsert(session, entry)[1]

    def edit(self, value_id: int, day: date, value: float, note: str = "") -> MetricValue:
        """Change a past value, or move it to another day not yet logged."""
        checked = MetricValue(metric_id=0, date=day, value=value, note=note)
        try:
            with self.store.write() as session:
                row = self._row(session, value_id)
                row.date, row.value, row.note = checked.date, checked.value, checked.note
                session.flush()
                return self.to_model(row)
        except IntegrityError as error:
            raise DomainError(_("this metric already has a value on that day"), "date") from error

    # --- reads -----------------------------------------------------------------------

    def series(self, metric_id: int, first: date, last: date) -> list[MetricValue]:
        """Values dated ``first`` to ``last`` inclusive, oldest first (a prepared statement:
        every KPI card and pace asks for one)."""
        engine = self.store.engine
        values = {"metric_id": metric_id, "first": first, "last": last}
        with cursor(engine) as raw:
            return _MODELS(_SERIES.rows(raw, engine.dialect, values))

    def latest(self, metric_id: int, on_or_before: date | None = None) -> MetricValue | None:
        query = select(MetricValueRow).where(MetricValueRow.metric_id == metric_id)
        if on_or_before is not None:
            query = query.where(MetricValueRow.date <= on_or_before)
        query = query.order_by(MetricValueRow.date.desc()).limit(1)
        with self.store.read() as session:
            row = session.scalar(query)
            return self.to_model(row) if row else None

    def recent(
        self, metric_id: int, limit: int = 20, before: date | None = None
    ) -> list[MetricValue]:
        """The latest ``limit`` values, newest first; ``before`` pages further back."""
        query = select(MetricValueRow).where(MetricValueRow.metric_id == metric_id)
        if before is not None:
            query = query.where(MetricValueRow.date < before)
        query = query.order_by(MetricValueRow.date.desc()).limit(limit)
        with self.store.read() as session:
            return [self.to_model(row) for row in session.scalars(query)]

    def due(self, brand_id: int | None, today: date) -> list[DueMetric]:
        """Metrics (of one brand, or of all) with no value yet in their current period.

        ``today`` is the local day in the brand's zone; the Today screen and the log form
        ask with the same day, so they list the same metrics.
        """
        # One index seek per metric on (metric_id, date), not a GROUP BY over every value
        # of every metric: years of daily numbers must not slow the morning brief.
        last = (
            select(func.max(MetricValueRow.date))
            .where(MetricValueRow.metric_id == MetricRow.id)
            .correlate(MetricRow)
            .scalar_subquery()
            .label("last")
        )
        query = (
            select(MetricRow, last, MetricValueRow.value)
            .outerjoin(
                MetricValueRow,
                and_(MetricValueRow.metric_id == MetricRow.id, MetricValueRow.date == last),
            )
            .order_by(MetricRow.brand_id, MetricRow.name, MetricRow.id)
        )
        if brand_id is not None:
            query = query.where(MetricRow.brand_id == brand_id)
        due: list[DueMetric] = []
        with self.store.read() as session:
            for row, last_day, last_value in session.execute(query):
                found = due_metric(Metric.model_validate(row), last_day, last_value, today)
                if found is not None:
                    due.append(found)
        return due

    def ids_with_values(self, metric_ids: Iterable[int]) -> set[int]:
        wanted = list(metric_ids)
        query = select(MetricValueRow.metric_id).where(MetricValueRow.metric_id.in_(wanted))
        with self.store.read() as session:
            return set(session.scalars(query.distinct()))

    def pace(self, objective: Objective, today: date, window_days: int = WINDOW_DAYS) -> Pace:
        """The objective's pace from its metric's values of the last ``window_days`` days
        (the latest value alone when none is that recent)."""
        if objective.metric_id is None:
            return Pace(None, _("no metric set"))
        with self.store.read() as session:
            metric = session.get(MetricRow, objective.metric_id)
            higher_is_better = metric.higher_is_better if metric else True
        points = self.series(objective.metric_id, today - timedelta(days=window_days), today)
        if not points:
            latest = self.latest(objective.metric_id, today)
            points = [latest] if latest else []
        return objective_pace(
            objective,
            [(point.date, point.value) for point in points],
            today=today,
            higher_is_better=higher_is_better,
            window_days=window_days,
        )
