"""Provides the KPI screen: objectives against targets, metrics, post performance."""

from smtui.screens.kpi.screen import KpiScreen

__all__ = ["KpiScreen"]
