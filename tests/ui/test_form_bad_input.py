"""Pilot tests: the forms people fill most, fed bad values with real keys on the demo
workspace. Each refusal keeps the form open, shows the message under the field at fault
(and only there), and writes nothing: the database is compared before and after.

Each case starts from the form as it opens (whose values are valid) and spoils one field,
so that the message shown can only come from that field.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from keys import paste as paste_text
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from smtui.domain.enums import Platform
from smtui.domain.models import Brand
from smtui.store import Store
from smtui.widgets import FormScreen, PickerScreen

SIZE = (120, 40)
WATCHED = ("post", "objective", "channel", "pillar", "metric_value", "inbox_item")


@dataclass(frozen=True, slots=True)
class Spoil:
    """Type ``text`` into ``field`` (``paste`` for long text: a person pastes, not types);
    the form must refuse it with ``message`` under ``shown_on`` (default: the same field)."""

    field: str
    text: str
    message: str
    shown_on: str = ""
    also: tuple[tuple[str, str], ...] = ()  # other fields to set first
    paste: bool = False


def snapshot(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a form could write, read apart from the app's connection."""
    connection = sqlite3.connect(db_path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in WATCHED
        }
    finally:
        connection.close()


def error_of(form: FormScreen, field: str) -> str:
    return str(form.query_one(f"#error-{field}", Static).render())


async def set_field(
    pilot: Pilot[None], form: FormScreen, name: str, text: str, paste: bool
) -> None:
    """Put ``text`` in a field as a person would: focus it, clear it, type (or paste) it."""
    widget = form.query_one(f"#field-{name}")
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        await pilot.press("ctrl+a", "backspace")
    else:
        assert isinstance(widget, Input), f"{name} is a {type(widget).__name__}"
        await pilot.press("end", "ctrl+u")
    if paste:
        await paste_text(pilot, text)
    elif text:
        await pilot.press(*text)
    await pilot.pause()


async def refuses(
    pilot: Pilot[None], form: FormScreen, case: Spoil, db_path: Path
) -> None:  # fmt: skip
    before = snapshot(db_path)
    values = {name: widget.value for name, widget in inputs(form)}
    for name, text in case.also:
        await set_field(pilot, form, name, text, paste=False)
    await set_field(pilot, form, case.field, case.text, case.paste)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert pilot.app.screen is form, f"{case.field}={case.text[:30]!r} was accepted"
    at_fault = case.shown_on or case.field
    assert case.message in error_of(form, at_fault), error_of(form, at_fault)
    assert form.query_one(f"#row-{at_fault}").has_class("-invalid")
    others = [spec.name for spec in form.fields if spec.name != at_fault]
    assert not any(error_of(form, name) for name in others), "an error under the wrong field"
    assert snapshot(db_path) == before, "a refused form wrote to the workspace"
    # Put the form back as it opened for the next case (not under test: no keys needed).
    for name, widget in inputs(form):
        widget.value = values[name]
    await pilot.pause()


def inputs(form: FormScreen) -> Iterator[tuple[str, Input]]:
    for spec in form.fields:
        widget = form.query_one(f"#field-{spec.name}")
        if isinstance(widget, Input):
            yield spec.name, widget


async def open_form(pilot: Pilot[None], *keys: str) -> FormScreen:
    await pilot.press(*keys)
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen), f"{keys} opened {type(form).__name__}"
    return form


POST_EDITOR = [
    Spoil("day", "2026-02-30", "'2026-02-30' is not a day"),
    Spoil("day", "tomorrow", "is not a day"),
    Spoil("time", "02:30", "02:30 does not exist on 2027-03-14", also=(("day", "2027-03-14"),)),
    Spoil("time", "25:00", "'25:00' is not a time"),
    Spoil("time", "9h30", "is not a time"),
    Spoil("day", "", "give the date too", also=(("time", "10:00"),)),
    Spoil("link_url", "notaurl", "http://"),
    Spoil("link_url", "http://[x", "http://"),
    Spoil("link_url", "https://maple grain.ca", "cannot contain spaces"),
    Spoil("title", "T" * 201, "at most 200 characters", paste=True),
    Spoil("utm_campaign", "c" * 121, "at most 120 characters", paste=True),
    Spoil("body", "x" * 2300, "over this channel's limit of 2200", paste=True),
]


@pytest.mark.slow
async def test_post_editor_names_each_bad_field(
    make_smtui_app, store: Store, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "2", "n")
        # The channel list is in platform order: Blog, Facebook, Instagram (limit 2200).
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        chosen = form.query_one("#field-channel_id", Select).value
        instagram = [
            c for c in store.channels.list(app.brand.id) if c.platform is Platform.INSTAGRAM
        ]
        assert chosen == str(instagram[0].id)
        for case in POST_EDITOR:
            await refuses(pilot, form, case, db_path)


@pytest.mark.slow
async def test_move_and_publish_refuse_bad_dates_times_and_links(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab")  # today's list of posts, on its first post
        await pilot.pause()
        form = await open_form(pilot, "M")
        for case in [
            Spoil("day", "2026-13-01", "is not a day"),
            Spoil("day", "", "is not a day"),
            Spoil("time", "02:30", "does not exist", also=(("day", "2027-03-14"),)),
            Spoil("time", "", "is not a time"),
        ]:
            await refuses(pilot, form, case, db_path)
        await pilot.press("escape")
        form = await open_form(pilot, "p")
        for case in [
            Spoil("url", "instagram.com/p/1", "http://"),
            Spoil("url", "https://", "http://"),
            Spoil("day", "2026-11-31", "is not a day"),
            Spoil("time", "24:00", "is not a time"),
        ]:
            await refuses(pilot, form, case, db_path)


async def open_strategy_tab(pilot: Pilot[None], tab: str) -> None:
    from textual.widgets import TabbedContent

    await pilot.press("5")
    await pilot.pause()
    tabs = pilot.app.screen.query_one(TabbedContent)
    while tabs.active != tab:
        await pilot.press("right_square_bracket")
        await pilot.pause()


@pytest.mark.slow
async def test_objective_form_names_each_bad_field(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_strategy_tab(pilot, "objectives")
        form = await open_form(pilot, "a")
        await set_field(pilot, form, "statement", "Reach 4,000 followers on Instagram", False)
        for case in [
            Spoil("statement", "", "required"),
            Spoil("statement", "S" * 1001, "at most 1000 characters", paste=True),
            Spoil("baseline", "abc", "enter a number"),
            Spoil("target", "1e999", "enter a number"),
            Spoil("target", "nan", "enter a number"),
            Spoil("start_date", "2026-02-30", "enter a date as YYYY-MM-DD"),
            Spoil("due_date", "2027-02-29", "enter a date as YYYY-MM-DD"),
            Spoil("due_date", "2020-01-01", "on or after the start date"),
        ]:
            await refuses(pilot, form, case, db_path)


@pytest.mark.slow
async def test_channel_form_names_each_bad_field(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_strategy_tab(pilot, "channels")
        form = await open_form(pilot, "a")
        await set_field(pilot, form, "handle", "@maple.new", False)
        for case in [
            Spoil("handle", "", "required"),
            Spoil("url", "www.maple.ca", "http://"),
            Spoil("char_limit", "0", "must be at least 1"),
            Spoil("char_limit", "many", "enter a whole number"),
            Spoil("cadence_min", "-3", "must be at least 0"),
            Spoil("cadence_max", "2.5", "enter a whole number"),
            Spoil("cadence_max", "1", "must be at least the minimum", also=(("cadence_min", "3"),)),
        ]:
            await refuses(pilot, form, case, db_path)


async def test_kpi_log_refuses_what_is_not_a_number(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    """Metric values may be negative (a net change in followers is), so only text that is
    not a finite number is refused here; negative counts are refused where a count is
    asked for (the channel form above, and post figures in imports)."""
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "4", "l")
        first = form.fields[0].name
        for text in ("abc", "1e999", "nan", "12..5"):
            await refuses(pilot, form, Spoil(first, text, "enter a number"), db_path)


async def test_kpi_log_names_every_bad_number_at_once(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, "4", "l")
        first, second, third = (spec.name for spec in form.fields[:3])
        before = snapshot(db_path)
        await set_field(pilot, form, first, "abc", paste=False)
        await set_field(pilot, form, second, "12", paste=False)
        await set_field(pilot, form, third, "nan", paste=False)
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form
        assert "enter a number" in error_of(form, first)
        assert error_of(form, second) == ""
        assert "enter a number" in error_of(form, third)
        assert snapshot(db_path) == before, "one good number was saved with two bad ones"


@pytest.mark.slow
async def test_snooze_refuses_a_time_that_is_not_one(
    make_smtui_app, demo: Brand, db_path: Path
) -> None:
    app = make_smtui_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await pilot.press("end", "enter")  # "At a time I type…"
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        for case in [
            Spoil("when", "", "write a time"),
            Spoil("when", "next tuesday", "is not a day"),
            Spoil("when", "in two hours please", "write a time"),
            Spoil("when", "2026-11-31 10:00", "is not a day"),
            Spoil("when", "25:00", "is not a time"),
            Spoil("when", "2026-12-01 9h30", "is not a time"),
            Spoil("when", "2020-01-01 10:00", "in the future"),
            # Montréal springs forward on 14 March 2027: 02:30 does not happen there.
            Spoil("when", "2027-03-14 02:30", "does not exist on 2027-03-14"),
        ]:
            await refuses(pilot, form, case, db_path)
