"""Provides the tables of the audit: dated runs, their items, competitor observations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smtui.store.tables.base import Base, UTCDateTime


class AuditRunRow(Base):
    __tablename__ = "audit_run"
    __table_args__ = (Index("ix_audit_run_brand_started", "brand_id", "started_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    template_version: Mapped[str] = mapped_column(String(20), default="")


class AuditItemRow(Base):
    __tablename__ = "audit_item"
    __table_args__ = (
        Index("ix_audit_item_run_section_position", "run_id", "section", "position"),
        Index("ix_audit_item_due", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("audit_run.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(120), default="")
    section: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(60), default="")
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel.id", ondelete="SET NULL"), index=True
    )
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    evidence_url: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(120), default="")


class CompetitorObservationRow(Base):
    __tablename__ = "competitor_observation"
    __table_args__ = (
        Index("ix_competitor_observation_brand_name_date", "brand_id", "name", "observed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    platform: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str] = mapped_column(String(120), default="")
    followers: Mapped[int | None] = mapped_column(Integer)
    posts_per_week: Mapped[float | None] = mapped_column(Float)
    content_types: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    observed_on: Mapped[date] = mapped_column(Date)
