"""Provides the one translation function every user-facing string goes through.

English is the source language. Catalogues live in ``smtui/locale/<lang>/LC_MESSAGES/smtui.mo``;
when none matches the user's locale the English text is shown unchanged.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "smtui"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_translation: gettext.NullTranslations = gettext.translation(
    DOMAIN, localedir=LOCALE_DIR, fallback=True
)


def set_language(language: str | None) -> None:
    """Switch the catalogue; ``None`` follows the environment (LANGUAGE, LC_ALL, LANG)."""
    global _translation
    languages = [language] if language else None
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=languages, fallback=True
    )


def language() -> str:
    """The language of the catalogue in use ("fr"), "en" when none is (the source)."""
    return _translation.info().get("language", "en") or "en"


def _(message: str) -> str:
    """Translate ``message``; called at display time so a language switch takes effect.

    The empty message stays empty: gettext would give the catalogue's header for it."""
    return _translation.gettext(message) if message else message


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet (translated later by ``_``)."""
    return message


def NC_(context: str, message: str) -> str:
    """Mark ``message`` for extraction in ``context`` (translated later by ``pgettext``)."""
    return message


def pgettext(context: str, message: str) -> str:
    """Translate a word whose sense only its context settles: "Share" is a pillar's part of
    the mix, or an inbox item telling that someone shared a post."""
    return _translation.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on a count."""
    return _translation.ngettext(singular, plural, n)
