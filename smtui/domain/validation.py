"""Provides the checks shared by every model and the translation of pydantic errors into
messages that name the field, so that forms and the CLI can show them next to the input."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pendulum
from pydantic import ValidationError

from smtui.domain.i18n import _

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# An everyday address (http(s), an ASCII host with a dot, no port, user or space): what
# check_url's full parse would accept, recognised at a fifth of its cost per imported row.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.\-]*\.[A-Za-z0-9.\-]*(?:[/?#]\S*)?")
NAMED_COLOURS = (
    "red",
    "orange",
    "yellow",
    "green",
    "teal",
    "blue",
    "purple",
    "magenta",
    "pink",
    "grey",
)


class DomainError(ValueError):
    """A rule of the domain was broken; ``field`` names the input at fault when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def by_field(self) -> dict[str, str]:
        """Each field at fault and its message ("" for the form as a whole)."""
        return {self.field or "": self.message}


class FieldErrors(DomainError):
    """Several fields at fault at once, so that a form shows every message in one go rather
    than making the user fix one field, save, and learn about the next."""

    def __init__(self, errors: dict[str, str]) -> None:
        field, message = next(iter(errors.items()))
        super().__init__(message, field or None)
        self._by_field = dict(errors)

    @property
    def by_field(self) -> dict[str, str]:
        return dict(self._by_field)


def check_url(value: str) -> str:
    """Accept only a full http(s) address, which is what a browser or platform can open."""
    stripped = value.strip()
    if _PLAIN_URL.fullmatch(stripped):
        return stripped
    try:
        parts = urlsplit(value.strip())
        scheme, host = parts.scheme, parts.hostname or ""
        parts.port  # noqa: B018 -- raises for a port that is not a number below 65536
    except ValueError:  # urllib's own wording ("Invalid IPv6 URL") means nothing to a user
        scheme, host = "", ""
    if scheme not in ("http", "https") or not host or ("." not in host and host != "localhost"):
        raise ValueError(_("enter a full web address starting with http:// or https://"))
    if any(ch.isspace() for ch in value.strip()):
        raise ValueError(_("a web address cannot contain spaces"))
    return value.strip()


def is_known_timezone(value: str) -> bool:
    """Whether this machine's tzdata knows ``value``: a name stored by another machine (or
    an older tzdata, such as US/Pacific-New) may not be, and must not stop smtui reading."""
    try:
        pendulum.timezone(value.strip())
    except Exception:  # pendulum raises several kinds for unknown names
        return False
    return True


def check_timezone(value: str) -> str:
    """Accept an IANA zone name such as Europe/Paris or America/Toronto."""
    try:
        pendulum.timezone(value.strip())
    except Exception as error:  # pendulum raises several kinds for unknown names
        raise ValueError(_("unknown time zone (use a name like Europe/Paris)")) from error
    return value.strip()


def check_colour(value: str) -> str:
    """Accept #rrggbb or one of the named colours the theme can show."""
    text = value.strip().lower()
    if _COLOUR.match(text) or text in NAMED_COLOURS:
        return text
    raise ValueError(_("use #rrggbb or one of: {names}").format(names=", ".join(NAMED_COLOURS)))


def _generic_message(error_type: str, ctx: dict[str, object]) -> str:
    """Our own wording for pydantic's built-in error types, so every message is translated."""
    messages = {
        "missing": _("required"),
        "string_too_short": _("required"),
        "string_too_long": _("at most {max_length} characters"),
        "int_parsing": _("enter a whole number"),
        "int_from_float": _("enter a whole number"),
        "int_type": _("enter a whole number"),
        "float_parsing": _("enter a number"),
        "float_type": _("enter a number"),
        "finite_number": _("enter a number"),
        "date_parsing": _("enter a date as YYYY-MM-DD"),
        "date_from_datetime_parsing": _("enter a date as YYYY-MM-DD"),
        "date_from_datetime_inexact": _("enter a date as YYYY-MM-DD"),
        "date_type": _("enter a date as YYYY-MM-DD"),
        "enum": _("choose one of: {expected}"),
        "greater_than_equal": _("must be at least {ge}"),
        "greater_than": _("must be more than {gt}"),
        "less_than_equal": _("must be at most {le}"),
        "less_than": _("must be less than {lt}"),
    }
    template = messages.get(error_type, _("invalid value"))
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def field_errors(error: ValidationError) -> dict[str, str]:
    """One message per field; errors not tied to a field are filed under ``""``."""
    result: dict[str, str] = {}
    for item in error.errors():
        loc = item.get("loc") or ()
        field = str(loc[0]) if loc else ""
        ctx = dict(item.get("ctx") or {})
        cause = ctx.get("error")
        if item["type"] == "value_error" and cause is not None:
            if isinstance(cause, DomainError) and cause.field:
                field = cause.field
            message = str(cause)
        else:
            message = _generic_message(item["type"], ctx)
        result.setdefault(field, message)
    return result


def describe(errors: dict[str, str], labels: dict[str, str] | None = None) -> str:
    """A single line naming each field at fault: for the CLI and for notifications."""
    labels = labels or {}
    parts = [
        f"{labels.get(field, field)}: {message}" if field else message
        for field, message in errors.items()
    ]
    return "; ".join(parts)
