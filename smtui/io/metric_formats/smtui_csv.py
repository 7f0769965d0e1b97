"""Provides the reader of smtui's own CSV of metric values, for numbers no export carries.

Columns, in any order, header required::

    metric,channel,date,value
    Instagram followers,instagram,2026-11-20,2140
    Website visits from social,,2026-11-20,"1,310"

- metric: the metric's name (case does not matter); a name the brand does not have yet
  creates a daily metric, which the import's summary names;
- channel: empty for a brand-wide metric, else the channel's platform (``instagram``) or
  handle (``@mapleandgrain``); it is used when the metric is created;
- date: the local day, ``YYYY-MM-DD``; one value per metric and day (the last line wins);
- value: a number, thousands separators allowed.
"""

from __future__ import annotations

import math
from datetime import date

from smtui.domain.i18n import _
from smtui.domain.kpi import ImportedValue
from smtui.domain.models import Channel
from smtui.io.metric_formats.base import CellError, Format, ParseContext, Parsed, RowError, Table


def find_channel(channels: tuple[Channel, ...], text: str) -> Channel | None:
    """The channel named by platform ("LinkedIn", "linkedin") or handle ("@maple")."""
    wanted = text.strip().casefold()
    by_handle = [item for item in channels if item.handle.casefold() == wanted]
    by_platform = [
        item for item in channels if wanted in (item.platform.value, item.platform.label.casefold())
    ]
    for found in (by_handle, by_platform):
        if len(found) == 1:
            return found[0]
    return None


def _value(text: str) -> float:
    cleaned = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    try:
        number = float(cleaned)
    except ValueError:
        raise CellError(_("value: {value!r} is not a number").format(value=text)) from None
    if not math.isfinite(number):
        raise CellError(_("value: {value!r} is not a number").format(value=text))
    return number


def parse(table: Table, context: ParseContext) -> Parsed:
    parsed = Parsed()
    for line, row in table.rows:
        try:
            name = row.get("metric", "").strip()
            if not name:
                raise CellError(_("metric: required"))
            if len(name) > 120:
                raise CellError(_("metric: at most 120 characters"))
            channel_text = row.get("channel", "").strip()
            channel = find_channel(context.channels, channel_text) if channel_text else None
            if channel_text and channel is None:
                raise CellError(
                    _("channel: no single channel named {name!r}").format(name=channel_text)
                )
            try:
                day = date.fromisoformat(row.get("date", "").strip())
            except ValueError:
                raise CellError(
                    _("date: {value!r} is not a date like 2026-11-20").format(value=row.get("date"))
                ) from None
            value = _value(row.get("value", ""))
        except CellError as error:
            parsed.errors.append(RowError(line, str(error)))
            continue
        parsed.values.append(ImportedValue(line, name, channel.id if channel else None, day, value))
    return parsed


FORMAT = Format(
    name="smtui",
    platform=None,
    signature=frozenset({"metric", "channel", "date", "value"}),
    parse=parse,
)
