"""Provides the demo's editorial calendar: six weeks of Maple & Grain's posts around now
(three back, three ahead), the channels' recurring slots, and the situations the calendar
and Today screens exist to show.

Built in, on purpose and deterministically (no randomness): past posts published with their
URL (one skipped); future ones at every step of the flow; one post overdue today (07:00,
ready, not published) and three more due later today; LinkedIn below its 2-3 a week in the
current week (its Tuesday slot left empty); a promotion-heavy current month (the holiday
pre-order push) against the 20% target; and next week's blog article repurposed for
LinkedIn and Instagram.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from smtui.demo.calendar_pieces import ORDERS, OWN, SCENE, TEAM, Piece, blog, newsletter
from smtui.demo.calendar_social import facebook, instagram, linkedin
from smtui.demo.workspace import DemoWorkspace
from smtui.domain.clock import Clock
from smtui.domain.enums import ObjectiveType, Platform, PostStatus
from smtui.domain.i18n import _
from smtui.domain.local_time import local, to_utc
from smtui.domain.planning import RecurringSlot
from smtui.domain.post import Post

if TYPE_CHECKING:
    from smtui.store import Store

# Weekly posting slots per channel: (weekday, 0 = Monday; local time).
SLOTS: dict[Platform, tuple[tuple[int, str], ...]] = {
    Platform.INSTAGRAM: ((0, "12:00"), (2, "12:00"), (4, "12:00")),
    Platform.FACEBOOK: ((1, "11:00"), (5, "10:00")),
    Platform.LINKEDIN: ((1, "09:30"), (3, "09:30")),
    Platform.BLOG: ((3, "10:00"),),
    Platform.NEWSLETTER: ((4, "07:00"),),
}
WEEKS = range(-3, 3)
# Pillar sequences of 20 posts: the 50/25/20/5 target, and November's holiday push (35%).
BALANCED = (OWN, SCENE, OWN, ORDERS, OWN, SCENE, OWN, OWN, ORDERS, SCENE,
            OWN, TEAM, OWN, ORDERS, SCENE, OWN, OWN, ORDERS, SCENE, OWN)  # fmt: skip
HOLIDAY_PUSH = (OWN, ORDERS, SCENE, OWN, ORDERS, OWN, TEAM, ORDERS, SCENE, OWN,
                ORDERS, OWN, SCENE, ORDERS, OWN, ORDERS, SCENE, OWN, ORDERS, OWN)  # fmt: skip


@dataclass
class _Spot:
    platform: Platform
    day: date
    at: time
    piece: Piece | None = None
    status: PostStatus | None = None
    notes: str = ""


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _spots(today: date) -> list[_Spot]:
    """Every slot of the six weeks, less the ones the demo's situations leave open."""
    monday = today - timedelta(days=today.weekday())
    spots: list[_Spot] = []
    for week in WEEKS:
        for platform, slots in SLOTS.items():
            if platform is Platform.NEWSLETTER and week % 2:
                continue  # every other week: 1-2 a month
            for weekday, text in slots:
                day = monday + timedelta(days=7 * week + weekday)
                if week == 0 and (
                    day == today  # today's posts are the ones below
                    or (platform is Platform.LINKEDIN and weekday == 1)  # the cadence gap
                    or (platform is Platform.FACEBOOK and weekday == 5)  # moved to tonight
                ):
                    continue
                spots.append(_Spot(platform, day, _clock(text)))
                if week == -2 and platform is Platform.FACEBOOK and weekday == 5:
                    spots[-1].status = PostStatus.SKIPPED
                    spots[-1].notes = _("Closed that Saturday for the oven repair; not posted.")
    return spots


def _today(today: date, pool: dict[Platform, list[Piece]]) -> list[_Spot]:
    """What is due today: one overdue since 07:00, three more later in the day."""
    croissants = Piece(
        OWN,
        _("Fresh croissants this morning"),
        _(
            "Les croissants au beurre sont sortis du four ! Come early: the first tray is "
            "usually gone by eight."
        ),
        "image",
        "#croissant #montreal",
        visual=_("Photo: first tray of croissants, steam visible"),
        objective=ObjectiveType.AWARENESS,
    )
    return [
        _Spot(Platform.FACEBOOK, today, time(7, 0), croissants, PostStatus.READY),
        _Spot(Platform.INSTAGRAM, today, time(12, 0), pool[Platform.INSTAGRAM][1]),
        _Spot(Platform.INSTAGRAM, today, time(16, 30), pool[Platform.INSTAGRAM][8]),
        _Spot(Platform.FACEBOOK, today, time(18, 0), pool[Platform.FACEBOOK][0]),
    ]


def _status(at: datetime, now: datetime, index: int) -> PostStatus:
    """Gone by: published. Soon: scheduled or ready. Later: still being written."""
    if at < now:
        return PostStatus.PUBLISHED
    days = (at - now).total_seconds() / 86_400
    if days < 3:
        return PostStatus.SCHEDULED if index % 3 else PostStatus.READY
    if days < 10:
        return PostStatus.READY if index % 2 else PostStatus.DRAFT
    return PostStatus.DRAFT if index % 2 else PostStatus.IDEA


def _published_url(platform: Platform, piece: Piece, day: date, index: int) -> str:
    if platform is Platform.BLOG and piece.link:
        return piece.link
    return {
        Platform.INSTAGRAM: f"https://www.instagram.com/p/MG{day:%y%m%d}{index:03d}/",
        Platform.FACEBOOK: f"https://www.facebook.com/mapleandgrain/posts/{day:%Y%m%d}{index:03d}",
        Platform.LINKEDIN: (
            f"https://www.linkedin.com/feed/update/urn:li:activity:7{day:%Y%m%d}{index:04d}"
        ),
    }.get(platform, f"https://mapleandgrain.ca/newsletter/{day:%Y-%m-%d}")


def pieces() -> dict[Platform, list[Piece]]:
    """Every channel's pool of pieces, built at fill time so that texts are translated."""
    return {
        Platform.INSTAGRAM: instagram(),
        Platform.FACEBOOK: facebook(),
        Platform.LINKEDIN: linkedin(),
        Platform.BLOG: blog(),
        Platform.NEWSLETTER: newsletter(),
    }


class _Picker:
    """Hands out each channel's pieces for a wanted pillar, in turn."""

    def __init__(self, pool: dict[Platform, list[Piece]]) -> None:
        self.pool = pool
        self.turns: dict[tuple[Platform, int], int] = {}

    def pick(self, platform: Platform, pillar: int) -> Piece:
        candidates = [piece for piece in self.pool[platform] if piece.pillar == pillar]
        candidates = candidates or self.pool[platform]
        turn = self.turns.get((platform, pillar), 0)
        self.turns[(platform, pillar)] = turn + 1
        return candidates[turn % len(candidates)]


def fill_calendar(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    """Add the slots, the six weeks of posts and the repurposed article."""
    now = clock()
    zone = demo.brand.timezone
    today = local(now, zone).date()
    for platform, slots in SLOTS.items():
        channel = demo.channels[platform]
        assert channel.id is not None
        for weekday, text in slots:
            store.slots.add(
                RecurringSlot(
                    brand_id=demo.brand_id, channel_id=channel.id, weekday=weekday, time_local=text
                )
            )
    pool = pieces()
    picker = _Picker(pool)
    spots = _spots(today) + _today(today, pool)
    spots.sort(key=lambda spot: (spot.day, spot.at, spot.platform.value))
    counters = {True: 0, False: 0}
    # Next week's Thursday article is the piece repurposed for other channels.
    article_day = today + timedelta(days=7 - today.weekday() + 3)
    source: Post | None = None
    for index, spot in enumerate(spots):
        this_month = (spot.day.year, spot.day.month) == (today.year, today.month)
        repurposed = spot.platform is Platform.BLOG and spot.day == article_day
        if spot.piece is None:
            if repurposed:
                spot.piece = pool[Platform.BLOG][0]
            else:
                sequence = HOLIDAY_PUSH if this_month else BALANCED
                pillar = sequence[counters[this_month] % len(sequence)]
                counters[this_month] += 1
                spot.piece = picker.pick(spot.platform, pillar)
        post = store.posts.add(_post(demo, spot, index, now))
        if repurposed:
            source = post
    if source is not None:
        _repurpose(store, demo, source)


def _post(demo: DemoWorkspace, spot: _Spot, index: int, now: datetime) -> Post:
    piece = spot.piece
    assert piece is not None
    at = to_utc(spot.day, spot.at, demo.brand.timezone)
    status = spot.status or _status(at, now, index)
    published = status is PostStatus.PUBLISHED
    objective = demo.objectives.get(piece.objective) if piece.objective else None
    return Post(
        brand_id=demo.brand_id,
        channel_id=demo.channels[spot.platform].id,
        pillar_id=demo.pillars[piece.pillar].id,
        objective_id=objective.id if objective else None,
        title=piece.title,
        body=piece.body,
        visual=piece.visual,
        call_to_action=piece.cta,
        hashtags=piece.hashtags,
        link_url=piece.link,
        utm_campaign=piece.campaign if piece.link else "",
        utm_content=f"{spot.platform.value}-{piece.post_type}" if piece.link else "",
        campaign=piece.campaign,
        scheduled_at=at,
        status=status,
        published_at=at + timedelta(minutes=2 + index % 7) if published else None,
        published_url=_published_url(spot.platform, piece, spot.day, index) if published else None,
        post_type=piece.post_type,
        notes=spot.notes,
    )


def _repurpose(store: Store, demo: DemoWorkspace, source: Post) -> None:
    """Next week's article, cut for LinkedIn (the next day) and Instagram (two days on)."""
    assert source.id is not None and source.scheduled_at is not None
    linkedin, instagram = demo.channels[Platform.LINKEDIN], demo.channels[Platform.INSTAGRAM]
    assert linkedin.id is not None and instagram.id is not None
    day = local(source.scheduled_at, demo.brand.timezone).date()
    zone = demo.brand.timezone
    made = store.posts.repurpose(source.id, [linkedin.id, instagram.id])
    variants = {variant.channel_id: variant for variant in made}
    store.posts.update(
        variants[linkedin.id].model_copy(
            update={
                "title": _("36 hours of patience: what sourdough taught our business"),
                "body": _(
                    "Our country loaf takes 36 hours from starter to oven. Slow steps we "
                    "refuse to rush, and what they taught us about running a small "
                    "business. The full method is in our journal."
                ),
                "hashtags": "#smallbusiness #craft #montreal",
                "post_type": "link",
                "scheduled_at": to_utc(day + timedelta(days=1), time(9, 30), zone),
                "utm_content": "linkedin-link",
            }
        )
    )
    store.posts.update(
        variants[instagram.id].model_copy(
            update={
                "title": _("Le levain de 36 heures en 6 photos"),
                "body": _(
                    "Du rafraîchi au grignage : our 36-hour loaf in six pictures. The "
                    "full method is on the blog, link in bio."
                ),
                "hashtags": "#levain #sourdough #montreal #boulangerie",
                "visual": _("Carousel: starter, mix, fold, shape, proof, score"),
                "post_type": "carousel",
                "scheduled_at": to_utc(day + timedelta(days=2), time(12, 0), zone),
                "utm_content": "instagram-carousel",
            }
        )
    )
