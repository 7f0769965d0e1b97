"""Provides the sub-commands of ``smtui`` beyond the core ones in :mod:`smtui.cli`: imports,
exports, feeds. Each module imports only click at the top, so ``smtui --help`` stays fast."""
