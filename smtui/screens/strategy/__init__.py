"""Provides the Strategy screen (``screen``) and its tabs."""
