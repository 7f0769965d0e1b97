"""Provides the KPI screen (``screen``): objectives against targets, metrics, post
performance. Nothing is imported here, so that Today can use the log form alone."""
