"""Provides the pieces of the demo calendar: the Piece a post is made from, each tagged
with its content pillar so that the calendar part can pick pieces to build the mix it wants
(a balanced one, or November's promotion-heavy holiday push), and the blog's and
newsletter's pieces (the social networks' are in :mod:`smtui.demo.calendar_social`).

Pillars are indexes into the demo's pillars: 0 "From our ovens", 1 "Montréal food scene",
2 "Orders and offers", 3 "Our team".
"""

from __future__ import annotations

from dataclasses import dataclass

from smtui.domain.enums import ObjectiveType
from smtui.domain.i18n import _

OWN, SCENE, ORDERS, TEAM = range(4)
SITE = "https://mapleandgrain.ca"


@dataclass(frozen=True, slots=True)
class Piece:
    pillar: int
    title: str
    body: str
    post_type: str
    hashtags: str = ""
    link: str | None = None
    campaign: str = ""
    cta: str = ""
    visual: str = ""
    objective: ObjectiveType | None = None


def blog() -> list[Piece]:
    return [
        Piece(
            OWN,
            _("Le levain de 36 heures, étape par étape"),
            _(
                "How our country loaf rests for 36 hours, from the feeding of the starter to the "
                "scoring, with the temperatures we use at each step."
            ),
            "link",
            link=f"{SITE}/journal/levain-36-heures",
            campaign="journal",
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            ORDERS,
            _("Our holiday menu 2026"),
            _(
                "Bûches, tourtières, gift boxes and the pick-up calendar: everything you can "
                "pre-order for the holidays, with allergens."
            ),
            "link",
            link=f"{SITE}/journal/menu-des-fetes-2026",
            campaign="fetes-2026",
            objective=ObjectiveType.ACQUISITION,
        ),
        Piece(
            SCENE,
            _("Visiting Moulin des Cantons"),
            _("A day at the mill that grinds our flour: the stones, the grain, the people."),
            "link",
            link=f"{SITE}/journal/moulin-des-cantons",
            campaign="journal",
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            OWN,
            _("Recipe: maple and pecan sticky buns"),
            _(
                "Our weekend recipe, scaled down for a home oven: 12 buns, one evening, one "
                "morning."
            ),
            "link",
            link=f"{SITE}/journal/brioches-erable-pacanes",
            campaign="journal",
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            TEAM,
            _("Becoming a baker at 35"),
            _(
                "Julien left accounting for bread. What the first year of an apprenticeship is "
                "really like."
            ),
            "link",
            link=f"{SITE}/journal/devenir-boulanger",
            campaign="recrutement",
            objective=ObjectiveType.RECRUITMENT,
        ),
    ]


def newsletter() -> list[Piece]:
    return [
        Piece(
            ORDERS,
            _("La Fournée: holiday pre-orders are open"),
            _("Subscribers get 48 hours' head start on bûche and gift-box pre-orders."),
            "link",
            link=f"{SITE}/fetes",
            campaign="fetes-2026",
            cta=_("Pre-order"),
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            OWN,
            _("La Fournée: what's fresh in November"),
            _("Buckwheat and honey loaf, squash scones and the return of the cardamom bun."),
            "link",
            link=f"{SITE}/journal",
            campaign="journal",
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            SCENE,
            _("La Fournée: our winter suppliers"),
            _("Meet the farms that carry us through winter: apples, honey, buckwheat."),
            "link",
            link=f"{SITE}/journal/fournisseurs-hiver",
            campaign="journal",
            objective=ObjectiveType.LOYALTY,
        ),
    ]
