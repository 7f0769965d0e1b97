"""Provides the pydantic models of the strategy: brand, channel, objective, persona, pillar,
metric. They are what repositories return and accept; their validators hold the rules a
value must meet, with messages that name the problem in the user's language."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from smtui.domain.enums import (
    CadencePeriod,
    ChannelStatus,
    MetricFrequency,
    ObjectiveStatus,
    ObjectiveType,
    Platform,
)
from smtui.domain.i18n import _
from smtui.domain.validation import (
    DomainError,
    check_colour,
    check_timezone,
    check_url,
    is_known_timezone,
)

UTC_ZONE = "UTC"
Name = Annotated[str, Field(min_length=1, max_length=120)]
LongText = Annotated[str, Field(max_length=20_000)]


class Model(BaseModel):
    """Base of every domain model: trimmed strings, attributes readable from rows.

    ``defer_build``: a model's validator is built when it first validates, not when its
    module is imported. The first frame imports some thirty models and uses a dozen; building
    the rest cost about 20 ms of every start.
    """

    model_config = ConfigDict(str_strip_whitespace=True, from_attributes=True, defer_build=True)


class Brand(Model):
    id: int | None = None
    name: Name
    timezone: str = "UTC"
    description: LongText = ""
    voice_tone: LongText = ""
    dos: LongText = ""
    donts: LongText = ""

    # The zone as stored when this machine does not know it; ``timezone`` is then UTC, so
    # that every screen and command still works, and the Charter shows this one as invalid.
    unknown_timezone: str | None = Field(default=None, exclude=True)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return check_timezone(value)

    @classmethod
    def stored(cls, values: dict[str, object]) -> Brand:
        """A brand read back from the store: a zone this machine does not know is kept aside
        in ``unknown_timezone`` and replaced by UTC, rather than refused as a form would."""
        zone = str(values.get("timezone") or "UTC")
        if is_known_timezone(zone):
            return cls.model_validate(values)
        return cls.model_validate({**values, "timezone": UTC_ZONE, "unknown_timezone": zone})

    def known_zone(self) -> Brand:
        """This brand with a zone this machine knows (see :meth:`stored`); built without
        validation, as the snapshot builds it."""
        if is_known_timezone(self.timezone):
            return self
        return self.model_copy(update={"timezone": UTC_ZONE, "unknown_timezone": self.timezone})

    def zone_warning(self) -> str | None:
        """The one line that says times are shown in UTC, or None when the zone is known."""
        if self.unknown_timezone is None:
            return None
        return _(
            "brand {name}: its time zone {zone} is unknown to this machine; times are shown "
            "in UTC until you set a valid zone in Strategy > Charter"
        ).format(name=self.name, zone=self.unknown_timezone)


class Channel(Model):
    id: int | None = None
    brand_id: int
    platform: Platform
    handle: Name
    url: str | None = None
    manager: Annotated[str, Field(max_length=120)] = ""
    mission: LongText = ""
    status: ChannelStatus = ChannelStatus.ACTIVE
    char_limit: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    cadence_min: Annotated[int, Field(ge=0, le=1000)] | None = None
    cadence_max: Annotated[int, Field(ge=0, le=1000)] | None = None
    cadence_period: CadencePeriod = CadencePeriod.WEEK

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url(value) if value else None

    @model_validator(mode="after")
    def _cadence_order(self) -> Self:
        if (
            self.cadence_min is not None
            and self.cadence_max is not None
            and self.cadence_min > self.cadence_max
        ):
            raise DomainError(_("must be at least the minimum"), field="cadence_max")
        return self

    @property
    def label(self) -> str:
        """How the channel is named in lists: "LinkedIn @maple"."""
        return f"{self.platform.label} {self.handle}"

    @property
    def cadence_text(self) -> str:
        """ "2-3 / week", "4 / month", or "" when the channel has no target."""
        low, high = self.cadence_min, self.cadence_max
        if low is None and high is None:
            return ""
        if low is None or high is None or low == high:
            count = str(low if high is None else high)
        else:
            count = f"{low}-{high}"
        return f"{count} / {self.cadence_period.label}"


class Objective(Model):
    id: int | None = None
    brand_id: int
    statement: Annotated[str, Field(min_length=1, max_length=1000)]
    type: ObjectiveType
    metric_id: int | None = None
    metric_name: Annotated[str, Field(max_length=120)] | None = None
    # "inf" and "nan" parse as floats; neither is a number a plan can aim at.
    baseline: Annotated[float, Field(allow_inf_nan=False)] | None = None
    target: Annotated[float, Field(allow_inf_nan=False)] | None = None
    start_date: date | None = None
    due_date: date | None = None
    status: ObjectiveStatus = ObjectiveStatus.ACTIVE

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise DomainError(_("must be on or after the start date"), field="due_date")
        return self


class Persona(Model):
    id: int | None = None
    brand_id: int
    name: Name
    summary: LongText = ""
    demographics: LongText = ""
    interests: LongText = ""
    pain_points: LongText = ""
    platforms: list[Platform] = Field(default_factory=list)

    @field_validator("platforms", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        """Accept "linkedin, instagram" as typed in a form or stored in a column."""
        if isinstance(value, str):
            return [
                part.strip().lower() for part in value.replace(";", ",").split(",") if part.strip()
            ]
        return value


class Pillar(Model):
    id: int | None = None
    brand_id: int
    name: Name
    description: LongText = ""
    target_share: Annotated[int, Field(ge=0, le=100)] = 0
    colour: str = "blue"

    @field_validator("colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        return check_colour(value)


class Metric(Model):
    id: int | None = None
    brand_id: int
    name: Name
    unit: Annotated[str, Field(max_length=40)] = ""
    channel_id: int | None = None
    frequency: MetricFrequency = MetricFrequency.WEEKLY
    higher_is_better: bool = True
