"""Provides the Audit screen (``screen``) and its tabs. Nothing is imported here, so that
Today can use the action form alone."""
