"""Property tests of everything that reads text from a person or a file: the domain's
parsers and every import reader. Whatever they are fed, they either accept it or answer
with our own error (a ``DomainError`` naming the field, pydantic's ``ValidationError`` for a
model, or the reader's documented whole-file error), never with a ``KeyError``,
``IndexError``, ``UnicodeDecodeError``, ``OverflowError`` or a bare ``ValueError``: those
reach the user as a traceback.

Inputs mix random text with near-misses of the real thing (dates, times, numbers and
headers that almost parse), which is where parsers break.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from smtui.domain.enums import Platform
from smtui.domain.inbox import InboxItem, parse_tags
from smtui.domain.kpi import MetricValue, PostMetric, kpi_period
from smtui.domain.local_time import parse_clock, parse_day, to_utc
from smtui.domain.models import Brand, Channel, Objective, Pillar
from smtui.domain.planning import BrandSettings, RecurringSlot, parse_clock_time, parse_weekdays
from smtui.domain.post import Post
from smtui.domain.smart import check_smart
from smtui.domain.utm import tagged_url
from smtui.domain.validation import DomainError, check_url, field_errors
from smtui.io import hootsuite, metricool, post_csv
from smtui.io.feeds import check_feed_url, parse_entries
from smtui.io.inbox_formats import CSV_COLUMNS, InboxFormat, check_rows, load_rows
from smtui.io.metric_formats import FORMATS, ParseContext, read_table
from smtui.io.post_import import check_drafts, detect, read_drafts
from smtui.io.post_source import BrandLookup, FileFormatError

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2026, 11, 23)
ZONES = ("America/Toronto", "Europe/Paris", "UTC", "Australia/Lord_Howe", "Asia/Kathmandu")

# --- what the strategies draw from -----------------------------------------------------------

# Characters that matter to parsers: separators, quotes, digits of other scripts, signs,
# control characters, a BOM and a lone surrogate's neighbours.
TRICKY = "0123456789:-/.,;+ eE\t\n\r\"'\x00\x1b\ufeff\u00a0\u202f٣²①Ⅻ[]{}#@%&=?"
tricky_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=20)
any_text = st.text(max_size=30)
near_days = st.one_of(
    st.dates().map(date.isoformat),
    st.builds(
        "{:04d}-{:02d}-{:02d}".format,
        st.integers(0, 10_000),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
)
near_times = st.one_of(
    st.times().map(lambda moment: moment.strftime("%H:%M")),
    st.builds("{}:{}".format, st.integers(-1, 100), st.integers(-1, 100)),
)
near_numbers = st.one_of(
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["1e400", "-1e400", "nan", "-0", "1,234", "1 234", "9" * 30, "-", "n/a"]),
)
near_urls = st.one_of(
    st.sampled_from(
        [
            "http://[x",
            "https://[::1",
            "http://exa mple.com",
            "https://example.com:99999",
            "https://example.com/a?utm_source=x#frag",
            "http://localhost",
            "file:///etc/hostname",
            "https://",
            "mailto:a@b.c",
            "~nosuchuser/feed.xml",
            "feed" * 2000,
        ]
    ),
    st.builds("https://{}.com/{}".format, tricky_text, any_text),
)
cell_text = st.one_of(any_text, tricky_text, near_days, near_times, near_numbers, near_urls)


def messy(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``strategy`` or arbitrary text, so that both near-misses and garbage are tried."""
    return st.one_of(strategy, any_text, tricky_text)


# --- the domain's text parsers ---------------------------------------------------------------


def assert_names_a_field(error: DomainError, *fields: str) -> None:
    assert error.message, "a rejection must say why"
    if fields:
        assert error.field in fields


@SETTINGS
@given(messy(near_days))
def test_parse_day_accepts_or_names_the_field(text: str) -> None:
    try:
        assert isinstance(parse_day(text, "day"), date)
    except DomainError as error:
        assert_names_a_field(error, "day")


@SETTINGS
@given(messy(near_times))
def test_parse_clock_accepts_or_names_the_field(text: str) -> None:
    for parse in (parse_clock, parse_clock_time):
        try:
            assert isinstance(parse(text, "time"), time)
        except DomainError as error:
            assert_names_a_field(error, "time")


@SETTINGS
@given(st.dates(), st.times(), st.sampled_from(ZONES))
def test_to_utc_gives_an_instant_or_names_the_gap(day: date, moment: time, zone: str) -> None:
    try:
        instant = to_utc(day, moment.replace(second=0, microsecond=0), zone, "time")
    except DomainError as error:
        assert_names_a_field(error, "time")
    else:
        assert instant.tzinfo is UTC


@SETTINGS
@given(
    st.one_of(
        messy(st.lists(st.integers(-2, 9).map(str)).map(",".join)),
        st.lists(st.integers(-100, 100)),
    )
)
def test_parse_weekdays_accepts_or_names_the_field(value: str | list[int]) -> None:
    try:
        days = parse_weekdays(value)
    except DomainError as error:
        assert_names_a_field(error, "work_days")
    else:
        assert all(0 <= day < 7 for day in days)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=8,
)


@SETTINGS
@given(st.one_of(any_text, tricky_text, st.lists(any_text, max_size=6)))
def test_parse_tags_gives_clean_tags(value: str | list[str]) -> None:
    tags = parse_tags(value)
    assert all(tag and "," not in tag and len(tag) <= 40 for tag in tags)
    assert len(set(tags)) == len(tags)


@SETTINGS
@given(messy(near_urls))
def test_check_url_accepts_a_web_address_or_says_why(text: str) -> None:
    try:
        url = check_url(text)
    except ValueError as error:
        # The validator's error for pydantic: our sentence, not urllib's.
        assert str(error) in (
            "enter a full web address starting with http:// or https://",
            "a web address cannot contain spaces",
        )
    else:
        assert url.startswith(("http://", "https://"))
        # Whatever passes the check can be tagged.
        tagged = tagged_url(url, "linkedin", "social", "campaign", "content")
        assert "utm_source=linkedin" in tagged


@SETTINGS
@given(messy(near_urls))
def test_feed_addresses_are_accepted_or_refused_with_a_message(text: str) -> None:
    try:
        check_feed_url(text)
    except DomainError as error:
        assert_names_a_field(error, "url")


@SETTINGS
@given(
    messy(
        st.one_of(
            st.sampled_from(["4w", "quarter", "year", " YEAR "]),
            st.builds("{}:{}".format, near_days, near_days),
        )
    )
)
def test_kpi_period_accepts_or_names_the_field(text: str) -> None:
    try:
        period = kpi_period(text, TODAY)
    except DomainError as error:
        assert_names_a_field(error, "period")
    else:
        assert period.first <= period.last


# --- models: whatever a form or a file puts in them -------------------------------------------

typed = st.one_of(st.none(), cell_text, st.integers(), st.floats(allow_nan=True), json_values)
instants = st.one_of(
    typed,
    st.datetimes(timezones=st.timezones()),
    st.datetimes(),
    st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"]),
)


def accepts_or_names_fields(model: type, data: dict[str, object]) -> object | None:
    """The model built from ``data``, or None when it was refused with fields named."""
    try:
        return model.model_validate(data)  # type: ignore[attr-defined]
    except ValidationError as error:
        errors = field_errors(error)
        assert errors and all(isinstance(text, str) and text for text in errors.values())
        assert set(errors) <= set(model.model_fields) | {""}  # type: ignore[attr-defined]
    except DomainError as error:
        assert error.message
        assert error.field is None or error.field in model.model_fields  # type: ignore[attr-defined]
    return None


@SETTINGS
@given(
    title=typed,
    body=typed,
    link_url=st.one_of(typed, near_urls),
    scheduled_at=instants,
    published_at=instants,
    status=st.one_of(typed, st.sampled_from(["published", "draft", "idea"])),
    utm_campaign=typed,
)
def test_post_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(Post, {"brand_id": 1, **data})


@SETTINGS
@given(
    kind=st.one_of(typed, st.sampled_from(["comment", "dm", "mention"])),
    text=typed,
    url=st.one_of(typed, near_urls),
    received_at=instants,
    tags=typed,
    priority=st.one_of(typed, st.sampled_from(["urgent", "low"]), st.integers(-5, 9)),
    external_id=typed,
)
def test_inbox_item_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(InboxItem, {"brand_id": 1, **data})


@SETTINGS
@given(
    date=st.one_of(typed, near_days),
    value=st.one_of(typed, near_numbers),
    impressions=st.one_of(typed, near_numbers),
    likes=st.one_of(typed, near_numbers),
)
def test_numbers_input_is_accepted_or_named(**data: object) -> None:
    value = {"metric_id": 1, "date": data["date"], "value": data["value"]}
    accepts_or_names_fields(MetricValue, value)
    metric = {k: data[k] for k in ("date", "impressions", "likes")}
    accepts_or_names_fields(PostMetric, {"post_id": 1, **metric})


@SETTINGS
@given(
    working_hours_enabled=st.booleans(),
    work_days=st.one_of(typed, st.lists(st.integers(-3, 9))),
    work_start=st.one_of(typed, near_times),
    work_end=st.one_of(typed, near_times),
    conflict_gap_minutes=st.one_of(typed, st.integers(-10, 3000)),
)
def test_brand_settings_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(BrandSettings, {"brand_id": 1, **data})


@SETTINGS
@given(weekday=st.one_of(typed, st.integers(-2, 9)), time_local=st.one_of(typed, near_times))
def test_slot_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(RecurringSlot, {"brand_id": 1, "channel_id": 1, **data})


@SETTINGS
@given(
    statement=st.one_of(typed, st.just("Grow followers")),
    type=st.sampled_from(["awareness", "leads", "loyalty"]),
    metric_name=typed,
    baseline=st.one_of(typed, st.floats(allow_nan=True, allow_infinity=True)),
    target=st.one_of(typed, st.floats(allow_nan=True, allow_infinity=True)),
    start_date=st.one_of(typed, st.dates()),
    due_date=st.one_of(typed, st.dates()),
)
def test_smart_check_answers_for_every_objective_accepted(**data: object) -> None:
    objective = accepts_or_names_fields(Objective, {"brand_id": 1, **data})
    if isinstance(objective, Objective):
        report = check_smart(objective, TODAY)
        assert all(letter.reason for letter in report.failing)


# --- import files ----------------------------------------------------------------------------


def brand_lookup() -> BrandLookup:
    brand = Brand(id=1, name="Maple", timezone="America/Toronto")
    channels = [
        Channel(id=1, brand_id=1, platform=Platform.LINKEDIN, handle="maple"),
        Channel(id=2, brand_id=1, platform=Platform.X, handle="@maple", char_limit=280),
        Channel(id=3, brand_id=1, platform=Platform.INSTAGRAM, handle="@maple.grain"),
        Channel(id=4, brand_id=1, platform=Platform.INSTAGRAM, handle="@maple.two"),
    ]
    pillars = [Pillar(id=1, brand_id=1, name="Educate")]
    objectives = [Objective(id=1, brand_id=1, statement="Grow", type="awareness")]
    return BrandLookup(brand, channels, pillars, objectives)


LOOKUP = brand_lookup()


@contextmanager
def file_holding(content: bytes, suffix: str = ".csv") -> Iterator[Path]:
    """A real file (readers take paths); hypothesis runs many examples in one test, so the
    folder is made here rather than by the tmp_path fixture."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        yield path


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    handle = io.StringIO()
    csv.writer(handle).writerows(rows)
    return handle.getvalue().encode(encoding, errors="surrogatepass")


def table(header: st.SearchStrategy[list[str]]) -> st.SearchStrategy[bytes]:
    """A CSV file: a header drawn from ``header``, then rows of near-miss cells, or raw
    bytes (not UTF-8, cut in the middle of a character, a lone BOM)."""
    rows = st.lists(st.lists(cell_text, max_size=8), max_size=6)
    as_csv = st.builds(lambda head, body: csv_bytes([head, *body]), header, rows)
    raw = st.one_of(
        st.binary(max_size=60),
        st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe\x00", b"a,b\n\xe9t\xe9\n", b'"a\n']),
    )
    return st.one_of(as_csv, as_csv, raw)


def header_from(columns: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.one_of(st.sampled_from(columns), cell_text), min_size=1, max_size=len(columns) + 2
    ) | st.permutations(list(columns))


POST_COLUMNS = (
    *post_csv.COLUMNS,
    "Text",
    "Date",
    "Time",
    "Draft",
    "LinkedIn",
    "Instagram",
    "Twitter",
    "Picture Url 1",
    "Picture Url 2",
)


def import_posts(path: Path, fmt: str, given: Channel | None, day_first: bool) -> None:
    """What ``smtui import posts`` does before writing: detect, read, check every line."""
    chosen = detect(path) if fmt == "auto" else fmt
    drafts = read_drafts(path, chosen, LOOKUP, given, day_first)
    plan = check_drafts(chosen, drafts, LOOKUP, given)
    for line in plan.bad_lines():
        assert line.startswith("line ")
    for item in plan.planned:
        assert item.post.channel_id == item.channel.id


@SETTINGS
@given(
    content=st.one_of(
        table(header_from(POST_COLUMNS)),
        st.lists(
            st.tuples(
                st.one_of(st.builds("{} {}".format, near_days, near_times), cell_text),
                cell_text,
                cell_text,
            ).map(list),
            max_size=5,
        ).map(csv_bytes),
    ),
    fmt=st.sampled_from(["auto", "smtui", "hootsuite", "metricool"]),
    given_channel=st.sampled_from([None, 1, 2]),
    day_first=st.booleans(),
)
def test_post_files_are_imported_or_refused_with_reasons(
    content: bytes, fmt: str, given_channel: int | None, day_first: bool
) -> None:
    given = LOOKUP.channel_by_id.get(given_channel)
    with file_holding(content) as path:
        try:
            import_posts(path, fmt, given, day_first)
        except FileFormatError as error:
            assert str(error)


@SETTINGS
@given(
    cells=st.lists(st.one_of(cell_text, st.builds("{} {}".format, near_days, near_times))),
    day_first=st.booleans(),
)
def test_hootsuite_stamps_parse_or_say_why(cells: list[str], day_first: bool) -> None:
    for text in cells:
        try:
            hootsuite.parse_stamp(text, day_first)
        except ValueError as error:
            assert type(error) is ValueError and "HH:MM" in str(error)


json_item = st.dictionaries(
    st.one_of(st.sampled_from(CSV_COLUMNS), any_text),
    st.one_of(cell_text, json_values, instants.map(str)),
    max_size=6,
)
mastodon_item = st.fixed_dictionaries(
    {
        "id": json_values,
        "type": st.one_of(st.sampled_from(["mention", "favourite", "reblog", "follow"]), typed),
        "created_at": st.one_of(instants.map(str), json_values),
        "account": st.one_of(st.dictionaries(any_text, json_values, max_size=3), json_values),
        "status": st.one_of(
            st.fixed_dictionaries(
                {"content": st.one_of(any_text, json_values), "url": st.one_of(near_urls, typed)}
            ),
            json_values,
        ),
    }
)


def as_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", errors="surrogatepass")


@SETTINGS
@given(
    content=st.one_of(
        table(header_from(CSV_COLUMNS)),
        st.lists(json_item, max_size=4).map(as_json),
        st.lists(json_item, max_size=4).map(lambda items: as_json({"items": items})),
        st.lists(mastodon_item, max_size=4).map(as_json),
        json_values.map(as_json),
        st.sampled_from([b"[" * 5000, b'{"items": ' + b"[" * 5000]),
    ),
    suffix=st.sampled_from([".csv", ".json", ".txt"]),
    fmt=st.sampled_from(list(InboxFormat)),
    default_channel=st.sampled_from([None, 1, 3]),
)
def test_inbox_files_are_imported_or_refused_with_reasons(
    content: bytes, suffix: str, fmt: InboxFormat, default_channel: int | None
) -> None:
    with file_holding(content, suffix) as path:
        try:
            parsed, rows = load_rows(path, fmt)
        except DomainError as error:
            assert error.message
            return
        check_rows(
            parsed,
            rows,
            brand_id=1,
            timezone="America/Toronto",
            channels=LOOKUP.channels,
            default_channel=LOOKUP.channel_by_id.get(default_channel),
        )
    assert all(isinstance(line, str) and line for line in parsed.errors)
    assert len(parsed.items) == len(parsed.kept_priority)


METRIC_COLUMNS = (
    *sorted({name for item in FORMATS for name in item.signature}),
    "likes",
    "retweets",
    "replies",
    "url clicks",
    "reach",
    "clicks",
    "comments",
    "publish time",
    "permalink",
    "post link",
)


@SETTINGS
@given(
    content=table(header_from(METRIC_COLUMNS)),
    wanted=st.sampled_from([None, *FORMATS]),
)
def test_metric_files_are_parsed_or_refused_with_reasons(content: bytes, wanted: object) -> None:
    """The CSV formats (the LinkedIn workbook is read by openpyxl; see the next test)."""
    with file_holding(content) as path:
        try:
            chosen, rows = read_table(path, wanted)  # type: ignore[arg-type]
        except DomainError as error:
            assert error.message
            return
        parsed = chosen.parse(rows, ParseContext("America/Toronto", tuple(LOOKUP.channels)))
    assert all(error.message for error in parsed.errors)
    for post in parsed.posts:
        assert all(number is None or number >= 0 for number in post.numbers.values())


@SETTINGS
@given(st.binary(max_size=200))
def test_a_broken_workbook_is_refused_with_a_message(content: bytes) -> None:
    with file_holding(b"PK\x03\x04" + content, ".xlsx") as path, pytest.raises(DomainError):
        read_table(path)


FEED_SHAPES = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    b"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
    b"</channel></rss>",
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>{title}</title>'
    b'<link href="{link}"/><updated>{date}</updated><id>{title}</id></entry></feed>',
)


def feed(shape: bytes, title: str, link: str, day: str) -> bytes:
    return (
        shape.replace(b"{title}", title.encode("utf-8", "surrogatepass"))
        .replace(b"{link}", link.encode("utf-8", "surrogatepass"))
        .replace(b"{date}", day.encode("utf-8", "surrogatepass"))
    )


@SETTINGS
@given(
    st.one_of(
        st.binary(max_size=200),
        st.builds(
            feed,
            st.sampled_from(FEED_SHAPES),
            cell_text,
            st.one_of(near_urls, cell_text),
            st.one_of(
                cell_text,
                st.sampled_from(
                    [
                        "Mon, 01 Jan 0001 00:00:00 +0500",
                        "Fri, 31 Dec 9999 23:59:59 -1200",
                        "9999-12-31T23:59:59-12:00",
                        "0001-01-01T00:00:00+14:00",
                    ]
                ),
            ),
        ),
    )
)
def test_feed_documents_are_read_or_refused_with_a_message(body: bytes) -> None:
    fetched = datetime(2026, 11, 23, 13, 30, tzinfo=UTC)
    try:
        entries = parse_entries(body, fetched)
    except DomainError as error:
        assert error.message
    else:
        assert all(entry.guid for entry in entries)


@SETTINGS
@given(st.lists(cell_text, min_size=1, max_size=6))
def test_metricool_and_smtui_headers_are_checked(header: list[str]) -> None:
    """Detection reads only the first line; it must not trip on any header."""
    metricool.looks_like(header)
    post_csv.looks_like(header)
    hootsuite.looks_like(header)
