"""Provides the Queue screen (``screen``), its Listening view (``listening``) and the triage
actions Today reuses (``triage``). Nothing is imported here, so that using a part does not
load the whole screen."""
