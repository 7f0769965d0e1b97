"""Provides the Audit screen and its tabs."""

from smtui.screens.audit.screen import AuditScreen

__all__ = ["AuditScreen"]
