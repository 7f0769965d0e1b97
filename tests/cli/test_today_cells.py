"""Tests that ``smtui today`` cuts outside text by terminal cells, not characters (a CJK
title of 48 letters takes 96 cells and wrapped an 80-column terminal), and that nothing
invisible or acting on the terminal reaches it: carriage returns, bidi overrides and
isolates, zero-width characters."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from click.testing import CliRunner
from rich.cells import cell_len

from smtui.cli import cli
from smtui.domain.enums import InboxKind, Platform, PostStatus
from smtui.domain.inbox import InboxItem
from smtui.domain.models import Brand, Channel, Metric
from smtui.domain.post import Post
from smtui.store import Store

CJK = "東京の新しいパン屋さんで朝一番に焼き上がったクロワッサンを味わう週末の特別な朝の時間"
HIDDEN = ("\r", "\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff")


def run(db_path: Path, columns: int = 80) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "today"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.output


def fill(store: Store, now: datetime, title: str, text: str) -> None:
    brand = store.brands.add(Brand(name="パン屋", timezone="UTC"))
    channel = store.channels.add(
        Channel(brand_id=brand.id, platform=Platform.INSTAGRAM, handle="pan")
    )
    store.posts.add(
        Post(
            brand_id=brand.id,
            channel_id=channel.id,
            title=title,
            status=PostStatus.SCHEDULED,
            scheduled_at=now + timedelta(hours=2),
        )
    )
    store.inbox.add(
        InboxItem(
            brand_id=brand.id,
            kind=InboxKind.COMMENT,
            author_name=title,
            text=text,
            received_at=now - timedelta(hours=1),
        )
    )
    store.metrics.add(Metric(brand_id=brand.id, name=title[:100]))


def test_cjk_titles_stay_within_80_cells(db_path: Path, store: Store, now: datetime) -> None:
    fill(store, now, CJK, CJK * 2)

    out = run(db_path)

    wide = [line for line in out.splitlines() if cell_len(line) > 80]
    assert not wide, "\n".join(wide)
    assert "東京の新しい" in out and "…" in out
    assert "15:30" in out, out  # the post's line is there, cut, with its time


def test_a_narrower_terminal_is_honoured(db_path: Path, store: Store, now: datetime) -> None:
    fill(store, now, CJK, CJK)
    out = run(db_path, columns=60)
    assert all(cell_len(line) <= 60 for line in out.splitlines()), out


def test_invisible_and_bidi_characters_never_reach_the_terminal(
    db_path: Path, store: Store, now: datetime
) -> None:
    sneaky = "Fresh\rbread \u202eexe.txt\u202c \u2066iso\u2069 ze\u200bro\u200d\u2060\ufeff!"
    fill(store, now, sneaky, sneaky)

    out = run(db_path)

    for char in HIDDEN:
        assert char not in out, repr(char)
    assert "Fresh bread exe.txt iso zero!" in out
