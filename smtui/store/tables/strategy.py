"""Provides the tables of the strategy: brands, channels, objectives, personas, pillars, and
the key-value settings of the workspace."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from smtui.store.tables.base import Base, UTCDateTime


class BrandRow(Base):
    __tablename__ = "brand"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    description: Mapped[str] = mapped_column(Text, default="")
    voice_tone: Mapped[str] = mapped_column(Text, default="")
    dos: Mapped[str] = mapped_column(Text, default="")
    donts: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChannelRow(Base):
    __tablename__ = "channel"
    __table_args__ = (Index("ix_channel_brand_platform", "brand_id", "platform"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str] = mapped_column(String(120))
    url: Mapped[str | None] = mapped_column(Text)
    manager: Mapped[str] = mapped_column(String(120), default="")
    mission: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active")
    char_limit: Mapped[int | None] = mapped_column(Integer)
    cadence_min: Mapped[int | None] = mapped_column(Integer)
    cadence_max: Mapped[int | None] = mapped_column(Integer)
    cadence_period: Mapped[str] = mapped_column(String(10), default="week")


class MetricRow(Base):
    __tablename__ = "metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(40), default="")
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel.id", ondelete="SET NULL"), index=True
    )
    frequency: Mapped[str] = mapped_column(String(10), default="weekly")
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_metric_brand_name", "brand_id", "name", unique=True),)


class ObjectiveRow(Base):
    __tablename__ = "objective"
    __table_args__ = (Index("ix_objective_brand_status_due", "brand_id", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"))
    statement: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20))
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric.id", ondelete="SET NULL"), index=True
    )
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")

    metric: Mapped[MetricRow | None] = relationship(lazy="joined")


class PersonaRow(Base):
    __tablename__ = "persona"

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(Text, default="")
    demographics: Mapped[str] = mapped_column(Text, default="")
    interests: Mapped[str] = mapped_column(Text, default="")
    pain_points: Mapped[str] = mapped_column(Text, default="")
    platforms: Mapped[str] = mapped_column(Text, default="")


class PillarRow(Base):
    __tablename__ = "pillar"

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    target_share: Mapped[int] = mapped_column(Integer, default=0)
    colour: Mapped[str] = mapped_column(String(20), default="blue")


class SettingRow(Base):
    """Workspace-wide preferences (last brand shown, backups to keep): one row per key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BrandSettingsRow(Base):
    """A brand's working rules: its working hours (response targets count only those when
    enabled), the outreach owed per blog post, the gap under which two posts conflict."""

    __tablename__ = "brand_settings"

    brand_id: Mapped[int] = mapped_column(
        ForeignKey("brand.id", ondelete="CASCADE"), primary_key=True
    )
    working_hours_enabled: Mapped[bool] = mapped_column(default=False)
    work_days: Mapped[str] = mapped_column(String(20), default="0,1,2,3,4")
    work_start: Mapped[str] = mapped_column(String(5), default="09:00")
    work_end: Mapped[str] = mapped_column(String(5), default="17:00")
    outreach_per_blog_post: Mapped[int] = mapped_column(Integer, default=2)
    conflict_gap_minutes: Mapped[int] = mapped_column(Integer, default=60)
