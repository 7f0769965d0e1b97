"""Provides the Today screen (``screen``): the morning review of every brand."""
