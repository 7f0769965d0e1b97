"""Provides the tables of the editorial calendar: posts and their dated metrics."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from smtui.store.tables.base import Base, UTCDateTime


class PostRow(Base):
    __tablename__ = "post"
    __table_args__ = (
        Index("ix_post_brand_scheduled", "brand_id", "scheduled_at"),
        Index("ix_post_channel_scheduled", "channel_id", "scheduled_at"),
        Index("ix_post_brand_status_scheduled", "brand_id", "status", "scheduled_at"),
        Index("ix_post_published_url", "published_url"),
        # A platform export names posts by their id there: re-importing must find them.
        Index("ix_post_channel_external", "channel_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channel.id", ondelete="SET NULL"))
    pillar_id: Mapped[int | None] = mapped_column(
        ForeignKey("pillar.id", ondelete="SET NULL"), index=True
    )
    objective_id: Mapped[int | None] = mapped_column(
        ForeignKey("objective.id", ondelete="SET NULL"), index=True
    )
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
    repurposed_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("post.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # What kind of piece it is (text, image, video, link, carousel...), for the KPI breakdowns.
    post_type: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # The post's id on its platform, set when it comes from a platform export.
    external_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PostMetricRow(Base):
    """The numbers of one post on one day; a platform export fills several at once."""

    __tablename__ = "post_metric"
    __table_args__ = (UniqueConstraint("post_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    impressions: Mapped[int | None] = mapped_column(Integer)
    reach: Mapped[int | None] = mapped_column(Integer)
    engagements: Mapped[int | None] = mapped_column(Integer)
    clicks: Mapped[int | None] = mapped_column(Integer)
    likes: Mapped[int | None] = mapped_column(Integer)
    comments: Mapped[int | None] = mapped_column(Integer)
    shares: Mapped[int | None] = mapped_column(Integer)
    saves: Mapped[int | None] = mapped_column(Integer)
    video_views: Mapped[int | None] = mapped_column(Integer)


class MetricValueRow(Base):
    """One value of a brand or channel metric on one day (in the brand's zone)."""

    __tablename__ = "metric_value"
    __table_args__ = (UniqueConstraint("metric_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    value: Mapped[float]
    note: Mapped[str] = mapped_column(Text, default="")


class RecurringSlotRow(Base):
    """A weekly posting slot of a channel (e.g. Tuesday 09:30), shown empty when unfilled.

    The time is wall-clock time in the brand's zone, so a slot stays at 09:30 across DST.
    """

    __tablename__ = "recurring_slot"
    __table_args__ = (UniqueConstraint("channel_id", "weekday", "time_local"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channel.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday, as in Python's date.weekday()
    time_local: Mapped[str] = mapped_column(String(5))  # "HH:MM"
