"""Provides the Channels tab: each account with its mission, owner, status and cadence."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from smtui.domain.channels import default_cadence, default_char_limit
from smtui.domain.enums import CadencePeriod, ChannelStatus, Platform
from smtui.domain.figures import number
from smtui.domain.i18n import _
from smtui.domain.models import Channel
from smtui.screens.strategy.list_pane import ListPane
from smtui.widgets import FormField, literal, literal_line

STATUS_STYLE = {
    ChannelStatus.ACTIVE: "green",
    ChannelStatus.TO_CREATE: "cyan",
    ChannelStatus.TO_UPDATE: "yellow",
    ChannelStatus.TO_DELETE: "red",
    ChannelStatus.FRAUDULENT: "bold red",
}


class ChannelsPane(ListPane[Channel]):
    COLUMNS = (
        (_("Platform"), 10),
        (_("Handle"), 20),
        (_("Status"), 11),
        (_("Managed by"), 14),
        # As wide as "2-3 / week" in the language shown ("2-3 / semaine" in French).
        (_("Cadence"), max(11, cell_len(f"2-3 / {CadencePeriod.WEEK.label}"))),
        (_("Limit"), 6),
        (_("Mission"), None),
    )
    NOUN = _("Channel")
    NEW_TITLE = _("New channel")
    EDIT_TITLE = _("Edit channel")
    DELETE_QUESTION = _("Delete this channel?")

    def fetch(self) -> list[Channel]:
        return self.smtui.store.channels.list(self.smtui.brand.id or 0)

    def cells(self, item: Channel) -> tuple[RenderableType, ...]:
        return (
            Text(item.platform.label),
            literal_line(item.handle, 20),
            Text(item.status.label, style=STATUS_STYLE[item.status]),
            literal_line(item.manager, 14),
            Text(item.cadence_text or "—"),
            Text(number(item.char_limit) if item.char_limit else "—", justify="right"),
            literal_line(item.mission, self.flex),
        )

    def detail(self, item: Channel) -> RenderableType:
        head = Text.assemble((item.platform.label + " ", "bold"), literal(item.handle, "bold"))
        if item.url:
            head.append("  ")
            head.append_text(literal(item.url, "underline"))
        mission = (
            literal(item.mission)
            if item.mission
            else Text(_("No mission statement yet."), style="italic")
        )
        return Group(head, Text(_("Mission"), style="bold dim"), mission)

    def form_fields(self) -> list[FormField]:
        platforms = [(platform.label, platform.value) for platform in Platform]
        statuses = [(status.label, status.value) for status in ChannelStatus]
        periods = [
            (_("per week"), CadencePeriod.WEEK.value),
            (_("per month"), CadencePeriod.MONTH.value),
        ]
        return [
            FormField("platform", _("Platform"), "select", platforms, required=True),
            FormField("handle", _("Handle"), required=True, placeholder="@brand"),
            FormField("url", _("Profile URL"), placeholder="https://…"),
            FormField("manager", _("Managed by")),
            FormField(
                "mission",
                _("Mission statement"),
                "area",
                help=_("Why the brand is on this network, for whom, with what promise."),
            ),
            FormField("status", _("Status"), "select", statuses, required=True),
            FormField(
                "char_limit",
                _("Character limit"),
                "number",
                help=_("Empty: the platform's default."),
            ),
            FormField("cadence_min", _("Cadence: at least"), "number"),
            FormField(
                "cadence_max",
                _("Cadence: at most"),
                "number",
                help=_("Empty cadence on a new channel: the platform's usual one."),
            ),
            FormField("cadence_period", _("Cadence period"), "select", periods, required=True),
        ]

    def form_values(self, item: Channel | None) -> dict[str, Any]:
        if item is None:
            return {
                "status": ChannelStatus.ACTIVE.value,
                "cadence_period": CadencePeriod.WEEK.value,
            }
        return item.model_dump(mode="json")

    def save(self, data: dict[str, Any], item: Channel | None) -> Channel:
        brand_id = self.smtui.brand.id or 0
        channel = Channel.model_validate(
            {**data, "brand_id": brand_id, "id": item.id if item else None}
        )
        if item is None:
            if channel.char_limit is None:
                channel.char_limit = default_char_limit(channel.platform)
            if channel.cadence_min is None and channel.cadence_max is None:
                cadence = default_cadence(channel.platform)
                channel.cadence_min, channel.cadence_max = cadence.minimum, cadence.maximum
                channel.cadence_period = cadence.period
            return self.smtui.store.channels.add(channel)
        return self.smtui.store.channels.update(channel)

    def remove(self, item: Channel) -> None:
        self.smtui.store.channels.delete(item.id or 0)

    def name_of(self, item: Channel) -> str:
        return item.label
