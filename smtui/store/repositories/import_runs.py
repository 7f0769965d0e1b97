"""Provides the bookkeeping of imports written in short transactions: publishing an inbox
or posts import's staged rows, and deleting a run (with what it staged) that was killed or
failed.

A run is ``running`` from its first batch until its publication, which deletes it in the
same transaction as it fills the queue. A running run whose process no longer exists was
killed: its staged rows were never visible, and :func:`drop_dead_runs` deletes them by
the run's id before the next import starts.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sqlalchemy import (
    Connection,
    Insert,
    Table,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    select,
)
from sqlalchemy import Integer as SqlInteger
from sqlalchemy.dialects.sqlite import insert

from smtui.store.tables import ImportRunRow, InboxImportRow, InboxItemRow, PostImportRow, PostRow

if TYPE_CHECKING:
    from smtui.store.store import Store

STAGED: Table = InboxImportRow.__table__  # type: ignore[assignment]
_QUEUE: Table = InboxItemRow.__table__  # type: ignore[assignment]
_RUNS: Table = ImportRunRow.__table__  # type: ignore[assignment]
_COLUMNS = [column.name for column in _QUEUE.columns if not column.primary_key]
STAGED_POSTS: Table = PostImportRow.__table__  # type: ignore[assignment]
_POSTS: Table = PostRow.__table__  # type: ignore[assignment]
_POST_COLUMNS = [column.name for column in _POSTS.columns if not column.primary_key]
_STAGING = (STAGED, STAGED_POSTS)

# One statement, in file order; the queue's unique index leaves out what is already there.
PUBLISH_INBOX = (
    insert(_QUEUE)
    .from_select(
        _COLUMNS,
        select(*(STAGED.c[name] for name in _COLUMNS))
        .where(STAGED.c.import_run_id == bindparam("run"))
        .order_by(STAGED.c.id),
    )
    .on_conflict_do_nothing(index_elements=["channel_id", "external_id"])
)


def _post_publication() -> Insert:
    """The posts import's publication: the staged posts in file order, leaving out those the
    brand already holds, by their id on their channel (``ix_post_channel_external``) or, for
    ``smtui:<n>`` (written by ``smtui export posts``), as post ``n`` itself. The same test
    as ``PostImportRepository.present``, made again in the publishing transaction so that two
    imports of one file racing each other add each post once."""
    staged, stored = STAGED_POSTS.c, _POSTS.c
    same_key = exists().where(
        stored.channel_id == staged.channel_id,
        stored.external_id == staged.external_id,
        stored.brand_id == staged.brand_id,
    )
    number = func.substr(staged.external_id, 7)
    own_post = exists().where(
        stored.id == cast(number, SqlInteger),
        stored.brand_id == staged.brand_id,
        stored.channel_id == staged.channel_id,
    )
    is_own = and_(
        staged.external_id.op("GLOB")("smtui:[0-9]*"),
        number.op("NOT GLOB")("*[^0-9]*"),
    )
    return _POSTS.insert().from_select(
        _POST_COLUMNS,
        select(*(staged[name] for name in _POST_COLUMNS))
        .where(staged.import_run_id == bindparam("run"), ~same_key, ~and_(is_own, own_post))
        .order_by(staged.id),
    )


PUBLISH_POSTS = _post_publication()


def drop_run_in(connection: Connection, run_id: int) -> None:
    """Delete a run and its staged rows, in the caller's transaction (not relying on the
    foreign key's cascade, which SQLite applies only with ``foreign_keys`` on)."""
    for staging in _STAGING:
        connection.execute(delete(staging).where(staging.c.import_run_id == run_id))
    connection.execute(delete(_RUNS).where(_RUNS.c.id == run_id))


def drop_run(store: Store, run_id: int) -> None:
    """Delete a failed run in its own transaction."""
    with store.write() as session:
        drop_run_in(session.connection(), run_id)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def drop_dead_runs(store: Store) -> int:
    """Delete the running runs whose process is gone (killed part-way); returns how many.

    A run of a live process is another import in progress, and is left alone."""
    with store.write() as session:
        connection = session.connection()
        runs = connection.execute(select(_RUNS.c.id, _RUNS.c.pid)).all()
        dead = [run_id for run_id, pid in runs if not _alive(pid)]
        for run_id in dead:
            drop_run_in(connection, run_id)
    return len(dead)
