"""Provides saved replies and their placeholders: ``{author}``, ``{brand}``, ``{channel}``
(and ``{handle}``) are filled in; any other ``{word}`` stays visible, so that a typo in a
template shows up in the composer rather than vanishing silently."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, field_validator

from smtui.domain.inbox import parse_tags
from smtui.domain.models import Model
from smtui.domain.priority import fold

PLACEHOLDERS = ("author", "handle", "brand", "channel")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class SavedReply(Model):
    id: int | None = None
    brand_id: int
    name: Annotated[str, Field(min_length=1, max_length=120)]
    tags: tuple[str, ...] = ()
    language: Annotated[str, Field(max_length=10)] = "en"
    text: Annotated[str, Field(min_length=1, max_length=20_000)]

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any) -> tuple[str, ...]:
        return parse_tags(value)

    def matches(self, query: str) -> bool:
        """Whether every word of ``query`` is in the name, the tags or the language."""
        haystack = fold(" ".join((self.name, *self.tags, self.language)))
        return all(word in haystack for word in fold(query).split())


def fill_placeholders(template: str, values: Mapping[str, str]) -> str:
    """The template with each known ``{name}`` replaced; unknown ones are left as typed."""

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        value = values.get(key)
        return match.group(0) if value is None or value == "" else value

    return _PLACEHOLDER.sub(replace, template)
