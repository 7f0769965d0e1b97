"""smtui: run a brand's social-media strategy from the terminal, offline, from one SQLite file."""

__version__ = "0.1.0"
