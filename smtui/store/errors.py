"""Provides the store's "not found" error, in a module that imports nothing of SQLAlchemy, so
that code catching it does not pay for the ORM before it is needed."""

from __future__ import annotations

from smtui.domain.validation import DomainError


class NotFoundError(DomainError):
    """The row was deleted meanwhile (another window, another process)."""
