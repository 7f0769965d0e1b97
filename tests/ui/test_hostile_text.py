"""Hostile text is shown literally everywhere: the helper itself, then the real app walked
through every registered screen (by its number key), its tabs, detail panes, modals, the
help screen, a notification and the command palette, on the demo workspace with markup and
terminal escapes written into every kind of name and text through the store.

A markup tag that Textual interpreted would vanish from the screen ("[@click=app.quit]x[/]"
would show as "x" and quit the app when clicked; an unbalanced "[/" would raise), and an
escape sequence that reached the screen would be written to the user's terminal (OSC 52
writes the clipboard). So each view is checked for three things: the app still runs, the
tagged strings are on screen character for character, and no ESC or C1 control is there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

import pytest
from drawn import screen_text
from rich.text import Text
from textual.app import App
from textual.command import CommandPalette
from textual.content import Content
from textual.fuzzy import Matcher
from textual.pilot import Pilot
from textual.widgets import Select

from smtui.domain.audit import CompetitorObservation
from smtui.domain.clock import Clock
from smtui.domain.enums import InboxKind, Platform, PostStatus, Priority
from smtui.domain.inbox import FeedEntry, InboxItem
from smtui.domain.local_time import to_utc
from smtui.domain.models import Brand
from smtui.domain.post import Post
from smtui.domain.replies import SavedReply
from smtui.domain.text import one_line, strip_controls
from smtui.screens.registry import screen_entries
from smtui.store import Store
from smtui.widgets import FormScreen, literal, literal_line, literal_match
from smtui.widgets.form import FormField

SIZE = (160, 50)
CLICK = "[@click=app.quit]x[/]"
LINK = "[link=https://evil]y[/link]"
MARKUP = f"{LINK} [/ [0] [bold]b"
ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[31mred\x9b2J\x00\x7f\r"
# What is left of ESCAPES once the control characters are gone (the lone carriage return at
# the end separated two words: it becomes a space).
ESCAPES_SHOWN = "]52;c;ZXZpbA==[31mred2J "
CONTROLS = ("\x1b", "\x9b", "\x07", "\x00", "\x7f", "\r")


def hostile(kind: str) -> str:
    """A text of one ``kind`` (post, persona…): it starts with a click action glued to the
    kind, so ``token(kind)`` stays one unbreakable word however a pane wraps it."""
    return f"{token(kind)} {MARKUP} {ESCAPES} end"


def token(kind: str) -> str:
    return f"{CLICK}{kind}"


def full(kind: str) -> str:
    """The whole of ``hostile(kind)`` as it must read on screen."""
    return f"{token(kind)} {MARKUP} {ESCAPES_SHOWN} end"


# --- the helper -------------------------------------------------------------------------


def test_strip_controls_keeps_newline_and_tab_and_drops_every_other_control() -> None:
    text = "a\tb\nc" + "".join(chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)])
    assert strip_controls(text) == "a\tb\nc\t\n "  # the lone CR separated words: a space
    assert strip_controls(ESCAPES) == ESCAPES_SHOWN
    assert strip_controls("é ✓ 😍 « »") == "é ✓ 😍 « »"
    assert strip_controls("one\r\ntwo\rthree") == "one\ntwo three"
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    assert strip_controls(f"a{bidi}b\u200b\u200c\u200d\u2060\ufeffc") == "abc"


def test_one_line_cuts_at_the_first_line_and_the_width() -> None:
    assert one_line(" first\x1b[2J\tline \nsecond") == "first[2J line"
    assert one_line("abcdef", 4) == "abc…"


def test_literal_keeps_markup_as_characters() -> None:
    text = literal(hostile("x"))
    assert isinstance(text, Text)
    assert text.plain == full("x")
    assert text.spans == []
    assert literal("two\nlines\tand tab").plain == "two\nlines\tand tab"
    assert literal(None).plain == ""


def test_literal_line_cuts_by_cells() -> None:
    """Two cells a letter: cut by cells, so the column keeps its ellipsis ("Maple…" too)."""
    assert literal_line("😍😍😍 Trop bon", 6).plain == "😍😍…"
    assert literal_line("東京のパン屋さん", 7).plain == "東京の…"
    assert literal_line("Maple & Grain", 7).plain == "Maple…"
    assert literal_line("short", 7).plain == "short"


def test_literal_line_is_one_clean_line() -> None:
    line = literal_line(f"{hostile('x')}\nsecond line", 30, style="bold")
    assert line.plain == full("x")[:29] + "…"
    assert "\n" not in line.plain and line.no_wrap
    assert str(line.style) == "bold"


def test_literal_match_highlights_without_parsing_markup() -> None:
    matcher = Matcher("click")
    shown = literal_match(matcher, f"Show brand: {hostile('b')}")
    assert isinstance(shown, Content)
    assert shown.plain == f"Show brand: {full('b')}"
    assert any(span.style for span in shown.spans)  # the matched letters are highlighted


async def test_form_options_and_values_are_literal() -> None:
    """Select and SelectionList parse a str label as markup, Input and TextArea write
    escapes to the terminal as they are: the form cleans both."""
    fields = [
        FormField("one", "One", "select", [(hostile("opt"), "a")]),
        FormField("many", "Many", "multi", [(hostile("tick"), "b")]),
        FormField("line", "Line"),
        FormField("area", "Area", "area"),
    ]
    values = {"one": "a", "line": hostile("line"), "area": hostile("area")}

    class FormApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(FormScreen(hostile("title"), fields, values, lambda data: data))

    app = FormApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for kind in ("title", "opt", "tick", "line", "area"):
            assert token(kind) in text
        assert_clean(text)
        assert app.screen.query_one(Select).value == "a"  # the value survives the clean label
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.read()["line"] == full("line")


# --- the app, screen by screen ----------------------------------------------------------


def assert_clean(text: str) -> None:
    for control in CONTROLS:
        assert control not in text, f"control character {control!r} reached the screen"


def make_hostile(store: Store, clock: Clock, demo: Brand) -> Brand:
    """The demo workspace, with hostile text written over each kind of thing the screens
    show: the first of a list, or all of a list sorted by name, so that the highlighted row
    (whose detail pane is on view) is a hostile one."""
    brand_id = demo.id
    assert brand_id is not None
    now = clock()
    brand = store.brands.update(demo.model_copy(update={"name": f"{token('brand')} [0]"}))
    channel = store.channels.list(brand_id)[0]
    store.channels.update(
        channel.model_copy(
            update={
                "handle": f"{token('chan')}\x1b[31m",
                "manager": "[bold]m",
                "mission": hostile("mission"),
            }
        )
    )
    for objective in store.objectives.list(brand_id):
        statement = f"{hostile('goal')} {objective.id}"
        store.objectives.update(objective.model_copy(update={"statement": statement}))
    for metric in store.metrics.list(brand_id):
        store.metrics.update(metric.model_copy(update={"name": f"{token('metric')} {metric.id}"}))
    for persona in store.personas.list(brand_id):
        name, likes = f"{hostile('persona')} {persona.id}", hostile("likes")
        store.personas.update(persona.model_copy(update={"name": name, "interests": likes}))
    for pillar in store.pillars.list(brand_id):
        name, about = f"{hostile('pillar')} {pillar.id}", hostile("pdesc")
        store.pillars.update(pillar.model_copy(update={"name": name, "description": about}))
    pillar = store.pillars.list(brand_id)[0]
    store.posts.add(
        Post(
            brand_id=brand_id,
            channel_id=channel.id,
            pillar_id=pillar.id,
            title=hostile("post"),
            body=hostile("body"),
            hashtags="#[bold]",
            campaign=token("camp"),
            status=PostStatus.READY,
            scheduled_at=to_utc(date(2026, 11, 23), time(6, 0), demo.timezone),
        )
    )
    store.posts.add(  # escapes first, so that they fall inside a narrow grid cell
        Post(
            brand_id=brand_id,
            channel_id=channel.id,
            title=f"{ESCAPES}{token('cell')}",
            status=PostStatus.DRAFT,
            scheduled_at=to_utc(date(2026, 11, 24), time(6, 0), demo.timezone),
        )
    )
    store.inbox.add(
        InboxItem(
            brand_id=brand_id,
            channel_id=channel.id,
            kind=InboxKind.COMMENT,
            author_name=hostile("author"),
            author_handle="@[0]",
            text=hostile("item"),
            tags=f"{CLICK}tag, [bold]b",
            priority=Priority.URGENT,
            received_at=now - timedelta(days=6),
        ),
        keep_priority=True,
    )
    store.saved_replies.add(
        SavedReply(brand_id=brand_id, name=hostile("reply"), tags="[0]", text=hostile("rtext"))
    )
    run = store.audits.start_run(brand_id, hostile("run"), date(2026, 11, 23))
    assert run.id is not None
    item = store.audits.items(run.id)[0]
    store.audits.update_item(
        item.model_copy(update={"note": hostile("note"), "owner": f"{CLICK}owner"})
    )
    store.competitors.add(
        CompetitorObservation(
            brand_id=brand_id,
            name="!" + hostile("rival"),
            platform=Platform.INSTAGRAM,
            handle="[bold]h",
            followers=100,
            posts_per_week=2,
            content_types=hostile("types"),
            notes=hostile("rnotes"),
            observed_on=date(2026, 11, 20),
        )
    )
    feed = store.feeds.list(brand_id)[0]
    assert feed.id is not None
    entry = FeedEntry(
        feed_id=feed.id,
        guid="hostile",
        title=hostile("feed"),
        summary=hostile("summary"),
        published_at=now,
        fetched_at=now,
    )
    store.feeds.fetched(feed.id, [entry], etag=None, modified=None, at=now)
    store.brands.add(Brand(name=hostile("other"), timezone="Europe/Paris"))
    return brand


# Per screen (by mode), the keys that reach each of its views and what each view must show
# in full or as a token. A screen not listed here (one added later) is still walked: its
# main view and its help screen are checked for a live app, the brand's name in the header
# and no control character.
VIEWS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {
    # (keys, whole texts that must show, tokens that must show); escape closes modals.
    "calendar": [
        ((), (), ("post",)),  # the month grid and the day's list beside it
        (("w",), (), ("post",)),
        (("a",), (), ("post", "pillar")),
        (("enter",), (), ("post", "body", "chan")),  # the post editor
        (("escape", "m", "tab", "e"), (), ("post", "body")),
        (("escape", "f", "enter"), (), ("chan",)),  # the filter form's channels
        (("escape", "tab", "enter"), (), ("pillar",)),  # and its pillars
    ],
    "queue": [
        ((), (full("item"),), ("author", "chan")),
        (("r",), (), ("item", "author")),  # the reply composer
        (tuple("evil"), (), ("reply",)),  # its saved replies, searched by name
        (("enter",), (), ("rtext",)),  # the saved reply, put in the editor
        (("escape", "l"), (full("feed"), full("summary")), ()),  # listening
        (("escape", "f", "enter"), (), ("chan",)),  # the filter's choices
        (("down", "enter", "ctrl+s"), (f"filter: Blog {token('chan')}[31m",), ()),  # filtered
    ],
    "kpis": [
        ((), (), ("goal", "metric")),
        (("right_square_bracket",), (), ()),
    ],
    "strategy": [
        ((), (), ("brand",)),
        (("right_square_bracket",), (full("mission"),), ("chan",)),
        (("right_square_bracket",), (full("goal"),), ()),
        (("right_square_bracket",), (full("persona"), full("likes")), ()),
        (("right_square_bracket",), (full("pillar"), full("pdesc")), ()),
        (("e",), (), ("pillar", "pdesc")),  # the pillar form
    ],
    "audit": [
        ((), (full("run"), full("note")), ("owner",)),
        (("e",), (), ("note",)),  # the follow-up form
        (("escape", "right_square_bracket"), (full("run"),), ()),  # the runs
        (("right_square_bracket",), (full("rival"), full("types"), full("rnotes")), ()),
    ],
}


async def check(
    pilot: Pilot[None], where: str, wholes: Sequence[str] = (), tokens: Sequence[str] = ()
) -> str:
    await pilot.pause()
    app = pilot.app
    assert app.is_running, f"the app stopped at {where}"
    text = screen_text(app)
    assert_clean(text)
    for whole in wholes:
        assert whole in text, f"{where}: {whole!r} is not shown literally"
    for kind in tokens:
        assert token(kind) in text, f"{where}: {token(kind)!r} is not shown literally"
    return text


@pytest.fixture
def hostile_app(make_smtui_app, store: Store, clock: Clock, demo: Brand):  # type: ignore[no-untyped-def]
    make_hostile(store, clock, demo)
    return make_smtui_app()


SCREEN_MODES = [entry.mode for entry in screen_entries()]
assert set(VIEWS) <= set(SCREEN_MODES), "a view is listed for a screen that does not exist"


@pytest.mark.slow
@pytest.mark.parametrize("mode", SCREEN_MODES)
async def test_every_screen_shows_hostile_text_literally(hostile_app, mode: str) -> None:  # type: ignore[no-untyped-def]
    """Each screen of the registry in an app of its own (so that they run in parallel): its
    views and dialogs, then its help."""
    entries = screen_entries()
    entry = next(entry for entry in entries if entry.mode == mode)
    async with hostile_app.run_test(size=SIZE) as pilot:
        await pilot.press(entry.key)
        where = f"screen {entry.key} ({entry.mode})"
        # Every screen's header carries the brand's name.
        await check(pilot, where, tokens=("brand",))
        for keys, wholes, tokens in VIEWS.get(entry.mode, []):
            await pilot.press(*keys)
            await check(pilot, f"{where} after {keys}", wholes, tokens)
        while len(pilot.app.screen_stack) > 1:
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("question_mark")
        await check(pilot, f"{where} help")
        await pilot.press("escape")
        assert pilot.app.is_running


async def test_a_click_on_the_hostile_text_does_nothing(hostile_app) -> None:  # type: ignore[no-untyped-def]
    """Were the markup interpreted, a click on "x" would run app.quit."""
    async with hostile_app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        text = await check(pilot, "queue", (full("item"),))
        lines = text.split("\n")
        row = next(i for i, line in enumerate(lines) if full("item") in line)
        column = lines[row].index(full("item")) + len("[@click=app.quit]")
        await pilot.click(offset=(column, row))
        await check(pilot, "queue after a click on the text", (full("item"),))


async def test_a_notification_shows_a_hostile_name_literally(hostile_app) -> None:  # type: ignore[no-untyped-def]
    async with hostile_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("5", *["right_square_bracket"] * 3, "d")  # delete the first persona
        await check(pilot, "delete question", tokens=("persona",))
        await pilot.press("y")  # "Deleted: <name>"
        await pilot.pause()
        toasts = list(pilot.app.screen.query("Toast"))
        assert toasts, "no notification shown"
        shown = " ".join(str(toast.render()) for toast in toasts)
        assert f"Deleted: {full('persona')}" in shown
        await check(pilot, "persona deleted", tokens=("persona",))


async def test_the_command_palette_shows_a_hostile_brand_name_literally(hostile_app) -> None:  # type: ignore[no-untyped-def]
    async with hostile_app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        await pilot.press(*"other")
        await pilot.app.workers.wait_for_complete()  # the palette searches in a worker
        await check(pilot, "palette", (f"Show brand: {token('other')} {LINK}",))
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.brand.name == hostile("other")
        await check(pilot, "after switching brand", tokens=("other",))
