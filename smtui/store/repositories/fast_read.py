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
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import Boolean, Date, Engine, Select
from sqlalchemy.engine.interfaces import Dialect

from smtui.store.tables import UTCDateTime

ModelT = TypeVar("ModelT", bound=BaseModel)
Convert = Callable[[Any], Any]
_set = object.__setattr__


def instant(value: datetime | str | None) -> datetime | None:
    """A UTCDateTime column's value (text on SQLite, a naive datetime elsewhere) as aware UTC."""
    if value.__class__ is str:
        # Parsed with its offset: ``replace(tzinfo=...)`` costs ten times the parse.
        return datetime.fromisoformat(value + "+00:00")  # type: ignore[operator]
    if value is None:
        return None
    return value.replace(tzinfo=UTC)  # type: ignore[union-attr]


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
