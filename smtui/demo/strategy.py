"""Provides the strategy of the demo workspace: Maple & Grain, an artisan bakery-café in
Montréal, with its charter, channels, objectives, personas and content pillars.

The content follows the seeds' advice so that the demo teaches the method while showing the
screens: one mission statement per channel (Six-step plan), a voice and tone charter saying
what we do and don't do (Seven steps), SMART objectives typed by goal and measured by a
named metric (Seven steps, BDC checklist), personas and where they are, and pillars after
the 50/25/20/5 content matrix. One objective is left vague on purpose, so that the Strategy
screen shows failing SMART letters next to passing ones. Dates are relative to the clock, so
the demo looks current whenever it is made.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from smtui.demo.workspace import DemoWorkspace
from smtui.domain.channels import default_cadence, default_char_limit
from smtui.domain.clock import Clock
from smtui.domain.enums import (
    CadencePeriod,
    ChannelStatus,
    MetricFrequency,
    ObjectiveStatus,
    ObjectiveType,
    Platform,
)
from smtui.domain.i18n import _
from smtui.domain.models import Brand, Channel, Metric, Objective, Persona, Pillar

if TYPE_CHECKING:
    from smtui.store import Store

TIMEZONE = "America/Toronto"  # Montréal's IANA zone


def demo_brand() -> Brand:
    """The brand and its charter: who we are, how we sound, what we do and don't do."""
    return Brand(
        name="Maple & Grain",
        timezone=TIMEZONE,
        description=_(
            "Artisan bakery-café on Avenue du Mont-Royal, Montréal, opened in 2019. "
            "Naturally leavened breads from Québec-grown flour milled nearby, viennoiseries "
            "baked every morning, a weekend brunch and office catering. Eight employees; "
            "Camille (co-owner) runs the social accounts a few hours a week."
        ),
        voice_tone=_(
            "Warm, neighbourly and precise, like the baker talking to you over the counter. "
            "Bilingual: French first, English always welcome. Short sentences, concrete "
            "details (flour, hours, temperatures), a little humour, no jargon. We show the "
            "craft and the people behind it; what's in it for the reader comes first."
        ),
        dos=_(
            "Answer every comment and message within the day, questions within two hours "
            "during opening hours.\n"
            "Like and thank every share and mention; comment on the neighbours' posts.\n"
            "Name the farmers, millers and suppliers we work with and tag them.\n"
            "Post what is fresh today, with a real photo taken in the shop.\n"
            "Give allergen information whenever a product is shown.\n"
            "Keep the opening hours up to date on every profile."
        ),
        donts=_(
            "No stock photos, no filters that change what the bread looks like.\n"
            "No arguing in public: take complaints to a private message, then solve them.\n"
            "No promotions in more than one post out of five.\n"
            "No political or divisive topics; no jokes at a customer's expense.\n"
            "Never share a customer's photo without asking first.\n"
            "Don't leave a question unanswered, even on a closed day."
        ),
    )


def fill_strategy(store: Store, demo: DemoWorkspace, clock: Clock) -> None:
    """Fill the demo brand's strategy, writing only through the repositories."""
    today = clock().astimezone(ZoneInfo(demo.brand.timezone)).date()
    for channel in _channels(demo.brand_id):
        demo.channels[channel.platform] = store.channels.add(channel)
    for metric in _metrics(demo):
        store.metrics.add(metric)
    for objective in _objectives(demo.brand_id, today):
        demo.objectives[objective.type] = store.objectives.add(objective)
    demo.personas.extend(store.personas.add(persona) for persona in _personas(demo.brand_id))
    demo.pillars.extend(store.pillars.add(pillar) for pillar in _pillars(demo.brand_id))


def _channel(
    brand_id: int,
    platform: Platform,
    handle: str,
    url: str,
    manager: str,
    mission: str,
    status: ChannelStatus = ChannelStatus.ACTIVE,
) -> Channel:
    """A channel with its platform's character limit and the seeds' cadence by default."""
    cadence = default_cadence(platform)
    return Channel(
        brand_id=brand_id,
        platform=platform,
        handle=handle,
        url=url,
        manager=manager,
        mission=mission,
        status=status,
        char_limit=default_char_limit(platform),
        cadence_min=cadence.minimum,
        cadence_max=cadence.maximum,
        cadence_period=cadence.period,
    )


def _channels(brand_id: int) -> list[Channel]:
    channels = [
        _channel(
            brand_id,
            Platform.INSTAGRAM,
            "@mapleandgrain",
            "https://www.instagram.com/mapleandgrain",
            "Camille Tremblay",
            _(
                "We use Instagram to show the daily craft behind every loaf and to bring "
                "Montréal food lovers through our door."
            ),
        ),
        _channel(
            brand_id,
            Platform.FACEBOOK,
            "Maple & Grain Boulangerie",
            "https://www.facebook.com/mapleandgrain",
            "Camille Tremblay",
            _(
                "We use Facebook to keep the neighbourhood informed (hours, events, brunch "
                "bookings) and to answer their questions fast."
            ),
            # The audit found the page's hours and menu out of date.
            ChannelStatus.TO_UPDATE,
        ),
        _channel(
            brand_id,
            Platform.LINKEDIN,
            "Maple & Grain",
            "https://www.linkedin.com/company/maple-and-grain",
            "Julien Roy",
            _(
                "We use LinkedIn to win catering orders from offices in the Plateau and Mile End "
                "and to recruit bakers who love the trade."
            ),
        ),
        _channel(
            brand_id,
            Platform.BLOG,
            "Le Journal",
            "https://mapleandgrain.ca/journal",
            "Camille Tremblay",
            _(
                "Our blog tells the stories behind the bread (recipes, millers, seasons) and "
                "is the source the other channels share from."
            ),
        ),
        _channel(
            brand_id,
            Platform.NEWSLETTER,
            "La Fournée",
            "https://mapleandgrain.ca/newsletter",
            "Julien Roy",
            _(
                "Our newsletter keeps regulars coming back: seasonal bakes, pre-orders for "
                "the holidays and first word of our events."
            ),
        ),
    ]
    # Facebook is a secondary channel for us: fewer posts than the platform default.
    facebook = channels[1]
    channels[1] = facebook.model_copy(
        update={"cadence_min": 2, "cadence_max": 3, "cadence_period": CadencePeriod.WEEK}
    )
    return channels


def _metrics(demo: DemoWorkspace) -> list[Metric]:
    """The metrics the objectives name, made first so that they carry a unit and a channel."""
    brand_id = demo.brand_id
    instagram = demo.channels[Platform.INSTAGRAM].id
    return [
        Metric(brand_id=brand_id, name=_("Instagram followers"), channel_id=instagram),
        Metric(
            brand_id=brand_id,
            name=_("Brunch bookings from social links"),
            unit=_("bookings / month"),
            frequency=MetricFrequency.MONTHLY,
        ),
        Metric(
            brand_id=brand_id,
            name=_("Catering quote requests"),
            unit=_("requests / month"),
            channel_id=demo.channels[Platform.LINKEDIN].id,
            frequency=MetricFrequency.MONTHLY,
        ),
        Metric(
            brand_id=brand_id,
            name=_("Shares and reposts"),
            unit=_("per month"),
            frequency=MetricFrequency.MONTHLY,
        ),
        Metric(
            brand_id=brand_id,
            name=_("Median reply time"),
            unit=_("hours"),
            higher_is_better=False,
        ),
    ]


def _objectives(brand_id: int, today: date) -> list[Objective]:
    def days(count: int) -> date:
        return today + timedelta(days=count)

    return [
        Objective(
            brand_id=brand_id,
            statement=_(
                "Grow our Instagram community of Montréal food lovers from 1,850 to 2,600 "
                "followers by showing the daily craft of the bakery"
            ),
            type=ObjectiveType.AWARENESS,
            metric_name=_("Instagram followers"),
            baseline=1850,
            target=2600,
            start_date=days(-30),
            due_date=days(150),
        ),
        Objective(
            brand_id=brand_id,
            statement=_(
                "Bring new customers to the weekend brunch: 30 bookings a month through "
                "the links in our Facebook and Instagram posts"
            ),
            type=ObjectiveType.ACQUISITION,
            metric_name=_("Brunch bookings from social links"),
            baseline=12,
            target=30,
            start_date=days(-14),
            due_date=days(90),
        ),
        Objective(
            brand_id=brand_id,
            statement=_(
                "Turn regulars into ambassadors: more shares and reposts of our posts by "
                "the customers who already love us"
            ),
            type=ObjectiveType.LOYALTY,
            metric_name=_("Shares and reposts"),
            baseline=40,
            target=70,
            start_date=days(-7),
            due_date=days(180),
        ),
        # Deliberately vague (the seeds' example of what is not SMART), so that the screen
        # shows failing letters: too short to be specific, no baseline, no dates.
        Objective(
            brand_id=brand_id,
            statement=_("Reply faster"),
            type=ObjectiveType.CUSTOMER_SERVICE,
            metric_name=_("Median reply time"),
            target=2,
            status=ObjectiveStatus.DRAFT,
        ),
    ]


def _personas(brand_id: int) -> list[Persona]:
    return [
        Persona(
            brand_id=brand_id,
            name=_("Sophie, the Plateau regular"),
            summary=_(
                "Comes in every morning for a coffee and a loaf; follows us to see what is "
                "fresh and shares the prettiest bakes."
            ),
            demographics=_("32, graphic designer, lives and works in the Plateau, no car."),
            interests=_("Sourdough, local produce, café culture, photography, cycling."),
            pain_points=_(
                "The 8 a.m. queue; her favourite cardamom bun sold out by noon; unsure "
                "whether we are open on holidays."
            ),
            platforms=[Platform.INSTAGRAM, Platform.FACEBOOK],
        ),
        Persona(
            brand_id=brand_id,
            name=_("Marc, the office manager"),
            summary=_(
                "Orders breakfast and lunches for meetings of 10 to 40 people at a "
                "tech firm in Mile End."
            ),
            demographics=_("45, office manager, decides and pays by company card."),
            interests=_("Reliable suppliers, local businesses, team events."),
            pain_points=_(
                "Needs a quote within the day, an invoice, and clear vegan and gluten-free options."
            ),
            platforms=[Platform.LINKEDIN, Platform.NEWSLETTER],
        ),
        Persona(
            brand_id=brand_id,
            name=_("Amira and family, weekend brunchers"),
            summary=_(
                "A family who plans the Sunday outing on Saturday night and books wherever "
                "looks welcoming for children."
            ),
            demographics=_("38, nurse, two children aged 4 and 8, lives in Rosemont."),
            interests=_("Family outings, seasonal food, neighbourhood events."),
            pain_points=_("Can we book? Is there a children's menu? What about nut allergies?"),
            platforms=[Platform.FACEBOOK, Platform.INSTAGRAM, Platform.BLOG],
        ),
    ]


def _pillars(brand_id: int) -> list[Pillar]:
    """Our own take on the 50/25/20/5 content matrix from the Six-step plan."""
    return [
        Pillar(
            brand_id=brand_id,
            name=_("From our ovens"),
            description=_("Our own content: today's bakes, recipes, the journal's articles."),
            target_share=50,
            colour="green",
        ),
        Pillar(
            brand_id=brand_id,
            name=_("Montréal food scene"),
            description=_("Curated: our farmers, millers, neighbours and the city's food news."),
            target_share=25,
            colour="blue",
        ),
        Pillar(
            brand_id=brand_id,
            name=_("Orders and offers"),
            description=_("Business goals: brunch bookings, catering, holiday pre-orders."),
            target_share=20,
            colour="orange",
        ),
        Pillar(
            brand_id=brand_id,
            name=_("Our team"),
            description=_("People and culture: the bakers, the early shifts, we're hiring."),
            target_share=5,
            colour="purple",
        ),
    ]
