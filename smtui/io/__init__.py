"""Provides import and export of smtui's data: CSV, JSON, iCalendar, Markdown reports."""
