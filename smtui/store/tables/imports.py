"""Provides the tables behind imports written in short transactions: the import run, and
the reply-queue rows (inbox import) and posts (posts import) an import stages before it
publishes them.

Why: one transaction for a whole import held SQLite's single write lock for as long as the
import took (20 s for 100,000 rows), and every other write failed behind it. An import now
stages its rows a batch at a time under its run's id, then publishes them into the queue in
one short statement; a run left ``running`` by a killed process is deleted, with its staged
rows, by the next import.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smtui.store.tables.base import Base, UTCDateTime


class ImportRunRow(Base):
    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20), default="running")
    # The importing process: a running run whose process is gone was killed.
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InboxImportRow(Base):
    """An ``inbox_item`` row waiting for its import to finish: the same columns, no
    uniqueness (the queue's unique index decides at publication), and the run's id."""

    __tablename__ = "inbox_import_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_run_id: Mapped[int] = mapped_column(
        ForeignKey("import_run.id", ondelete="CASCADE"), index=True
    )
    brand_id: Mapped[int] = mapped_column(Integer)
    channel_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_handle: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="new")
    priority: Mapped[int] = mapped_column(Integer, default=2)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")
    external_id: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(40), default="manual")


class PostImportRow(Base):
    """A ``post`` row waiting for its ``smtui import posts`` to finish: the same columns
    without their foreign keys and indexes (publication checks what is already stored), and
    the run's id."""

    __tablename__ = "post_import_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_run_id: Mapped[int] = mapped_column(
        ForeignKey("import_run.id", ondelete="CASCADE"), index=True
    )
    brand_id: Mapped[int] = mapped_column(Integer)
    channel_id: Mapped[int | None] = mapped_column(Integer)
    pillar_id: Mapped[int | None] = mapped_column(Integer)
    objective_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    visual: Mapped[str] = mapped_column(Text, default="")
    call_to_action: Mapped[str] = mapped_column(Text, default="")
    hashtags: Mapped[str] = mapped_column(Text, default="")
    link_url: Mapped[str | None] = mapped_column(Text)
    utm_campaign: Mapped[str] = mapped_column(String(120), default="")
    utm_content: Mapped[str] = mapped_column(String(120), default="")
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="idea")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_url: Mapped[str | None] = mapped_column(Text)
    campaign: Mapped[str] = mapped_column(String(120), default="")
    repurposed_from_id: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    post_type: Mapped[str] = mapped_column(String(20), default="")
    external_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
