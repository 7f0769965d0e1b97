"""The French catalogue: whole, in step with the code, and what a French user sees.

The catalogue is checked by the maintainers' own tool (``scripts/catalogue.py --check``):
a message added to the code and left untranslated fails here, naming the message.
"""

from __future__ import annotations

import importlib.util
import inspect
import io
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import pytest
from paths import REPO, TESTS

from smtui.app import make_app
from smtui.domain import enums, inbox
from smtui.domain.audit_items import AuditItem
from smtui.domain.clock import fixed, parse_instant
from smtui.domain.day_names import (
    day_and_month,
    long_day,
    month_and_year,
    month_day,
    short_day,
    weekday_and_day,
    weekday_day_time,
)
from smtui.domain.engagement import rate_text
from smtui.domain.enums import InboxKind, Labelled, MetricFrequency, PostStatus
from smtui.domain.figures import number, per_day, percent, typed_figure
from smtui.domain.i18n import _, ngettext, set_language
from smtui.domain.local_time import parse_day_or_word
from smtui.domain.models import Brand, Metric
from smtui.domain.validation import DomainError
from smtui.settings import Settings
from smtui.store import Store
from smtui.widgets import FormScreen


def catalogue_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue", REPO / "scripts" / "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_french_catalogue_translates_every_message_and_its_mo_is_current() -> None:
    tool = catalogue_tool()
    assert tool.languages() == ["fr"]
    assert tool.problems("fr") == []
    # The tool does see a message the code marks (the check cannot pass on an empty template).
    assert len([message for message in tool.template() if message.id]) > 1000


def test_a_translation_that_drops_or_invents_a_value_is_found() -> None:
    tool = catalogue_tool()
    assert tool.fields("{weekday} {day:02d} {month}") == {"weekday", "day", "month"}
    assert tool.fields("{weekday} {day} {month}") == {"weekday", "day", "month"}
    assert tool.fields("{n} créneaux") != tool.fields("{count} créneaux")


def test_every_word_of_a_vocabulary_is_marked_for_translation() -> None:
    """An enum value with no entry would be shown through its capitalised value, a message
    the extractor never sees, so English under every catalogue."""
    labels = enums._LABELS
    unmarked = [
        f"{cls.__name__}.{member.name}"
        for module in (enums, inbox)
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, Labelled) and cls is not Labelled and cls.__name__ != "QueueTab"
        for member in cls
        if member.value not in labels
    ]
    assert unmarked == []


def test_dates_are_written_the_french_way() -> None:
    monday, first = date(2026, 11, 23), date(2026, 12, 1)
    moment = datetime(2026, 11, 21, 16, 0)
    english = (long_day(first), short_day(first), month_day(first), weekday_day_time(moment))
    assert english == ("Tuesday 01 December 2026", "01 Dec", "Dec 1", "Sat 21 Nov 16:00")
    set_language("fr")
    assert long_day(monday) == "lundi 23 novembre 2026"
    assert long_day(first) == "mardi 1 décembre 2026"
    assert day_and_month(monday) == "lundi 23 novembre"
    assert month_and_year(first) == "décembre 2026"
    assert short_day(first) == "1 déc"
    assert month_day(first) == "1 déc"
    assert weekday_and_day(monday) == "Lun 23"
    assert weekday_day_time(moment) == "Sam 21 nov 16:00"


def test_french_plurals_and_words_with_two_senses() -> None:
    set_language("fr")
    assert ngettext("{n} empty slot", "{n} empty slots", 0).format(n=0) == "0 créneau libre"
    assert ngettext("{n} empty slot", "{n} empty slots", 1).format(n=1) == "1 créneau libre"
    assert ngettext("{n} empty slot", "{n} empty slots", 2).format(n=2) == "2 créneaux libres"
    assert InboxKind.SHARE.label == "Partage"  # someone shared a post
    assert _("Share") == "Part"  # a pillar's part of the mix
    assert _("") == ""  # not the catalogue's header, which gettext gives for it
    assert PostStatus.SCHEDULED.label == "Programmée"  # « une publication programmée »


def french(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run a command as a French user would: the language comes from the environment before
    anything is imported (key labels are translated when their screen's class is made)."""
    env = {**os.environ, "LANGUAGE": "fr", "SMTUI_DB": str(tmp_path / "fr.sqlite")}
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )


def test_the_cli_speaks_french(tmp_path: Path) -> None:
    smtui = [sys.executable, "-m", "smtui"]
    made = french([*smtui, "demo"], tmp_path)
    assert made.returncode == 0, made.stderr
    shown = french([*smtui, "today"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0].startswith("Aujourd’hui, lundi 23 novembre 2026")


def english(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANGUAGE": "en", "SMTUI_DB": str(tmp_path / "en.sqlite")}
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )


CLICK_ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "[required]", "env var")


def test_the_cli_help_speaks_french_and_click_s_words_too(tmp_path: Path) -> None:
    """``--help`` is the docstring and click's own words: both in French, nothing left over."""
    smtui = [sys.executable, "-m", "smtui"]
    root = french([*smtui, "--help"], tmp_path)
    assert root.returncode == 0, root.stderr
    assert root.stdout.startswith("Utilisation\u00a0: smtui [OPTIONS] [COMMANDE] [ARGUMENTS]...")
    assert "Piloter la stratégie de réseaux sociaux d’une marque depuis le terminal." in root.stdout
    for line in (
        "Options\u00a0:",
        "Commandes\u00a0:",
        "  --help     Afficher ce message et quitter.",
    ):
        assert line in root.stdout.splitlines()
    assert "[variable d’environnement\u00a0: SMTUI_DB]" in root.stdout
    assert (
        "  export  Écrire le calendrier, le plan, un audit ou un rapport dans un..." in root.stdout
    )
    posts = french([*smtui, "export", "posts", "--help"], tmp_path)
    assert posts.returncode == 0, posts.stderr
    assert posts.stdout.startswith("Utilisation\u00a0: smtui export posts [OPTIONS]")
    assert "Écrire le plan entre deux jours en CSV" in posts.stdout
    assert "[obligatoire]" in posts.stdout
    for shown in (root.stdout, posts.stdout):
        assert [word for word in CLICK_ENGLISH if word in shown] == []


def test_the_cli_help_stays_english_in_english(tmp_path: Path) -> None:
    smtui = [sys.executable, "-m", "smtui"]
    root = english([*smtui, "--help"], tmp_path)
    assert root.returncode == 0, root.stderr
    lines = root.stdout.splitlines()
    assert lines[0] == "Usage: smtui [OPTIONS] [COMMAND] [ARGS]..."
    assert lines[2] == "  Run a brand's social-media strategy from the terminal."
    for line in ("Options:", "Commands:", "  --help     Show this message and exit."):
        assert line in lines
    assert "[env var: SMTUI_DB]" in root.stdout
    posts = english([*smtui, "export", "posts", "--help"], tmp_path)
    assert posts.returncode == 0, posts.stderr
    assert posts.stdout.startswith("Usage: smtui export posts [OPTIONS]")
    assert "Write the plan between two days as CSV" in posts.stdout
    assert "[required]" in posts.stdout


def test_every_command_s_help_is_translated() -> None:
    """Every command and group is an ``SmtuiCommand`` whose docstring the catalogue holds: a
    command made with plain ``click.command`` (or a docstring the extractor missed) would show
    its help in English."""
    import click

    from smtui.cli import cli
    from smtui.commands.common import SmtuiCommand

    def commands(group: click.Group, path: str) -> list[tuple[str, click.Command]]:
        found: list[tuple[str, click.Command]] = [(path, group)]
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                found.extend(commands(command, f"{path} {name}"))
            else:
                found.append((f"{path} {name}", command))
        return found

    every = commands(cli, "smtui")
    assert len(every) > 20
    in_english = {path: command.help for path, command in every}
    set_language("fr")
    untranslated = [
        path
        for path, command in every
        if not isinstance(command, SmtuiCommand) or command.help == in_english[path]
    ]
    assert untranslated == []


@pytest.mark.slow
def test_every_screen_speaks_french_at_80_columns(tmp_path: Path) -> None:
    """Each screen, its help and its keys in French, drawn at 80×24 (``french_ui.py``)."""
    shown = french([sys.executable, str(TESTS / "french_ui.py")], tmp_path)
    assert shown.returncode == 0, shown.stderr[-3000:]
    screens = dict(part.split("\n", 1) for part in shown.stdout.split("\f") if part.strip())
    set_language("fr")
    checklist_item = _("The website is up to date and works well")  # from the audit template
    expected = {
        "today": ["lundi 23 novembre 2026  (aujourd’hui)", "À publier", "À répondre", "Modifier"],
        "calendar": ["novembre 2026 · mois", "Lun", "Dim", "Programmée", "Calendrier"],
        "queue": ["À faire", "Commentaire", "Répondre", "Reporter"],
        "kpis": ["KPI", "Objectifs"],
        "strategy": ["Stratégie", "Marque"],
        "audit": ["Audit", checklist_item[:20]],
        "help": ["Touches — Audit", "Cocher", "palette de commandes"],
    }
    for screen, words in expected.items():
        for word in words:
            assert word in screens[screen], f"{word!r} not on {screen}:\n{screens[screen]}"
    for screen, text in screens.items():
        # Words of the English interface that a French screen must not show.
        for english in ("Today", "Calendar", " Help", "Scheduled", "Channel", "Search"):
            assert english not in text, f"{english!r} left in English on {screen}:\n{text}"


def test_figures_are_written_and_read_the_french_way() -> None:
    assert (number(2002), number(0.15, 2), per_day(4.67), percent(0.42)) == (
        "2,002",
        "0.15",
        "+4.67/day",
        "42%",
    )
    assert typed_figure("3,000") == "3000"
    set_language("fr")
    assert number(2002) == "2\u00a0002"
    assert number(1234.5) == "1\u00a0234,5"
    assert per_day(4.67) == "+4,67/jour"
    assert percent(0.42) == "42\u00a0%"
    assert rate_text(0.0321) == "3,2\u00a0%"
    # As a French user types them: a decimal comma, thousands apart.
    assert typed_figure("0,15") == "0.15"
    assert typed_figure("1 234,5") == "1234.5"
    assert typed_figure("2\u00a0002") == "2002"


def test_the_go_to_date_prompt_takes_the_french_words() -> None:
    monday = date(2026, 11, 23)
    set_language("fr")
    assert parse_day_or_word("aujourd'hui", monday) == monday  # typed with a plain quote
    assert parse_day_or_word("Aujourd’hui", monday) == monday
    assert parse_day_or_word("demain", monday) == date(2026, 11, 24)
    assert parse_day_or_word("hier", monday) == date(2026, 11, 22)
    assert parse_day_or_word("tomorrow", monday) == date(2026, 11, 24)  # English still
    with pytest.raises(DomainError):
        parse_day_or_word("après-demain", monday)


def import_every_screen_in_english() -> None:
    """Key labels are translated when a screen's class is made, once per process: a screen
    first imported by a French app here would keep French keys in the English tests that
    run after this one (the snapshots). Import them all now, in English (the fixture's)."""
    import pkgutil

    import smtui.screens
    import smtui.widgets

    for package in (smtui.screens, smtui.widgets):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)


async def test_a_french_user_logs_a_decimal_with_a_comma(store: Store, db_path: Path) -> None:
    """The log form in French: "0,15" is fifteen hundredths, not 15, and "2 002" is read
    whole; the card then writes them back the French way."""
    import_every_screen_in_english()
    clock = fixed(parse_instant(os.environ["SMTUI_NOW"]))
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    assert brand.id is not None
    ids = []
    for name in ("Followers", "Rate"):
        metric = store.metrics.add(
            Metric(brand_id=brand.id, name=name, frequency=MetricFrequency.DAILY)
        )
        assert metric.id is not None
        ids.append(metric.id)
    app = make_app(Settings(db_path=db_path, language="fr"), store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"2 002", "tab", *"0,15", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        logged = [store.metric_values.latest(metric_id) for metric_id in ids]
        assert [value.value for value in logged if value] == [2002, 0.15]


def test_audit_items_are_shown_in_french_from_the_template() -> None:
    """A run stores its items' English text with the channel's label filled in; French is
    the template's translation with the same label, and a text the template no longer has
    is shown as stored."""
    source = "{channel}: the account's purpose is clear"
    plain = AuditItem(
        run_id=1,
        key="situation.website_optimal",
        section="Situation analysis",
        text="The website is up to date and works well",
    )
    per_channel = AuditItem(
        run_id=1,
        key="inventory.purpose",
        section="Account inventory",
        text=source.replace("{channel}", "Instagram @maple"),
        channel_id=3,
    )
    stale = per_channel.model_copy(update={"text": "Instagram @maple: an older wording"})
    assert plain.shown_text == plain.text  # English: as stored
    set_language("fr")
    assert plain.shown_text == _(plain.text) != plain.text
    assert per_channel.shown_text == _(source).replace("{channel}", "Instagram @maple")
    assert per_channel.shown_text != per_channel.text
    assert "Instagram @maple" in per_channel.shown_text
    assert stale.shown_text == stale.text


def test_a_no_break_space_is_never_a_line_end() -> None:
    """« 50 % » stays whole when French text wraps (Rich breaks at every space, and
    smtui.widgets teaches its splitter the no-break ones); ordinary spaces still break."""
    import rich._wrap
    from rich.console import Console
    from rich.text import Text

    import smtui.widgets  # noqa: F401  (what makes the splitter keep them)

    assert "\\u00a0" in rich._wrap.re_word.pattern, "Rich renamed its splitter"
    console = Console(width=80, file=io.StringIO())
    lines = Text("la cible de 50\u00a0% du mix").wrap(console, 14)
    assert [line.plain.rstrip() for line in lines] == ["la cible de", "50\u00a0% du mix"]
