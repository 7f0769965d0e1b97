"""Tests that the import's fast paths give what the plain ones give: the row reader's plain
path the validated (pydantic) one, DueTimes the walk of due_at, the streamed CSV reading
csv.DictReader over the file read whole, the inline UTC text the column's own processor,
and a whole import the due times and priorities of the domain's functions row by row."""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pendulum
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from sqlalchemy.dialects import sqlite

from smtui.cli import cli
from smtui.domain.enums import InboxKind, Platform, Priority
from smtui.domain.inbox import InboxItem, PriorityRule
from smtui.domain.models import Brand, Channel
from smtui.domain.planning import BrandSettings
from smtui.domain.priority import priority_for
from smtui.domain.response_time import DueTimes, due_at, target_minutes
from smtui.domain.validation import DomainError
from smtui.io.inbox_formats import CSV_COLUMNS, InboxFormat, check_rows, load_rows
from smtui.io.inbox_reader import RowReader
from smtui.io.plain_items import LIMITS
from smtui.store import Store
from smtui.store.repositories.fast_read import utc_binder
from smtui.store.tables import UTCDateTime

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ZONES = (
    "America/Toronto",
    "Europe/Paris",
    "Asia/Kathmandu",  # +05:45
    "Australia/Lord_Howe",  # a half-hour DST change
    "America/Sao_Paulo",  # DST changed at midnight until 2019
    "Pacific/Apia",  # skipped 30 December 2011
    "UTC",
)
CHANNELS = [
    Channel(id=1, brand_id=1, platform=Platform.INSTAGRAM, handle="@maple"),
    Channel(id=2, brand_id=1, platform=Platform.FACEBOOK, handle="Maple & Grain"),
    Channel(id=3, brand_id=1, platform=Platform.MASTODON, handle="@maple@eat.social"),
]

# --- DueTimes against due_at ---------------------------------------------------------------

work_settings = st.builds(
    lambda enabled, days, hours: BrandSettings(
        brand_id=1,
        working_hours_enabled=enabled,
        work_days=days,
        work_start=hours[0],
        work_end=hours[1],
    ),
    st.booleans(),
    st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(tuple),
    st.tuples(
        st.sampled_from([time(0, 0), time(2, 30), time(8, 0), time(9, 0), time(23, 0)]),
        st.sampled_from([time(0, 1), time(3, 0), time(12, 1), time(17, 0), time(23, 59)]),
    ).filter(lambda hours: hours[1] > hours[0]),
)
# Around the DST changes of the zones above, and anywhere else.
around_changes = st.sampled_from(
    [
        datetime(2026, 3, 8, 7, tzinfo=UTC),
        datetime(2026, 11, 1, 6, tzinfo=UTC),
        datetime(2026, 3, 29, 1, tzinfo=UTC),
        datetime(2026, 10, 25, 1, tzinfo=UTC),
        datetime(2018, 11, 4, 3, tzinfo=UTC),
        datetime(2018, 2, 18, 2, tzinfo=UTC),
        datetime(2026, 4, 4, 15, tzinfo=UTC),
        datetime(2011, 12, 29, 10, tzinfo=UTC),
    ]
)
instants = st.one_of(
    st.builds(
        lambda base, minutes, micro: base + timedelta(minutes=minutes, microseconds=micro),
        around_changes,
        st.integers(-5 * 1440, 5 * 1440),
        st.sampled_from([0, 0, 1, 999_999]),
    ),
    st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
)
received_forms = st.sampled_from(["utc", "offset", "pendulum"])


def as_form(moment: datetime, form: str, zone: str) -> datetime:
    """The same instant as the reader may hand it over: UTC, another offset, pendulum's."""
    if form == "offset":
        return moment.astimezone(timezone(timedelta(hours=-3, minutes=-30)))
    if form == "pendulum":
        return pendulum.instance(moment).in_timezone(zone)
    return moment


@SETTINGS
@given(
    zone=st.sampled_from(ZONES),
    rules=work_settings,
    moments=st.lists(st.tuples(instants, received_forms), min_size=1, max_size=20),
    minutes=st.sampled_from([1, 15, 60, 240, 480, 1440, 4320, 10_080, 60 * 24 * 90]),
)
def test_due_times_are_due_at_instants(
    zone: str, rules: BrandSettings, moments: list[tuple[datetime, str]], minutes: int
) -> None:
    due_times = DueTimes(rules, zone)  # one per import: its plans serve every item after
    for moment, form in moments:
        received = as_form(moment, form, zone)
        expected = due_at(received, minutes, rules, zone)
        got = due_times(received, minutes)
        assert got == expected
        assert type(got) is type(expected) and got.utcoffset() == expected.utcoffset()


def test_due_times_on_a_grid_across_dst_weeks() -> None:
    """Every 7 minutes of a week around each change, for the targets of every kind."""
    office = BrandSettings(brand_id=1, working_hours_enabled=True, work_days=(0, 1, 2, 3, 4, 5))
    for zone in ("America/Toronto", "Europe/Paris", "Australia/Lord_Howe"):
        due_times = DueTimes(office, zone)
        for start in (datetime(2026, 3, 4, tzinfo=UTC), datetime(2026, 10, 22, tzinfo=UTC)):
            for step in range(0, 9 * 1440, 7):
                received = start + timedelta(minutes=step)
                for minutes in (60, 120, 240, 480, 1440, 4320):
                    assert due_times(received, minutes) == due_at(received, minutes, office, zone)


# --- the reader's plain path against the validated one ------------------------------------

edges = st.sampled_from(["", " ", "\t", "\u2003", "\x1c", "\u00a0", "\n"])
words = st.sampled_from(
    ["", "Zoé", "refund", "5", "名前", "😀", "e\u0301", "\ud800", "a" * 200, "b" * 20_000]
)
texts = st.builds(lambda a, w, b: a + w + b, edges, words, edges) | st.text(max_size=12)
cells = st.one_of(texts, st.none(), st.integers(-3, 3), st.booleans())
rows = st.fixed_dictionaries(
    {
        "received_at": st.one_of(
            st.sampled_from(
                [
                    "2026-11-23T09:15:00-05:00",
                    "2026-11-23T14:15:00Z",
                    "2026-03-08T02:30:00",  # in Toronto's DST gap
                    "2026-11-01T01:30",  # in its DST fold
                    "2026-11-23",
                    "20261123T091500",
                    " 2026-11-23T09:15:00.5+01:00 ",
                    "0001-01-01T00:00:00+05:00",
                    "tomorrow",
                    "",
                ]
            ),
            cells,
        ),
        "kind": st.one_of(
            st.sampled_from(["comment", " DM ", "Question", "like", "", "share\x1c"]), cells
        ),
    },
    optional={
        "channel": st.one_of(
            st.sampled_from(["@maple", " MAPLE ", "instagram", "mastodon", "@nobody", ""]), cells
        ),
        "author_name": cells,
        "author_handle": cells,
        "text": cells,
        "url": st.one_of(
            st.sampled_from(
                [
                    "https://example.com/c/1",
                    " https://example.com/pad ",
                    "https://bücher.de/x",
                    "http://localhost/x",
                    "https://exa mple.com",
                    "ftp://x.y",
                    "https://x.y/\ud800",
                ]
            ),
            cells,
        ),
        "external_id": cells,
        "tags": st.one_of(
            cells,
            st.sampled_from(["vip, fr", "VIP;fr;vip", "a" * 39 + " bcd", "x" * 45, ",,"]),
            st.lists(st.one_of(texts, st.integers(0, 3), st.none()), max_size=3),
            st.dictionaries(st.sampled_from(["a", "b"]), st.integers(0, 1), max_size=2),
        ),
        "priority": st.one_of(st.sampled_from(["urgent", " LOW ", "asap", ""]), cells),
        "colour": cells,
    },
)


def outcome(read: Any, data: dict[str, Any], source: str) -> Any:
    try:
        return read(data, source)
    except (ValidationError, DomainError, TypeError) as error:
        return ("error", type(error), str(error))


def same_item(fast: InboxItem, slow: InboxItem) -> None:
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.model_fields_set == slow.model_fields_set
    assert [type(value) for value in fast.__dict__.values()] == [
        type(value) for value in slow.__dict__.values()
    ]
    assert list(fast.__dict__) == list(slow.__dict__)


@SETTINGS
@given(
    data=rows,
    source=st.sampled_from(["csv", "json", "mastodon"]),
    zone=st.sampled_from(ZONES),
    default=st.sampled_from([None, 1, 3]),
)
@example(
    data={"received_at": "2026-11-23T14:15:00Z", "kind": "dm", "text": "hello"},
    source="csv",
    zone="UTC",
    default=None,
)
def test_plain_rows_read_as_validated_rows(
    data: dict[str, Any], source: str, zone: str, default: int | None
) -> None:
    default_channel = next((c for c in CHANNELS if c.id == default), None)
    reader = RowReader(1, zone, CHANNELS, default_channel)
    for _twice in range(2):  # the second time from what the reader remembers of the cells
        fast = reader.plain_item(dict(data), source)
        slow = outcome(reader.validated_item, dict(data), source)
        if fast is not None:
            assert slow[0] != "error", f"the plain path took a row validation refuses: {slow}"
            same_item(fast[0], slow[0])
            assert fast[1] == slow[1]
        assert outcome(reader.item, dict(data), source) == slow


def test_everyday_rows_take_the_plain_path() -> None:
    reader = RowReader(1, "America/Toronto", CHANNELS, None)
    row = {
        "received_at": "2026-11-23T09:15:00-05:00",
        "channel": "@maple",
        "kind": "question",
        "author_name": "Zoé",
        "author_handle": "@zoe",
        "text": "Open on Sunday? 😍",
        "url": "https://instagram.com/p/x",
        "external_id": "ig-123",
        "tags": "hours, fr",
        "priority": "",
    }
    for data in (row, {**row, "priority": "urgent"}, {**row, "tags": ["vip"]}, {"kind": "dm",
                 "received_at": "2026-11-23T14:15:00Z"}):  # fmt: skip
        assert reader.plain_item(data, "csv") is not None


def test_the_length_limits_are_the_models() -> None:
    base = {"brand_id": 1, "kind": "dm", "received_at": datetime(2026, 1, 1, tzinfo=UTC)}
    for name, limit in LIMITS.items():
        InboxItem.model_validate({**base, name: "x" * limit})
        with pytest.raises(ValidationError):
            InboxItem.model_validate({**base, name: "x" * (limit + 1)})


# --- CSV read as a stream, against csv.DictReader over the whole text ------------------------


def dict_reader_rows(path: Path) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
    """What the reader gave before it streamed: DictReader over read_text, as it was."""
    errors: list[str] = []
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    header = [name.strip() for name in rows.fieldnames or []]
    if "received_at" not in header or "kind" not in header:
        return ["missing"], []
    rows.fieldnames = header
    found = []
    start = rows.line_num + 1
    for row in rows:
        extra = row.pop(None, None)  # type: ignore[call-overload]
        where = f"line {start}"
        start = rows.line_num + 1
        if extra:
            errors.append(f"{where}: more cells than columns")
        elif any(map(str.strip, filter(None, row.values()))):
            found.append((where, row))
    return errors, found


csv_cells = st.one_of(
    st.sampled_from(["", " ", "dm", "2026-11-23T10:00:00Z", 'a "quoted" one', "x,y", "é"]),
    st.text(alphabet=st.sampled_from('ab ,"\r\n\t'), max_size=6),
)
csv_lines = st.lists(st.lists(csv_cells, max_size=5), max_size=8)


@SETTINGS
@given(
    header=st.sampled_from(["received_at,kind,text", "kind,received_at", " received_at , kind,,"]),
    lines=csv_lines,
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    blank=st.lists(st.integers(0, 8), max_size=3),
    bom=st.booleans(),
)
def test_streamed_csv_rows_are_dict_reader_rows(
    tmp_path_factory: pytest.TempPathFactory,
    header: str,
    lines: list[list[str]],
    newline: str,
    blank: list[int],
    bom: bool,
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=newline)
    for cells in lines:
        writer.writerow(cells)
    body = buffer.getvalue().split(newline)
    for at in blank:  # blank lines, which DictReader skips and counts its own way
        body.insert(min(at, len(body)), "")
    content = ("\ufeff" if bom else "") + header + newline + newline.join(body)
    path = tmp_path_factory.mktemp("csv") / "inbox.csv"
    path.write_bytes(content.encode("utf-8"))
    parsed, found = load_rows(path, InboxFormat.AUTO)
    errors, expected = dict_reader_rows(path)
    if errors == ["missing"]:
        assert found == [] and parsed.errors[0].startswith("line 1: missing column")
        return
    assert parsed.errors == errors
    assert [(where, data) for where, data, _source in found] == expected


def test_a_csv_that_is_not_utf8_is_named_with_its_byte(tmp_path: Path) -> None:
    path = tmp_path / "inbox.csv"
    path.write_bytes(b"received_at,kind\n" + b"2026-11-23T10:00:00Z,dm\n" * 3000 + b"\xff,dm\n")
    with pytest.raises(DomainError) as error:
        load_rows(path, InboxFormat.AUTO)
    with pytest.raises(UnicodeDecodeError) as whole:
        path.read_text(encoding="utf-8-sig")
    assert error.value.message == f"{path} is not UTF-8 text (byte {whole.value.start})"
    path.write_bytes(b"kind,text\n\xff\n")  # a bad header, and a bad byte after it
    with pytest.raises(DomainError, match="is not UTF-8 text"):
        load_rows(path, InboxFormat.CSV)


def test_a_field_too_large_for_csv_fails_as_it_did(tmp_path: Path) -> None:
    path = tmp_path / "inbox.csv"
    path.write_text('received_at,kind,text\n2026-11-23T10:00:00Z,dm,"' + "x" * 200_000 + '"\n')
    with pytest.raises(csv.Error):
        load_rows(path, InboxFormat.AUTO)


def test_ticks_count_every_valid_row() -> None:
    parsed_rows = [
        (
            f"line {n}",
            {"received_at": "2026-11-23T10:00:00Z", "kind": "dm" if n % 7 else "x"},
            "csv",
        )
        for n in range(2, 1000)
    ]
    from smtui.io.inbox_formats import ParsedInbox

    parsed = ParsedInbox(InboxFormat.CSV)
    ticks: list[int] = []
    check_rows(
        parsed, parsed_rows, brand_id=1, timezone="UTC", channels=CHANNELS, tick=ticks.append
    )
    assert sum(ticks) == len(parsed.items) and parsed.errors


# --- the UTC text written inline, against the column type's processor ---------------------


@SETTINGS
@given(
    moment=st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=45))]))
    | st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.replace(fold=1))
)
def test_inline_utc_text_is_the_processors(moment: datetime) -> None:
    dialect = sqlite.dialect()
    processor = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    assert processor is not None
    bind = utc_binder(processor)
    assert bind is not None
    try:
        expected = processor(moment)
    except OverflowError:
        return
    assert bind(moment) == expected


# --- a whole import against the domain's functions, row by row ------------------------------


@pytest.fixture
def brand(store: Store) -> Brand:
    brand = store.brands.add(Brand(name="Maple", timezone="America/Toronto"))
    for platform, handle in ((Platform.INSTAGRAM, "@maple"), (Platform.FACEBOOK, "Maple FB")):
        store.channels.add(Channel(brand_id=brand.id, platform=platform, handle=handle))
    store.priority_rules.add(PriorityRule(brand_id=brand.id, keyword="Remboursement"))
    store.priority_rules.add(PriorityRule(brand_id=brand.id, keyword="giveaway", priority="low"))
    store.response_targets.set(brand.id, InboxKind.COMMENT, 90)
    store.brand_settings.save(
        BrandSettings(brand_id=brand.id, working_hours_enabled=True, work_days=(0, 1, 2, 3, 4, 5))
    )
    return brand


def test_an_import_gives_the_domains_due_times_and_priorities(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand
) -> None:
    assert brand.id is not None
    instagram = store.channels.list(brand.id)[0]
    assert instagram.id is not None
    store.response_targets.set(brand.id, InboxKind.DM, 20, channel_id=instagram.id)
    chance = random.Random(7)
    kinds = [kind.value for kind in InboxKind]
    words = ["", "Un REMBOURSÉ svp", "remboursement", "GIVEAWAY!", "hello", "Ça va? 😍"]
    lines = []
    start = datetime(2026, 10, 26, tzinfo=UTC)  # the week before DST ends in Toronto
    for number in range(6_000):  # more than an import writes at once
        received = start + timedelta(minutes=chance.randrange(0, 14 * 1440))
        stamp = chance.choice(
            [received.isoformat(), received.astimezone(timezone(timedelta(hours=-4))).isoformat()]
        )
        external = f"e{number // 2}" if number % 5 else ""  # repeats within the file
        lines.append(
            [
                stamp,
                chance.choice(["@maple", "Maple FB", ""]),
                chance.choice(kinds),
                f"Author {number}",
                "",
                chance.choice(words),
                "",
                external,
                chance.choice(["", "vip", "a, b"]),
                chance.choice(["", "", "", "high"]),
            ]
        )
    buffer = io.StringIO()
    csv.writer(buffer).writerows([list(CSV_COLUMNS), *lines])
    path = tmp_path / "varied.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "import", "inbox", str(path)])
    assert result.exit_code == 0, result.output
    settings_ = store.brand_settings.get(brand.id)
    targets = store.response_targets.list(brand.id)
    rules = store.priority_rules.list(brand.id)
    channel_ids = {c.handle: c.id for c in store.channels.list(brand.id)}
    expected = {}
    for stamp, channel, kind, _name, _h, text, _u, external, _t, priority in lines:
        key = (channel_ids.get(channel), external or None)
        if external and key in expected:
            continue
        received = datetime.fromisoformat(stamp).astimezone(UTC)
        minutes = target_minutes(InboxKind(kind), key[0], targets)
        due = due_at(received, minutes, settings_, brand.timezone)
        rank = (Priority(priority) if priority else priority_for(InboxKind(kind), text, rules)).rank
        expected[key if external else (key[0], f"row {len(expected)}")] = (
            received.strftime("%Y-%m-%d %H:%M:%S.%f"),
            due.strftime("%Y-%m-%d %H:%M:%S.%f"),
            rank,
        )
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute(
            "SELECT received_at, due_at, priority FROM inbox_item ORDER BY id"
        ).fetchall()
    assert stored == list(expected.values())
    assert f"Imported {len(expected)} items" in result.output


def test_json_import_reads_as_before(
    tmp_path: Path, db_path: Path, store: Store, brand: Brand
) -> None:
    path = tmp_path / "inbox.json"
    items = [
        {"received_at": "2026-11-23T14:15:00Z", "kind": "dm", "text": " padded ", "tags": ["A"]},
        {"received_at": "2026-11-23T14:16:00Z", "kind": "comment", "author_name": 5},
    ]
    path.write_text(json.dumps({"items": items}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "import", "inbox", str(path)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute("SELECT text, tags, author_name FROM inbox_item ORDER BY id")
        assert stored.fetchall() == [("padded", ",a,", ""), ("", "", "5")]
