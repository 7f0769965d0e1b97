"""Provides the form of a brand's working rules: working hours (response targets count only
those when enabled), the outreach owed per blog article, and the gap under which two posts
on one channel conflict."""

from __future__ import annotations

from typing import Any

from smtui.domain.day_names import WEEKDAYS
from smtui.domain.i18n import _
from smtui.domain.planning import BrandSettings
from smtui.widgets import FormField


def rules_fields() -> list[FormField]:
    return [
        FormField(
            "working_hours_enabled",
            _("Count working hours only"),
            "select",
            [(_("yes"), "yes"), (_("no"), "no")],
            required=True,
            help=_("response targets pause outside working hours"),
        ),
        FormField(
            "work_days",
            _("Working days"),
            "multi",
            [(_(name), str(index)) for index, name in enumerate(WEEKDAYS)],
        ),
        FormField("work_start", _("Day starts at"), placeholder="09:00"),
        FormField("work_end", _("Day ends at"), placeholder="17:00"),
        FormField(
            "outreach_per_blog_post",
            _("Outreach per article"),
            "number",
            help=_("comments to leave elsewhere for each blog article published"),
        ),
        FormField(
            "conflict_gap_minutes",
            _("Conflict gap (minutes)"),
            "number",
            help=_("two posts on one channel closer than this are flagged"),
        ),
    ]


def rules_values(settings: BrandSettings) -> dict[str, Any]:
    return {
        "working_hours_enabled": "yes" if settings.working_hours_enabled else "no",
        "work_days": [str(day) for day in settings.work_days],
        "work_start": settings.work_start.strftime("%H:%M"),
        "work_end": settings.work_end.strftime("%H:%M"),
        "outreach_per_blog_post": settings.outreach_per_blog_post,
        "conflict_gap_minutes": settings.conflict_gap_minutes,
    }


def rules_from(data: dict[str, Any], brand_id: int) -> BrandSettings:
    return BrandSettings.model_validate(
        {
            "brand_id": brand_id,
            "working_hours_enabled": data.get("working_hours_enabled") == "yes",
            "work_days": ",".join(data.get("work_days") or []),
            "work_start": data.get("work_start") or "09:00",
            "work_end": data.get("work_end") or "17:00",
            "outreach_per_blog_post": data.get("outreach_per_blog_post") or 0,
            "conflict_gap_minutes": data.get("conflict_gap_minutes") or 0,
        }
    )
