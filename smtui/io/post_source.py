"""Provides what every post reader shares: the row a reader hands on (a :class:`Draft`),
the error it reports (a :class:`RowError`, with its line), the brand's channels, pillars and
objectives looked up by the names people write in files, and the CSV plumbing.

Readers only split a file into drafts; :mod:`smtui.io.post_import` checks them all against
the workspace before anything is written, so a file with one bad line imports nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from smtui.domain.enums import Platform
from smtui.domain.i18n import _
from smtui.domain.models import Brand, Channel, Objective, Pillar
from smtui.domain.text import strip_controls
from smtui.domain.validation import DomainError

# What some tools call a network that smtui names otherwise.
PLATFORM_ALIASES: dict[str, Platform] = {"twitter": Platform.X, "x (twitter)": Platform.X}
# A leading quote that smtui.io.files.safe_cell put before one of these: taken off again.
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


class FileFormatError(Exception):
    """The file as a whole cannot be read (encoding, header, format): no line to blame."""


@dataclass(frozen=True, slots=True)
class RowError:
    """One reason one line of the file cannot be imported; ``field`` names the column."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = _("line {line}").format(line=self.line)
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass
class Draft:
    """One post as a file describes it, not yet checked against the workspace.

    ``local`` is the wall-clock time in the brand's zone as written (None: not placed on
    the calendar); ``values`` holds the other columns under smtui's own names; ``errors``
    are what the reader itself already found wrong (a date it could not read). A reader
    that finds the channel itself sets ``resolved``; one that leaves a line out on purpose
    (a Metricool line for another network) sets ``skip`` to say why.
    """

    line: int
    channel: str | None
    resolved: Channel | None = None
    skip: str | None = None
    local: datetime | None = None
    values: dict[str, str] = field(default_factory=dict)
    file_id: str | None = None
    errors: list[RowError] = field(default_factory=list)

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.line, column, message))


def cell(value: str | None) -> str:
    """A cell as text: control characters removed, an exporter's formula guard undone."""
    text = strip_controls(value or "")
    if text.startswith(_NEUTRALISED):
        text = text[1:]
    return text.strip()


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on (a quoted cell may span several lines).

    Excel's byte-order mark is accepted; a file that is not UTF-8 is refused as a whole.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            start = 1
            for record in reader:
                if any(part.strip() for part in record):
                    yield start, record
                start = reader.line_num + 1
    except UnicodeDecodeError as error:
        raise FileFormatError(_("not UTF-8 text; save it as CSV UTF-8")) from error
    except csv.Error as error:
        raise FileFormatError(_("not a readable CSV file: {error}").format(error=error)) from error


def header_index(header: Sequence[str]) -> dict[str, int]:
    """Column positions by lower-cased, trimmed name (the first of two same names wins)."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(cell(name).casefold(), position)
    return index


class BrandLookup:
    """The brand's channels, pillars and objectives, found by the names files use."""

    def __init__(
        self,
        brand: Brand,
        channels: Sequence[Channel],
        pillars: Sequence[Pillar],
        objectives: Sequence[Objective],
    ) -> None:
        self.brand = brand
        self.channels = list(channels)
        self.pillars = list(pillars)
        self.objectives = list(objectives)
        self.channel_by_id = {channel.id: channel for channel in self.channels}
        self.pillar_names = {pillar.id: pillar.name for pillar in self.pillars}
        self.objective_statements = {item.id: item.statement for item in self.objectives}

    @property
    def timezone(self) -> str:
        return self.brand.timezone

    def channel_names(self) -> str:
        return ", ".join(channel.label for channel in self.channels) or _("(none)")

    def channel(self, name: str) -> Channel:
        """The channel a file names by handle, "Platform handle", or platform alone.

        A platform alone must be unambiguous: a brand with two Instagram accounts needs the
        handle. The message lists the brand's channels so the user can copy one.
        """
        wanted = name.strip().casefold()
        for channel in self.channels:
            if wanted in (channel.handle.casefold(), channel.label.casefold()):
                return channel
        platform = PLATFORM_ALIASES.get(wanted)
        matches = [
            channel
            for channel in self.channels
            if wanted in (channel.platform.value, channel.platform.label.casefold())
            or channel.platform is platform
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise DomainError(
                _("{name} matches several channels; name one by its handle: {names}").format(
                    name=name, names=", ".join(channel.label for channel in matches)
                ),
                "channel",
            )
        raise DomainError(
            _("no channel {name} in this brand; its channels are: {names}").format(
                name=name, names=self.channel_names()
            ),
            "channel",
        )

    def channels_on(self, platform: Platform) -> list[Channel]:
        return [channel for channel in self.channels if channel.platform is platform]

    def pillar(self, name: str) -> Pillar:
        wanted = name.strip().casefold()
        for pillar in self.pillars:
            if pillar.name.casefold() == wanted:
                return pillar
        raise DomainError(
            _("no pillar {name}; the pillars are: {names}").format(
                name=name, names=", ".join(pillar.name for pillar in self.pillars) or _("(none)")
            ),
            "pillar",
        )

    def objective(self, name: str) -> Objective:
        """An objective by its statement, or by its type when only one has that type."""
        wanted = name.strip().casefold()
        for objective in self.objectives:
            if objective.statement.casefold() == wanted:
                return objective
        typed = [
            objective
            for objective in self.objectives
            if wanted in (objective.type.value, objective.type.label.casefold())
        ]
        if len(typed) == 1:
            return typed[0]
        raise DomainError(
            _("no objective {name}; write its statement or its type ({types})").format(
                name=name,
                types=", ".join(sorted({objective.type.value for objective in self.objectives}))
                or _("none yet"),
            ),
            "objective",
        )
