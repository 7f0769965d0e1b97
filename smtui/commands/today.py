"""Provides ``smtui today``: the morning brief without the UI, as text or JSON.

It must start fast (a script may call it from a shell prompt or a status bar), so it never
imports Textual or Rich, nor SQLAlchemy on a database already at this version's schema: the
brief is read by :mod:`smtui.today.brief` from the store's snapshot, as the Today screen
reads it.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from typing import TYPE_CHECKING

import click

from smtui.commands.common import (
    SmtuiCommand,
    brand_option,
    checked_clock,
    open_store,
    workspace_of,
)
from smtui.domain.i18n import _

if TYPE_CHECKING:
    from smtui.domain.models import Brand
    from smtui.today.source import BriefSource


def _brands(source: BriefSource, name: str | None) -> list[Brand]:
    """The brand named, or every brand (the brief shows them together)."""
    from smtui.commands.common import choose_brand, warn_of_zone

    brands = source.brands()
    if name is not None:
        return [choose_brand(brands, name)]
    return [warn_of_zone(brand) for brand in brands]


def _day(text: str | None, today: date) -> date:
    """``--date``: YYYY-MM-DD, or today, tomorrow, yesterday."""
    from smtui.domain.local_time import DayOutOfRangeError, parse_day_or_word
    from smtui.domain.validation import DomainError

    if text is None:
        return today
    try:
        return parse_day_or_word(text, today, "--date")  # the prompts' own words
    except DayOutOfRangeError as error:
        raise click.BadParameter(error.message, param_hint="--date") from None
    except DomainError:
        raise click.BadParameter(
            _("{value} is not a date: write YYYY-MM-DD, today, tomorrow or yesterday").format(
                value=text
            ),
            param_hint="--date",
        ) from None


@click.command("today", cls=SmtuiCommand)
@click.option(
    "--date",
    "day_text",
    metavar="DATE",
    help=_("The day to brief: YYYY-MM-DD, today, tomorrow or yesterday (default: today)."),
)
@brand_option
@click.option(
    "--json", "as_json", is_flag=True, help=_("Print JSON for scripts (shape in the README).")
)
@click.pass_context
def today(ctx: click.Context, day_text: str | None, brand_name: str | None, as_json: bool) -> None:
    """What to post today, to whom to reply, what to log and what is due."""
    from smtui.domain.local_time import local
    from smtui.today.brief import build_brief

    clock = checked_clock()
    now = clock()
    with open_store(workspace_of(ctx), clock) as store, store.snapshot() as source:
        brands = _brands(source, brand_name)
        zone = brands[0].timezone if brands else "UTC"
        day = _day(day_text, local(now, zone).date())
        brief = build_brief(source, brands, day, now)
    if as_json:
        from smtui.today.shape import brief_json

        click.echo(json.dumps(brief_json(brief), ensure_ascii=False, indent=2))
        return
    from smtui.today.text import brief_text

    # The terminal's width ($COLUMNS first), 80 when piped: a line must never wrap.
    width = max(shutil.get_terminal_size((80, 24)).columns, 40)
    for line in brief_text(brief, width):
        click.echo(line)
