"""Provides the audit: its template (data shipped in the package), dated runs and their
items, competitor observations, and the pure rules on them (expand the template for a
brand's channels, compare two runs, measure progress).

The template is a TOML file rather than code so that it can be edited, versioned and
translated without touching Python; runs copy its items, so history never changes when
the template does. A run's items, and the open actions among them, are in
:mod:`smtui.domain.audit_items`, which Today's first frame loads without the rest.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from smtui.domain.audit_items import AuditItem
from smtui.domain.enums import CadencePeriod, Platform
from smtui.domain.i18n import _
from smtui.domain.models import Channel, LongText, Model, Name
from smtui.domain.seeds import SEED_NAMES

TEMPLATE_FILE = "audit_template.toml"


def default_run_title(started_on: date, taken: Collection[str] = ()) -> str:
    """ "Q4 2026 audit": runs are usually quarterly, so the quarter names them; a second
    run in the quarter is "Q4 2026 audit (2)", so that the list of runs tells them apart."""
    quarter = (started_on.month - 1) // 3 + 1
    title = _("Q{quarter} {year} audit").format(quarter=quarter, year=started_on.year)
    count = 1
    found = title
    while found in taken:
        count += 1
        found = f"{title} ({count})"
    return found


# --- the template ----------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateItem:
    key: str
    text: str
    source: str
    per_channel: bool = False


@dataclass(frozen=True)
class TemplateSection:
    key: str
    title: str
    items: tuple[TemplateItem, ...]


@dataclass(frozen=True)
class Template:
    version: str
    sections: tuple[TemplateSection, ...]

    @property
    def items(self) -> list[TemplateItem]:
        return [item for section in self.sections for item in section.items]


@dataclass(frozen=True)
class ItemSpec:
    """One item a new run will hold: the template item, expanded for a channel if needed."""

    key: str
    section: str
    position: int
    text: str
    source: str
    channel_id: int | None = None


def parse_template(data: dict[str, Any]) -> Template:
    """Build a template from parsed TOML, refusing what would make runs incomparable."""
    sections = tuple(
        TemplateSection(
            key=str(section["key"]),
            title=str(section["title"]),
            items=tuple(
                TemplateItem(
                    key=str(item["key"]),
                    text=str(item["text"]),
                    source=str(item["source"]),
                    per_channel=bool(item.get("per_channel", False)),
                )
                for item in section.get("items", ())
            ),
        )
        for section in data.get("sections", ())
    )
    template = Template(version=str(data["version"]), sections=sections)
    keys = [item.key for item in template.items]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"audit template: duplicate keys {duplicates}")
    unknown = sorted({item.source for item in template.items} - set(SEED_NAMES))
    if unknown:
        raise ValueError(f"audit template: unknown sources {unknown}")
    return template


def load_template() -> Template:
    """The built-in template, read from the installed package (works from a wheel too)."""
    # Imported here: importlib.resources brings tempfile, random and hashlib (10 ms at every
    # start), and only a new audit run reads the template.
    import tomllib
    from importlib import resources

    text = resources.files("smtui.domain").joinpath(TEMPLATE_FILE).read_text(encoding="utf-8")
    return parse_template(tomllib.loads(text))


def expand(template: Template, channels: Sequence[Channel]) -> list[ItemSpec]:
    """The items of a new run, in order: per-channel items once per channel.

    Positions run across the whole run (not per section), so ordering by position alone
    keeps the template's section order. The text keeps the English source with the
    channel's label filled in, so an old run still reads right after a channel is renamed.
    """
    specs: list[ItemSpec] = []
    for section in template.sections:
        for item in section.items:
            targets: Iterable[Channel | None] = channels if item.per_channel else (None,)
            for channel in targets:
                text = item.text
                if channel is not None:
                    text = text.replace("{channel}", channel.label)
                specs.append(
                    ItemSpec(
                        key=item.key,
                        section=section.title,
                        position=len(specs),
                        text=text,
                        source=item.source,
                        channel_id=channel.id if channel is not None else None,
                    )
                )
    return specs


# --- runs (their items are in smtui.domain.audit_items) ---------------------------------


class AuditRun(Model):
    id: int | None = None
    brand_id: int
    title: Annotated[str, Field(min_length=1, max_length=200)]
    started_on: date
    finished_at: datetime | None = None
    template_version: Annotated[str, Field(max_length=20)] = ""

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class RunSummary:
    """A run with its counts, computed in SQL so the runs list never loads the items."""

    run: AuditRun
    done: int
    total: int
    open_actions: int

    @property
    def percent(self) -> int:
        return self.done * 100 // self.total if self.total else 0


@dataclass(frozen=True)
class ItemChange:
    previous: AuditItem
    current: AuditItem


@dataclass(frozen=True)
class Comparison:
    """What changed between two runs, items matched by key and channel."""

    changed: list[ItemChange] = field(default_factory=list)
    added: list[AuditItem] = field(default_factory=list)
    removed: list[AuditItem] = field(default_factory=list)


def compare(previous_items: Sequence[AuditItem], current_items: Sequence[AuditItem]) -> Comparison:
    """Items whose done state changed, and items only one run has (template or channels
    changed). Items without a key (added by hand) are matched by their text instead."""

    def identity(item: AuditItem) -> tuple[str, int | None]:
        return (item.key or "text:" + item.text, item.channel_id)

    before = {identity(item): item for item in previous_items}
    after = {identity(item): item for item in current_items}
    changed = [
        ItemChange(before[ident], item)
        for ident, item in after.items()
        if ident in before and before[ident].done != item.done
    ]
    added = [item for ident, item in after.items() if ident not in before]
    removed = [item for ident, item in before.items() if ident not in after]
    return Comparison(changed=changed, added=added, removed=removed)


@dataclass(frozen=True)
class SectionProgress:
    section: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        """Whole percent, rounded down so that 100 means everything is ticked."""
        return self.done * 100 // self.total if self.total else 0


@dataclass(frozen=True)
class Progress:
    sections: list[SectionProgress]
    overall: SectionProgress


def progress(items: Iterable[AuditItem]) -> Progress:
    """Done over total per section (in the order sections first appear) and overall."""
    counts: dict[str, list[int]] = {}
    for item in items:
        pair = counts.setdefault(item.section, [0, 0])
        pair[0] += int(item.done)
        pair[1] += 1
    sections = [SectionProgress(name, done, total) for name, (done, total) in counts.items()]
    overall = SectionProgress(
        _("Overall"),
        sum(section.done for section in sections),
        sum(section.total for section in sections),
    )
    return Progress(sections=sections, overall=overall)


# --- competitor benchmark --------------------------------------------------------------


class CompetitorObservation(Model):
    """What a competitor looked like on one date; observations accumulate over time."""

    id: int | None = None
    brand_id: int
    name: Name
    platform: Platform
    handle: Annotated[str, Field(max_length=120)] = ""
    followers: Annotated[int, Field(ge=0)] | None = None
    posts_per_week: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    content_types: LongText = ""
    notes: LongText = ""
    observed_on: date


@dataclass(frozen=True)
class CompetitorChange:
    """The latest observation of one competitor on one platform, and the change since the
    one before (None when there is no earlier observation or a value is missing)."""

    latest: CompetitorObservation
    previous_on: date | None = None
    followers_change: int | None = None
    posts_per_week_change: float | None = None


def change_since(
    latest: CompetitorObservation, previous: CompetitorObservation | None
) -> CompetitorChange:
    """Pure difference of two observations, so the store only has to fetch two rows."""
    if previous is None:
        return CompetitorChange(latest=latest)
    followers = (
        latest.followers - previous.followers
        if latest.followers is not None and previous.followers is not None
        else None
    )
    posts = (
        latest.posts_per_week - previous.posts_per_week
        if latest.posts_per_week is not None and previous.posts_per_week is not None
        else None
    )
    return CompetitorChange(
        latest=latest,
        previous_on=previous.observed_on,
        followers_change=followers,
        posts_per_week_change=posts,
    )


# An observed "posts per week" is an estimate; within 10% of the plan reads as "the same".
FREQUENCY_MARGIN = 0.1


class FrequencyVerdict(StrEnum):
    MORE = "more"  # the competitor posts more often than the brand plans to
    WITHIN = "within"
    FEWER = "fewer"
    NO_PLAN = "no_plan"  # no channel on that platform, or none with a cadence
    UNKNOWN = "unknown"  # the observation has no posting frequency


@dataclass(frozen=True)
class FrequencyComparison:
    """A competitor's posts per week against the brand's planned cadence on the platform,
    both per week (a monthly cadence is scaled by 7 / 30.44 days)."""

    posts_per_week: float | None
    planned_low: float | None
    planned_high: float | None
    verdict: FrequencyVerdict


def _per_week(count: int, period: CadencePeriod) -> float:
    return count * 7 / (365.25 / 12) if period is CadencePeriod.MONTH else float(count)


def compare_frequency(
    observation: CompetitorObservation, channels: Iterable[Channel]
) -> FrequencyComparison:
    """Sum the cadence of the brand's channels on the observation's platform (a brand with
    two Instagram accounts plans the posts of both) and place the competitor against it,
    with a margin of :data:`FREQUENCY_MARGIN` either side."""
    low = high = 0.0
    planned = False
    for channel in channels:
        if channel.platform != observation.platform:
            continue
        if channel.cadence_min is None and channel.cadence_max is None:
            continue
        planned = True
        minimum = channel.cadence_min if channel.cadence_min is not None else channel.cadence_max
        maximum = channel.cadence_max if channel.cadence_max is not None else channel.cadence_min
        low += _per_week(minimum or 0, channel.cadence_period)
        high += _per_week(maximum or 0, channel.cadence_period)
    posts = observation.posts_per_week
    if not planned:
        return FrequencyComparison(posts, None, None, FrequencyVerdict.NO_PLAN)
    if posts is None:
        verdict = FrequencyVerdict.UNKNOWN
    elif posts > high * (1 + FREQUENCY_MARGIN) + 1e-9:
        verdict = FrequencyVerdict.MORE
    elif posts < low * (1 - FREQUENCY_MARGIN) - 1e-9:
        verdict = FrequencyVerdict.FEWER
    else:
        verdict = FrequencyVerdict.WITHIN
    return FrequencyComparison(posts, low, high, verdict)
