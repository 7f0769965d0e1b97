"""Provides an audit run's items, and the open actions among them (an item with a due
date, not done) that Today lists until they are done.

They live apart from the template, the comparisons and the competitors
(:mod:`smtui.domain.audit`) so that Today's first frame does not load those.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Annotated

from pydantic import Field, field_validator

from smtui.domain.i18n import _, language
from smtui.domain.models import LongText, Model
from smtui.domain.validation import check_url


class AuditItem(Model):
    id: int | None = None
    run_id: int
    key: Annotated[str, Field(max_length=120)] = ""
    section: Annotated[str, Field(min_length=1, max_length=120)]
    position: int = 0
    text: Annotated[str, Field(min_length=1, max_length=20_000)]
    source: Annotated[str, Field(max_length=60)] = ""
    channel_id: int | None = None
    done: bool = False
    note: LongText = ""
    evidence_url: str | None = None
    due_date: date | None = None
    owner: Annotated[str, Field(max_length=120)] = ""

    @field_validator("evidence_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url(value) if value else None

    @property
    def shown_text(self) -> str:
        """The item in the user's language. A run keeps its items' English text as it was
        written when the run began (the channel's label filled in); the translation is of
        the template's text, so an item whose text no longer matches it stays as stored."""
        if language() == "en":
            return self.text
        if self.channel_id is None:
            return _(self.text)
        source = _per_channel_texts().get(self.key)
        if source is not None:
            head, _sep, tail = source.partition("{channel}")
            label = self.text[len(head) : len(self.text) - len(tail)]
            if self.text == head + label + tail and label:
                return _(source).replace("{channel}", label)
        return self.text

    @property
    def is_action(self) -> bool:
        """An item with a due date is an action the Today screen shows until it is done."""
        return self.due_date is not None and not self.done


@dataclass(frozen=True)
class AuditAction:
    """An open action item (due date, not done) with the run it belongs to: what the Today
    screen lists, and what it needs to say where the action comes from."""

    item: AuditItem
    run_title: str
    brand_id: int


@cache
def _per_channel_texts() -> dict[str, str]:
    """The template's per-channel items by key, their text with ``{channel}`` unfilled."""
    from smtui.domain.audit import load_template  # the template only for a translation

    return {item.key: item.text for item in load_template().items if item.per_channel}
