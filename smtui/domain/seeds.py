"""Provides the five guides smtui is built from, as seeds/README.md names them: the short
name every audit template item cites, and what an item's detail shows about its guide."""

from __future__ import annotations

from dataclasses import dataclass

from smtui.domain.i18n import N_

# The short names of the five guides in seeds/README.md; every template item cites one.
# They are keys as well as names: N_ leaves them as they are, and the detail translates them.
SEED_NAMES: tuple[str, ...] = (
    N_("BDC checklist"),
    N_("Seven steps"),
    N_("Community essay"),
    N_("Six phases"),
    N_("Six-step plan"),
)


@dataclass(frozen=True)
class SeedGuide:
    """What an item's detail says about the guide it comes from (seeds/README.md)."""

    name: str
    title: str  # the guide's own (French) title, shown as it is; "" when it has none
    file: str
    about: str  # an N_ marked source string: translate when shown


SEED_GUIDES: dict[str, SeedGuide] = {
    guide.name: guide
    for guide in (
        SeedGuide(
            "BDC checklist",
            "BDC, « Comment créer une stratégie de médias sociaux »",
            "000_120ed1db9cba4897.txt",
            N_(
                "Objectives and how to measure them, audience, key messages, engagement, "
                "action plan (who does what), publishing calendar, existing content."
            ),
        ),
        SeedGuide(
            "Seven steps",
            "« Déployez votre stratégie sur les réseaux sociaux en sept étapes »",
            "001_ff16a6d95da90fa2.txt",
            N_(
                "Situation audit and competitor benchmark, SMART objectives, targets and "
                "platforms, resources, social-media and editorial charters, cadence, KPIs."
            ),
        ),
        SeedGuide(
            "Community essay",
            "",
            "002_365c35775d06fe44.txt",
            N_(
                "Listen, discuss, associate; editorial calendar; content from mission, vision "
                'and values; "what\'s in it for me"; answer fast, like and thank.'
            ),
        ),
        SeedGuide(
            "Six phases",
            "Michelle Blanc, « Planifier une stratégie médias sociaux »",
            "003_804107ac54c05ba5.txt",
            N_(
                "Listening with feeds, securing profiles, editorial line, cross-promotion, "
                "community building (two comments elsewhere per post), measure and adjust."
            ),
        ),
        SeedGuide(
            "Six-step plan",
            "« Gestion médias sociaux : comment créer un plan de marketing en 6 étapes »",
            "004_5168a9ff0e341a45.txt",
            N_(
                "Goals and metrics, account audit (owners, purpose, keep/update/delete, "
                "fraudulent accounts, mission statements), profiles, competitors, content plan."
            ),
        ),
    )
}
