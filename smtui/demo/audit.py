"""Provides the audit of the demo workspace: last quarter's run, finished, and this
quarter's run in progress, with notes, evidence and action items (some overdue, some due
this week, so that the Today screen has something to show), and three neighbouring
businesses observed twice each for the competitor benchmark.

Dates are relative to the clock, so the runs are always "last quarter" and "this one".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from smtui.demo.workspace import DemoWorkspace
from smtui.domain.audit import AuditItem, CompetitorObservation, default_run_title
from smtui.domain.clock import Clock
from smtui.domain.enums import Platform
from smtui.domain.i18n import _

if TYPE_CHECKING:
    from smtui.store import Store

ALL = "*"  # a per-channel item ticked for every channel

# What last quarter's audit found in place: (key, platform or ALL or None).
PAST_TICKS: tuple[tuple[str, Platform | str | None], ...] = (
    ("situation.web_presence", None),
    ("situation.website_optimal", None),
    ("situation.existing_accounts", None),
    ("situation.who_engages", None),
    ("situation.existing_content", None),
    ("situation.competitor_benchmark", None),
    ("objectives.written", None),
    ("objectives.at_least_three", None),
    ("objectives.typed", None),
    ("audience.target_defined", None),
    ("audience.personas", None),
    ("audience.where_they_are", None),
    ("inventory.manager", ALL),
    ("inventory.purpose", ALL),
    ("inventory.mission", Platform.INSTAGRAM),
    ("inventory.mission", Platform.FACEBOOK),
    ("inventory.decision", ALL),
    ("profiles.complete", Platform.INSTAGRAM),
    ("profiles.complete", Platform.FACEBOOK),
    ("profiles.complete", Platform.LINKEDIN),
    ("content.editorial_line", None),
    ("content.voice_tone", None),
    ("content.whats_in_it_for_me", None),
    ("engagement.reply_fast", None),
    ("engagement.acknowledge", None),
    ("resources.people", None),
    ("resources.time", None),
    ("action_plan.who_does_what", None),
    ("calendar.cadence", ALL),
    ("calendar.owner", ALL),
    ("calendar.regular", None),
    ("measurement.kpis_per_objective", None),
    ("watch.legal_duties", None),
)

# This quarter so far: most of last quarter again, a few new ticks, one lost.
CURRENT_TICKS: tuple[tuple[str, Platform | str | None], ...] = (
    *(tick for tick in PAST_TICKS if tick != ("profiles.complete", Platform.FACEBOOK)),
    ("situation.website_responsive", None),
    ("inventory.mission", ALL),
    ("inventory.fraudulent_accounts", None),
    ("profiles.optimised", Platform.INSTAGRAM),
    ("content.social_media_charter", None),
    ("content.mix", None),
    ("measurement.utm_links", None),
)


def _matches(item: AuditItem, key: str, channel_id: int | str | None) -> bool:
    return item.key == key and (channel_id == ALL or item.channel_id == channel_id)


def _channel_id(demo: DemoWorkspace, target: Platform | str | None) -> int | str | None:
    if isinstance(target, Platform):
        return demo.channels[target].id
    return target


def _tick(
    store: Store, demo: DemoWorkspace, items: list[AuditItem], ticks: tuple[Any, ...]
) -> list[AuditItem]:
    wanted = [(key, _channel_id(demo, target)) for key, target in ticks]
    result = []
    for item in items:
        if any(_matches(item, key, channel) for key, channel in wanted):
            item = store.audits.update_item(item.model_copy(update={"done": True}))
        result.append(item)
    return result


def _follow_up(
    store: Store,
    demo: DemoWorkspace,
    items: list[AuditItem],
    key: str,
    platform: Platform | None = None,
    **changes: Any,
) -> None:
    channel_id = demo.channels[platform].id if platform is not None else None
    item = next(i for i in items if i.key == key and i.channel_id == channel_id)
    store.audits.update_item(AuditItem.model_validate(item.model_dump() | changes))


def fill_audit(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    """Two runs and a benchmark, written only through the repositories."""
    zone = ZoneInfo(demo.brand.timezone)
    today = clock().astimezone(zone).date()
    _past_run(store, demo, today, zone)
    _current_run(store, demo, today)
    _competitors(store, demo, today)


def _past_run(store: Store, demo: DemoWorkspace, today: date, zone: ZoneInfo) -> None:
    started = today - timedelta(days=91)
    run = store.audits.start_run(demo.brand_id, default_run_title(started), started)
    assert run.id is not None
    items = _tick(store, demo, store.audits.items(run.id), PAST_TICKS)
    _follow_up(
        store,
        demo,
        items,
        "situation.competitor_benchmark",
        note=_("Three neighbours benchmarked; see the Competitors tab."),
    )
    _follow_up(
        store,
        demo,
        items,
        "objectives.smart",
        note=_('"More buzz in the neighbourhood" has no metric, no target and no date.'),
        owner="Camille Tremblay",
        due_date=today + timedelta(days=10),
    )
    finished = datetime.combine(started + timedelta(days=12), time(17, 0), zone)
    store.audits.finish_run(run.id, finished.astimezone(ZoneInfo("UTC")))


def _current_run(store: Store, demo: DemoWorkspace, today: date) -> None:
    started = today - timedelta(days=9)
    run = store.audits.start_run(demo.brand_id, default_run_title(started), started)
    assert run.id is not None
    items = _tick(store, demo, store.audits.items(run.id), CURRENT_TICKS)
    _follow_up(
        store,
        demo,
        items,
        "profiles.complete",
        Platform.FACEBOOK,
        note=_("Opening hours and the brunch menu on the page are out of date since October."),
        evidence_url="https://www.facebook.com/mapleandgrain",
        owner="Camille Tremblay",
        due_date=today + timedelta(days=3),
    )
    _follow_up(
        store,
        demo,
        items,
        "situation.share_buttons",
        note=_("The journal's theme has no share buttons; ask the web agency for a quote."),
        owner="Julien Roy",
        due_date=today - timedelta(days=2),
    )
    _follow_up(
        store,
        demo,
        items,
        "inventory.fraudulent_accounts",
        done=True,
        note=_("@maple.grain.mtl copied our photos on Instagram; reported on the 16th."),
        evidence_url="https://help.instagram.com/contact/impersonation",
        owner="Camille Tremblay",
    )
    _follow_up(
        store,
        demo,
        items,
        "engagement.listening_feeds",
        note=_("Add the feeds of the two food blogs that write about the Plateau."),
        owner="Camille Tremblay",
        due_date=today + timedelta(days=6),
    )
    _follow_up(
        store,
        demo,
        items,
        "measurement.review_date",
        owner="Julien Roy",
        due_date=today + timedelta(days=38),
    )


def _competitors(store: Store, demo: DemoWorkspace, today: date) -> None:
    earlier, latest = today - timedelta(days=45), today - timedelta(days=3)
    rows = (
        (
            "Boulangerie Le Fournil",
            Platform.INSTAGRAM,
            "@lefournilmtl",
            ((3950, 4.0), (4270, 5.0)),
            _("oven reels, staff portraits, weekly specials"),
            _("Strong reels; they answer comments within the hour."),
        ),
        (
            "Café Nordique",
            Platform.FACEBOOK,
            "Café Nordique Plateau",
            ((2100, 5.0), (2080, 6.0)),
            _("events, brunch photos, contests"),
            _("Contests bring likes but few comments."),
        ),
        (
            "Pain & Co.",
            Platform.LINKEDIN,
            "Pain & Co. Traiteur",
            ((640, 1.0), (710, 1.5)),
            _("catering case studies, job offers"),
            "",
        ),
    )
    for name, platform, handle, figures, content, notes in rows:
        for observed_on, (followers, posts) in zip((earlier, latest), figures, strict=True):
            store.competitors.add(
                CompetitorObservation(
                    brand_id=demo.brand_id,
                    name=name,
                    platform=platform,
                    handle=handle,
                    followers=followers,
                    posts_per_week=posts,
                    content_types=content,
                    notes=notes if observed_on == latest else "",
                    observed_on=observed_on,
                )
            )
