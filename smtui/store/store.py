"""Provides the Store: the one object the app and the CLI hold to reach the database.

Each repository method is one short transaction, committed before it returns, so that
nothing a user did is lost on quit, crash or kill. Writes take the lock up front
(BEGIN IMMEDIATE) and reads never hold it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from smtui.domain.clock import Clock
from smtui.store.migrate import UpgradeResult, prepare_database
from smtui.store.sqlite_settings import IMMEDIATE, sqlite_url

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from smtui.store.repositories.audit import AuditRepository, CompetitorRepository
    from smtui.store.repositories.brands import BrandRepository
    from smtui.store.repositories.feeds import FeedRepository
    from smtui.store.repositories.inbox import InboxRepository
    from smtui.store.repositories.metric_values import MetricValueRepository
    from smtui.store.repositories.planning import BrandSettingsRepository, RecurringSlotRepository
    from smtui.store.repositories.post_import import PostImportRepository
    from smtui.store.repositories.post_metrics import PostMetricRepository
    from smtui.store.repositories.posts import PostRepository
    from smtui.store.repositories.queue_rules import (
        PriorityRuleRepository,
        ResponseTargetRepository,
    )
    from smtui.store.repositories.saved_replies import SavedReplyRepository
    from smtui.store.repositories.strategy import (
        ChannelRepository,
        MetricRepository,
        ObjectiveRepository,
        PersonaRepository,
        PillarRepository,
        SettingRepository,
    )
    from smtui.today.source import BriefSource


class Store:
    """The engine, the two session makers and one repository per aggregate.

    Each repository's module is imported the first time it is asked for, and the engine
    (SQLAlchemy itself) the first time a repository needs it: ``smtui today`` and the first
    frame of the UI read their brief through :meth:`snapshot` and need neither.
    """

    def __init__(
        self,
        engine: Engine | Callable[[], Engine],
        clock: Clock,
        *,
        sqlite_path: Path | None = None,
    ) -> None:
        """``engine`` may be a factory, called on first use; ``sqlite_path`` names the
        SQLite file the engine opens, for reads that can do without SQLAlchemy."""
        self._factory = engine if callable(engine) else None
        self._engine = None if callable(engine) else engine
        self._engine_lock = threading.Lock()  # the UI warms it up in a thread
        self.clock = clock
        self.sqlite_path = sqlite_path

    @classmethod
    def open(cls, path: Path, clock: Clock) -> tuple[Store, UpgradeResult]:
        """Upgrade ``path`` to this version's schema (after a backup) and open it."""
        result = prepare_database(path, clock())

        def engine() -> Engine:
            from smtui.store.engine import make_engine

            return make_engine(sqlite_url(result.path))

        return cls(engine, clock, sqlite_path=result.path), result

    @property
    def engine(self) -> Engine:
        engine = self._engine
        if engine is None:
            with self._engine_lock:
                if self._engine is None:
                    assert self._factory is not None
                    self._engine = self._factory()
                engine = self._engine
        return engine

    @cached_property
    def _reader(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _writer(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        engine = self.engine.execution_options(**{IMMEDIATE: True})
        return sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._writer() as session, session.begin():
            yield session

    def snapshot(self) -> AbstractContextManager[BriefSource]:
        """The Today brief's reads, all from one committed state on an SQLite file (without
        SQLAlchemy), else through the repositories."""
        if self.sqlite_path is not None:
            from smtui.store.snapshot import SqliteSnapshot

            return SqliteSnapshot(self.sqlite_path)
        from smtui.store.brief_reads import StoreBriefSource

        return nullcontext(StoreBriefSource(self))

    def warm_up(self) -> None:
        """Import SQLAlchemy and open the engine now (the UI calls this in a thread once its
        first frame is up), so that the first action does not wait for them."""
        with self.read() as session:
            session.connection()  # connects: the pragmas and the WAL check run now
        _ = (self.settings, self.brands, self.posts, self.inbox, self.metric_values)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    @cached_property
    def audits(self) -> AuditRepository:
        from smtui.store.repositories.audit import AuditRepository

        return AuditRepository(self)

    @cached_property
    def competitors(self) -> CompetitorRepository:
        from smtui.store.repositories.audit import CompetitorRepository

        return CompetitorRepository(self)

    @cached_property
    def brands(self) -> BrandRepository:
        from smtui.store.repositories.brands import BrandRepository

        return BrandRepository(self)

    @cached_property
    def channels(self) -> ChannelRepository:
        from smtui.store.repositories.strategy import ChannelRepository

        return ChannelRepository(self)

    @cached_property
    def objectives(self) -> ObjectiveRepository:
        from smtui.store.repositories.strategy import ObjectiveRepository

        return ObjectiveRepository(self)

    @cached_property
    def personas(self) -> PersonaRepository:
        from smtui.store.repositories.strategy import PersonaRepository

        return PersonaRepository(self)

    @cached_property
    def pillars(self) -> PillarRepository:
        from smtui.store.repositories.strategy import PillarRepository

        return PillarRepository(self)

    @cached_property
    def metrics(self) -> MetricRepository:
        from smtui.store.repositories.strategy import MetricRepository

        return MetricRepository(self)

    @cached_property
    def posts(self) -> PostRepository:
        from smtui.store.repositories.posts import PostRepository

        return PostRepository(self)

    @cached_property
    def post_imports(self) -> PostImportRepository:
        from smtui.store.repositories.post_import import PostImportRepository

        return PostImportRepository(self)

    @cached_property
    def brand_settings(self) -> BrandSettingsRepository:
        from smtui.store.repositories.planning import BrandSettingsRepository

        return BrandSettingsRepository(self)

    @cached_property
    def slots(self) -> RecurringSlotRepository:
        from smtui.store.repositories.planning import RecurringSlotRepository

        return RecurringSlotRepository(self)

    @cached_property
    def metric_values(self) -> MetricValueRepository:
        from smtui.store.repositories.metric_values import MetricValueRepository

        return MetricValueRepository(self)

    @cached_property
    def post_metrics(self) -> PostMetricRepository:
        from smtui.store.repositories.post_metrics import PostMetricRepository

        return PostMetricRepository(self)

    @cached_property
    def settings(self) -> SettingRepository:
        from smtui.store.repositories.strategy import SettingRepository

        return SettingRepository(self)

    @cached_property
    def inbox(self) -> InboxRepository:
        from smtui.store.repositories.inbox import InboxRepository

        return InboxRepository(self)

    @cached_property
    def saved_replies(self) -> SavedReplyRepository:
        from smtui.store.repositories.saved_replies import SavedReplyRepository

        return SavedReplyRepository(self)

    @cached_property
    def response_targets(self) -> ResponseTargetRepository:
        from smtui.store.repositories.queue_rules import ResponseTargetRepository

        return ResponseTargetRepository(self)

    @cached_property
    def priority_rules(self) -> PriorityRuleRepository:
        from smtui.store.repositories.queue_rules import PriorityRuleRepository

        return PriorityRuleRepository(self)

    @cached_property
    def feeds(self) -> FeedRepository:
        from smtui.store.repositories.feeds import FeedRepository

        return FeedRepository(self)
