"""Provides the content-mix rules: the sum of pillar shares and the presets from the seeds.

Presets (DESIGN.md, Six-step plan): 80/20 (inform, educate, entertain / promote); the rule
of thirds (promote / share others' ideas / personal interaction); 50/25/20/5 (own blog
content / curated content / business goals / HR and culture).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smtui.domain.i18n import N_, _


@dataclass(frozen=True, slots=True)
class PresetPillar:
    name: str
    share: int
    description: str
    colour: str


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    title: str
    pillars: tuple[PresetPillar, ...]


PRESETS: tuple[Preset, ...] = (
    Preset(
        "80-20",
        N_("80/20: value first, promotion second"),
        (
            PresetPillar(
                N_("Inform, educate, entertain"),
                80,
                N_("Content that serves the audience"),
                "green",
            ),
            PresetPillar(N_("Promote"), 20, N_("Offers, products, calls to buy"), "orange"),
        ),
    ),
    Preset(
        "thirds",
        N_("Rule of thirds"),
        (
            PresetPillar(N_("Promote"), 34, N_("The brand, its offers and results"), "orange"),
            PresetPillar(
                N_("Share others' ideas"),
                33,
                N_("Curated ideas from the field and its leaders"),
                "blue",
            ),
            PresetPillar(
                N_("Personal interaction"),
                33,
                N_("Conversations that build the relationship"),
                "purple",
            ),
        ),
    ),
    Preset(
        "50-25-20-5",
        N_("50/25/20/5 content matrix"),
        (
            PresetPillar(N_("Own blog content"), 50, N_("Articles from the brand's blog"), "green"),
            PresetPillar(N_("Curated content"), 25, N_("The best of what others publish"), "blue"),
            PresetPillar(N_("Business goals"), 20, N_("Leads, sales, sign-ups"), "orange"),
            PresetPillar(N_("HR and culture"), 5, N_("The people and the workplace"), "purple"),
        ),
    ),
)


def preset(key: str) -> Preset:
    """The preset with this key; raises KeyError for an unknown one."""
    for item in PRESETS:
        if item.key == key:
            return item
    raise KeyError(key)


def share_total(shares: Iterable[int]) -> int:
    return sum(shares)


def share_problem(shares: Iterable[int]) -> str:
    """Why the shares do not make a whole mix, or "" when they sum to 100 %."""
    total = share_total(shares)
    if total == 100:
        return ""
    if total < 100:
        return _("shares sum to {total}%: {gap}% unassigned").format(total=total, gap=100 - total)
    return _("shares sum to {total}%: {gap}% too much").format(total=total, gap=total - 100)
