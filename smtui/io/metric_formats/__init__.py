"""Provides the readers of the metrics exports ``smtui import metrics`` understands, and the
detector that picks one from a subset of the file's header (columns move between exports,
so no reader depends on their order or on every column being there)."""

from __future__ import annotations

from pathlib import Path

from smtui.domain.i18n import _
from smtui.domain.validation import DomainError
from smtui.io.metric_formats import linkedin, meta, smtui_csv, x_content, x_tweet_activity, youtube
from smtui.io.metric_formats.base import Format, ParseContext, Parsed, RowError, Table, read_csv

FORMATS: tuple[Format, ...] = (
    x_tweet_activity.FORMAT,
    x_content.FORMAT,
    meta.FACEBOOK,
    meta.INSTAGRAM,
    youtube.FORMAT,
    linkedin.FORMAT,
    smtui_csv.FORMAT,
)
FORMAT_NAMES: tuple[str, ...] = tuple(item.name for item in FORMATS)


def by_name(name: str) -> Format:
    for item in FORMATS:
        if item.name == name:
            return item
    raise DomainError(_("unknown format {name}").format(name=name), "format")


def read_table(path: Path, wanted: Format | None = None) -> tuple[Format, Table]:
    """Read ``path`` and tell its format (or check it is ``wanted``'s)."""
    is_xlsx = path.suffix.casefold() in (".xlsx", ".xlsm")
    try:
        table = linkedin.read_xlsx(path) if is_xlsx else read_csv(path)
    except UnicodeDecodeError as error:
        raise DomainError(_("{path} is not a text file in UTF-8").format(path=path)) from error
    except (OSError, DomainError):
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise DomainError(
            _("{path} cannot be read: {error}").format(path=path, error=error)
        ) from error
    columns = table.columns
    candidates = [wanted] if wanted else [item for item in FORMATS if item.matches(columns)]
    if not candidates or not candidates[0].matches(columns):
        raise DomainError(
            _(
                "{path}: the header does not look like a known export ({names}); "
                "found columns: {columns}"
            ).format(
                path=path.name,
                names=", ".join(FORMAT_NAMES),
                columns=", ".join(table.header[:12]) or _("(none)"),
            )
        )
    return candidates[0], table


__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "Format",
    "ParseContext",
    "Parsed",
    "RowError",
    "by_name",
    "read_table",
]
