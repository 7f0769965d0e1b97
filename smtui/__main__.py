"""Lets `python -m smtui` behave like the `smtui` command."""

from smtui.cli import main

main()
