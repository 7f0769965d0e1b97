"""Provides the fast path of the hot reads (today's posts, a calendar window, a queue page, a
KPI series): a Core SELECT compiled once per dialect and run on a pooled DBAPI connection,
its rows turned into models without validating them a second time.

Why: these reads run on every screen open and cursor move, and the benchmark holds them to
three times the cost of the same rows fetched with bare ``sqlite3``. The ORM's identity map,
SQLAlchemy's per-execution bookkeeping and pydantic's validation of rows that were validated
when written cost five to fifteen times that. What stays: the SQL is still built by
SQLAlchemy for the engine's dialect (no SQLite-only SQL), parameters still go through each
column type's bind processor, and the models are the same pydantic models, built the way
``model_construct`` builds them (tests compare them field by field with validated ones).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from importlib import import_module
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import Boolean, Connection, Date, Engine, Select, Table
from sqlalchemy.engine.interfaces import Dialect

from smtui.store.sqlite_settings import STORED_INSTANT
from smtui.store.tables import UTCDateTime

ModelT = TypeVar("ModelT", bound=BaseModel)
Convert = Callable[[Any], Any]
_set = object.__setattr__
# The dialects whose INSERT takes ON CONFLICT ... DO NOTHING, and where SQLAlchemy builds it.
_UPSERTS = {"sqlite": "sqlalchemy.dialects.sqlite", "postgresql": "sqlalchemy.dialects.postgresql"}


def instant(value: datetime | str | None) -> datetime | None:
    """A UTCDateTime column's value (text on SQLite, a naive datetime elsewhere) as aware UTC."""
    if value.__class__ is str:
        # Parsed with its offset: ``replace(tzinfo=...)`` costs ten times the parse.
        return datetime.fromisoformat(value + "+00:00")  # type: ignore[operator]
    if value is None:
        return None
    return value.replace(tzinfo=UTC)  # type: ignore[union-attr]


# A plain UTC instant ``v`` as SQLite's DATETIME stores it (``2026-11-23 15:30:00.000000``),
# written inline in PreparedInsert's generated loops (two instants a row).
_UTC_TEXT = (
    "(utc_format % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)"
    " if v.__class__ is datetime and v.tzinfo is UTC else {fallback}(v))"
)
_UTC_NAMES = {"utc_format": STORED_INSTANT, "datetime": datetime, "UTC": UTC}
# Instants checked against the column type's own processor before _UTC_TEXT stands in for
# it: the first day, the last, a day without microseconds, a leap day, and one not in UTC.
_PROBES = (
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(2026, 11, 23, 15, 30, tzinfo=UTC),
    datetime(2028, 2, 29, 1, 2, 3, 45, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(2026, 3, 8, 2, 30, tzinfo=timezone(timedelta(hours=-5))),
)


def utc_binder(processor: Convert) -> Convert | None:
    """The column processor's job done by _UTC_TEXT for the plain UTC instants our models
    hold (every other value still goes to ``processor``), if the two agree on the probes;
    PreparedInsert writes the same expression inline."""
    namespace = {**_UTC_NAMES, "processor": processor}
    source = "lambda v: " + _UTC_TEXT.format(fallback="processor")
    bind: Convert = eval(compile(source, "<utc text>", "eval"), namespace)
    return bind if all(bind(probe) == processor(probe) for probe in _PROBES) else None


def day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


class _Compiled:
    def __init__(self, statement: Select[Any], dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.compiled = compiled
        self.sql = compiled.string
        self.positional = compiled.positional
        self.order = list(compiled.positiontup or [])
        self.processors = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }

    def parameters(self, values: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        # construct_params adds what the statement fixed itself (e.g. an OFFSET of 0).
        given = self.compiled.construct_params(values)
        processed = {
            name: (self.processors[name](value) if name in self.processors else value)
            for name, value in given.items()
        }
        if self.positional:
            return [processed[name] for name in self.order]
        return processed


class Prepared:
    """One SELECT with named ``bindparam`` placeholders, compiled once per dialect."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            found = self._compiled[dialect.name] = _Compiled(self.statement, dialect)
        return found

    def rows(self, cursor: Any, dialect: Dialect, values: Mapping[str, Any]) -> list[Any]:
        compiled = self.compiled(dialect)
        cursor.execute(compiled.sql, compiled.parameters(values))
        return cursor.fetchall()  # type: ignore[no-any-return]


def _as_given(rows: Sequence[Any]) -> Sequence[Any]:
    return rows


class PreparedInsert:
    """An INSERT of a table's columns (all but the id), compiled once per dialect, run as one
    ``executemany`` of plain values through the driver.

    Why: an import writes a hundred thousand rows; SQLAlchemy's executemany of a compiled
    INSERT builds a parameter dictionary per row through its generic machinery, which costs
    several times the insert itself. Here each value still goes through its column type's
    bind processor for the engine's dialect (the stored form is the one the ORM writes), in
    a loop generated once per dialect, as :class:`RowModels` generates its own. On SQLite a
    plain UTC instant is formatted inline (a third of the processor chain's cost, and an
    import row has two), once that has given what the processor gives for a few probes.

    With ``given`` column names, each row is a pair: a mapping (e.g. a model's fields) and a
    tuple of the ``given`` columns' values, which win over the mapping's. An import passes
    each item's fields with the columns it decided, instead of building a dictionary per row.
    When ``given`` names every column, each row is just that tuple.
    """

    def __init__(
        self, table: Table, given: Sequence[str] = (), *, unique: Sequence[str] = ()
    ) -> None:
        self.table = table
        self.names = [column.name for column in table.columns if not column.primary_key]
        self.given = tuple(given)
        self.unique = tuple(unique)
        assert set(self.given) <= set(self.names), "given columns must be the table's"
        self._compiled: dict[str, tuple[str, Callable[[Any], list[Any]]]] = {}

    def skips_conflicts(self, dialect: Dialect) -> bool:
        """Whether, on ``dialect``, a row whose ``unique`` columns are already stored is left
        out by the INSERT itself (``ON CONFLICT (...) DO NOTHING``) rather than failing it."""
        return bool(self.unique) and dialect.name in _UPSERTS

    def _statement(self, dialect: Dialect) -> Any:
        if not self.skips_conflicts(dialect):
            return self.table.insert()
        insert = import_module(_UPSERTS[dialect.name]).insert
        return insert(self.table).on_conflict_do_nothing(index_elements=list(self.unique))

    def _compile(self, dialect: Dialect) -> tuple[str, Callable[[Any], list[Any]]]:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self._statement(dialect).compile(dialect=dialect, column_keys=self.names)
            order = list(compiled.positiontup or []) if compiled.positional else self.names
            namespace: dict[str, Any] = {}
            cells = []
            processed = False
            for index, name in enumerate(order):
                column_type = compiled.binds[name].type
                bind = column_type.dialect_impl(dialect).bind_processor(dialect)
                cell = f"g[{self.given.index(name)}]" if name in self.given else f"r[{name!r}]"
                if bind is None:
                    cells.append(cell)
                    continue
                processed = True
                namespace[f"p{index}"] = bind
                call = f"p{index}(v)"
                if (
                    isinstance(column_type, UTCDateTime)
                    and dialect.name == "sqlite"
                    and utc_binder(bind) is not None
                ):
                    namespace.update(_UTC_NAMES)
                    call = _UTC_TEXT.format(fallback=f"p{index}")
                cells.append(f"(None if (v := {cell}) is None else {call})")
            if compiled.positional:
                row = "(" + ", ".join(cells) + ",)"
            else:
                row = (
                    "{" + ", ".join(f"{n!r}: {c}" for n, c in zip(order, cells, strict=True)) + "}"
                )
            each = "g" if set(self.given) == set(self.names) else "r, g" if self.given else "r"
            source = f"def values(rows):\n    return [{row} for {each} in rows]\n"
            exec(compile(source, f"<insert into {self.table.name}>", "exec"), namespace)
            values = namespace["values"]
            if compiled.positional and list(self.given) == order and not processed:
                values = _as_given  # the tuples are the parameters already
            found = self._compiled[dialect.name] = (compiled.string, values)
        return found

    def execute(self, connection: Connection, rows: Sequence[Any]) -> int:
        """Insert ``rows`` (each a mapping of every column but the id, or as ``given`` says)
        in the connection's transaction; returns how many went in (fewer than given when a
        conflict on ``unique`` left some out)."""
        if not rows:
            return 0
        sql, values = self._compile(connection.dialect)
        result = connection.exec_driver_sql(sql, values(rows))
        return len(rows) if result.rowcount < 0 else result.rowcount


@contextmanager
def cursor(engine: Engine, *, snapshot: bool = False) -> Iterator[Any]:
    """A DBAPI cursor on a pooled connection; ``snapshot`` wraps several statements in one
    read transaction (through the engine, so its "begin" handling applies)."""
    if snapshot:
        with engine.connect() as connection, connection.begin():
            raw = connection.connection.cursor()
            try:
                yield raw
            finally:
                raw.close()
        return
    pooled = engine.raw_connection()
    try:
        raw = pooled.cursor()
        try:
            yield raw
        finally:
            raw.close()
    finally:
        pooled.close()


class RowModels(Generic[ModelT]):
    """Builds models from the rows of a SELECT of a table's columns, in table order.

    The values were validated when they were written; here they only get back the Python
    types the model holds (aware instants, dates, enums, tuples), then go in as
    ``model_construct`` puts them, minus its loop over fields and defaults, which is what
    costs. The loop is generated once per model (one dict display per row, each converter
    called inline), the way dataclasses generate ``__init__``: at a few hundred rows per
    read, a dictionary lookup per column is the difference between meeting the target and
    not.
    """

    def __init__(
        self,
        model_type: type[ModelT],
        columns: Sequence[Any],
        convert: Mapping[str, Convert] | None = None,
    ) -> None:
        config = model_type.model_config
        assert not model_type.__pydantic_post_init__ and config.get("extra") != "allow"
        assert not model_type.__private_attributes__, "private attributes need model_construct"
        self.model_type = model_type
        self.names = [column.name for column in columns]
        unmatched = set(model_type.model_fields) ^ set(self.names)
        assert not unmatched, f"{model_type.__name__} fields and columns differ: {unmatched}"
        converters: dict[str, Convert] = {}
        for column in columns:
            if isinstance(column.type, UTCDateTime):
                converters[column.name] = instant
            elif isinstance(column.type, Date):
                converters[column.name] = day
            elif isinstance(column.type, Boolean):
                converters[column.name] = _flag
        converters.update(convert or {})
        self._build = self._generate(converters)

    def _generate(self, converters: Mapping[str, Convert]) -> Callable[[Any], list[ModelT]]:
        namespace: dict[str, Any] = {
            "new": self.model_type.__new__,
            "cls": self.model_type,
            "fields": set(self.names),
            "put": _set,
        }
        items = []
        for index, name in enumerate(self.names):
            if name in converters:
                namespace[f"c{index}"] = converters[name]
                items.append(f"{name!r}: c{index}(r[{index}])")
            else:
                items.append(f"{name!r}: r[{index}]")
        source = (
            "def build(rows):\n"
            "    out = []\n"
            "    for r in rows:\n"
            "        m = new(cls)\n"
            f"        put(m, '__dict__', {{{', '.join(items)}}})\n"
            # Every field is set, so the set never changes: one set serves every model.
            "        put(m, '__pydantic_fields_set__', fields)\n"
            "        put(m, '__pydantic_extra__', None)\n"
            "        put(m, '__pydantic_private__', None)\n"
            "        out.append(m)\n"
            "    return out\n"
        )
        exec(compile(source, f"<rows of {self.model_type.__name__}>", "exec"), namespace)
        return namespace["build"]  # type: ignore[no-any-return]

    def __call__(self, rows: Sequence[Sequence[Any]]) -> list[ModelT]:
        return self._build(rows)
